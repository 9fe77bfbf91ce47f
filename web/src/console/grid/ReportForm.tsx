import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, List, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { GRID_REPORT_MAX_FILES, type GridReportReceipt } from '../../../../src/contract/geo';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { gridKeys, submitReport, useMyReports } from './grid-api';
import { gridMessages } from './grid.messages';
import { CameraButton, FileThumbs } from './PhotoInput';
import { PositionLine } from './PositionLine';
import type { Position } from './geolocation';

/**
 * 上报: the issue in words, photos or short videos, the phone's position (required: it finds the
 * reporter's grid). 紧急上报 (after a confirmation) is the one-tap urgent report.
 */
export function ReportForm(props: { position: Position; retry: () => void }) {
  const t = useT(gridMessages);
  const write = useWrite();
  const { modal } = App.useApp();
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<GridReportReceipt | null>(null);
  const { position } = props;
  const add = (more: File[]) => setFiles((had) => [...had, ...more].slice(0, GRID_REPORT_MAX_FILES));

  async function send(urgent: boolean) {
    if (position.state !== 'ok' || !text.trim()) return;
    setBusy(true);
    const done = await write(
      () => submitReport({ text: text.trim(), address: address.trim() || undefined, point: position.point, urgent, files }),
      { invalidate: [gridKeys.reports] },
    );
    setBusy(false);
    if (!done.ok) return;
    setReceipt(done.result);
    setText('');
    setAddress('');
    setFiles([]);
  }

  const confirmUrgent = () =>
    modal.confirm({
      title: t('report.urgentConfirm'),
      content: t('report.urgentHint'),
      okText: t('report.urgent'),
      okButtonProps: { danger: true, size: 'large', 'data-testid': 'grid-urgent-ok' },
      cancelButtonProps: { size: 'large' },
      onOk: () => send(true),
    });

  if (receipt)
    return (
      <Result
        status="success"
        data-testid="grid-report-done"
        title={t(receipt.urgent ? 'report.doneUrgent' : 'report.done', { no: receipt.orderNo })}
        subTitle={receipt.gridName}
        extra={
          <Button type="primary" size="large" onClick={() => setReceipt(null)} data-testid="grid-report-another">
            {t('report.another')}
          </Button>
        }
      />
    );

  const ready = position.state === 'ok' && text.trim().length > 0;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="grid-report">
      <PositionLine position={position} retry={props.retry} />
      {position.state !== 'ok' && position.state !== 'locating' && <Alert type="error" message={t('report.needPosition')} />}
      <div>
        <Typography.Text strong>{t('report.text')}</Typography.Text>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          value={text}
          placeholder={t('report.textPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          style={{ marginTop: 8, fontSize: 16 }}
          data-testid="grid-report-text"
        />
      </div>
      <div>
        <Typography.Text strong>{t('report.address')}</Typography.Text>
        <Input
          size="large"
          maxLength={300}
          value={address}
          placeholder={t('report.addressPlaceholder')}
          onChange={(e) => setAddress(e.target.value)}
          style={{ marginTop: 8 }}
          data-testid="grid-report-address"
        />
      </div>
      <div>
        <Typography.Text strong>{t('report.media', { max: GRID_REPORT_MAX_FILES })}</Typography.Text>
        {files.length < GRID_REPORT_MAX_FILES && (
          <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
            <CameraButton accept="image/*,video/*" capture testId="grid-report-shoot" onFiles={add}>
              <CameraOutlined /> {t('report.shoot')}
            </CameraButton>
            <CameraButton accept="image/*,video/*" multiple testId="grid-report-pick" onFiles={add}>
              <PictureOutlined /> {t('report.pick')}
            </CameraButton>
          </div>
        )}
        <div style={{ marginTop: 8 }}>
          <FileThumbs
            files={files}
            videoWord={t('video')}
            brokenWord={t('notPicture')}
            removeWord={t('report.remove')}
            onRemove={(i) => setFiles((had) => had.filter((_, j) => j !== i))}
          />
        </div>
      </div>
      <Button
        type="primary"
        size="large"
        block
        style={{ height: 52 }}
        disabled={!ready}
        loading={busy}
        onClick={() => void send(false)}
        data-testid="grid-report-submit"
      >
        {t('report.submit')}
      </Button>
      <Button
        danger
        size="large"
        block
        style={{ height: 52 }}
        disabled={!ready || busy}
        onClick={confirmUrgent}
        data-testid="grid-report-urgent"
      >
        {t('report.urgent')}
      </Button>
      <MyReports />
    </Space>
  );
}

/** 我的上报: number, title, how far the order has come. */
function MyReports() {
  const t = useT(gridMessages);
  const reports = useMyReports();
  return (
    <div>
      <Typography.Title level={5}>{t('mine.title')}</Typography.Title>
      <List
        size="small"
        loading={reports.isLoading}
        locale={{ emptyText: t('mine.empty') }}
        dataSource={reports.data?.items ?? []}
        data-testid="grid-my-reports"
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap size={4}>
                {r.urgent && <Tag color="red">{t('urgent')}</Tag>}
                <Tag>{t(`ostate.${r.orderState}`)}</Tag>
                <Typography.Text strong>{r.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">
                {r.orderNo} · {formatTime(r.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

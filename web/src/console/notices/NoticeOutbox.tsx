import { useState } from 'react';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import {
  CITIZEN_CHANNEL_LABELS,
  CITIZEN_EVENT_LABELS,
  CITIZEN_NOTICE_STATUSES,
  CITIZEN_STATUS_LABELS,
  type CitizenNoticeStatus,
  type CitizenNoticeView,
} from '../../../../src/contract/citizen-notices';
import { useLang, useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { useCitizenNotices } from './notices-api';
import { noticeMessages } from './notices.messages';

const STATUS_COLOURS: Record<CitizenNoticeStatus, string> = {
  queued: 'blue',
  held: 'gold',
  sent: 'cyan',
  delivered: 'green',
  failed: 'red',
  skipped: 'default',
};

/** The delivery records, newest first, with the banner a centre without an SMS gateway sees. */
export function NoticeOutbox() {
  const t = useT(noticeMessages);
  const { lang } = useLang();
  const [status, setStatus] = useState<CitizenNoticeStatus | 'all'>('all');
  const notices = useCitizenNotices(status);
  const configured = notices.data?.configured;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {configured && !configured.sms && (
        <Alert type="warning" showIcon message={t('noSms')} description={t('noSmsHint')} data-testid="notices-no-sms" />
      )}
      {configured && !configured.email && <Alert type="info" showIcon message={t('noEmail')} />}
      <Space wrap>
        <Select
          value={status}
          onChange={setStatus}
          style={{ width: 200 }}
          aria-label={t('filter.status')}
          data-testid="notices-status"
          options={[
            { value: 'all', label: t('filter.all') },
            ...CITIZEN_NOTICE_STATUSES.map((s) => ({ value: s, label: CITIZEN_STATUS_LABELS[s][lang] })),
          ]}
        />
        {notices.data && <Typography.Text type="secondary">{t('count', { n: notices.data.items.length })}</Typography.Text>}
      </Space>
      <Table<CitizenNoticeView>
        rowKey="id"
        size="small"
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        // The columns' widths add up to what a 1280 screen gives the card (the expand button takes 48): the
        // 通道编号 column was squeezed to one character there.
        scroll={{ x: 986 }}
        locale={{ emptyText: t('empty') }}
        data-testid="notices-table"
        expandable={{
          expandedRowRender: (n) => (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('col.time'), dataIndex: 'createdAt', width: 136, render: formatTime },
          { title: t('col.orderNo'), dataIndex: 'orderNo', width: 110, render: (no: string | null) => no ?? '—' },
          {
            title: t('col.event'),
            dataIndex: 'event',
            width: 116,
            render: (_, n) => (
              <>
                {CITIZEN_EVENT_LABELS[n.event][lang]}
                {n.urgent && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {t('urgent')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('col.channel'), dataIndex: 'channel', width: 64, render: (_, n) => CITIZEN_CHANNEL_LABELS[n.channel][lang] },
          { title: t('col.recipient'), dataIndex: 'recipient', width: 130 },
          {
            title: t('col.status'),
            dataIndex: 'status',
            width: 220,
            render: (_, n) => (
              <span data-testid="notice-status" data-status={n.status}>
                <Tag color={STATUS_COLOURS[n.status]}>{CITIZEN_STATUS_LABELS[n.status][lang]}</Tag>
                {n.reason && n.status !== 'held' && <Typography.Text type="secondary">{n.reason[lang]}</Typography.Text>}
                {n.status === 'queued' && (
                  <Typography.Text type="secondary">
                    {t('col.notBefore')} {formatTime(n.notBefore)}
                  </Typography.Text>
                )}
                {n.lastError && <Typography.Text type="danger">{n.lastError}</Typography.Text>}
              </span>
            ),
          },
          { title: t('col.attempts'), dataIndex: 'attempts', width: 72, align: 'right' },
          // The text is in the expanded row: a cell would cut it to a few words.
          {
            title: t('col.providerId'),
            dataIndex: 'providerId',
            width: 100,
            ellipsis: true,
            render: (id: string | null) => id ?? '—',
          },
        ]}
      />
    </Space>
  );
}

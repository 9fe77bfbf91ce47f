import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Form, InputNumber, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { adminMessages } from './admin.messages';
import { retentionKey, setRetentionYears, useRetention } from './admin-api';

/**
 * 个人信息保存期限 (ADR 0174): the system administrator sees what the daily erasure will do and when it
 * last did it, and changes the period. A shorter period is confirmed first: the erasure cannot be undone.
 */
export function RetentionAdminPage() {
  const t = useT(adminMessages);
  const write = useWrite();
  const view = useRetention();
  const [years, setYears] = useState<number | null>(null);
  useEffect(() => {
    if (view.data) setYears(view.data.retentionYears);
  }, [view.data]);
  const data = view.data;
  const save = () =>
    years !== null && void write(() => setRetentionYears(years), { success: t('retention.saved'), invalidate: [retentionKey] });
  const shorter = data !== undefined && years !== null && years < data.retentionYears;
  const saveButton = (
    <Button
      type="primary"
      disabled={!data || years === null || years === data.retentionYears}
      onClick={shorter ? undefined : save}
      data-testid="retention-save"
    >
      {t('retention.save')}
    </Button>
  );
  return (
    <Card title={t('retention.title')} loading={view.isLoading} data-testid="retention-page" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('retention.note')}</Typography.Paragraph>
      {data && (
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }} data-testid="retention-facts">
          <Descriptions.Item label={t('retention.closedBefore')}>
            {t('retention.closedBeforeValue', { date: dayjs(data.closedBefore).format('YYYY-MM-DD') })}
          </Descriptions.Item>
          <Descriptions.Item label={t('retention.due')}>
            <span data-testid="retention-due">{t('retention.dueValue', { n: data.due })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('retention.erased')}>
            <span data-testid="retention-erased">{t('retention.erasedValue', { n: data.erased })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('retention.lastRun')}>
            {data.lastRun
              ? t('retention.lastRunValue', { at: formatTime(data.lastRun.at), n: data.lastRun.orders })
              : t('retention.never')}
          </Descriptions.Item>
        </Descriptions>
      )}
      {/* The field and its button side by side, the hint below: it wraps on a phone instead of widening the page. */}
      <Form layout="vertical">
        <Form.Item
          label={t('retention.years')}
          help={t('retention.yearsHelp')}
          validateStatus={years === null ? 'error' : undefined}
        >
          <Space wrap>
            <InputNumber
              min={1}
              max={30}
              precision={0}
              value={years}
              onChange={(v) => setYears(v)}
              data-testid="retention-years"
            />
            {shorter ? (
              <Popconfirm
                title={t('retention.confirm', { n: years })}
                onConfirm={save}
                okButtonProps={{ 'data-testid': 'retention-confirm' } as ButtonProps}
              >
                {saveButton}
              </Popconfirm>
            ) : (
              saveButton
            )}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

import { Card, List, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { OrderCallView } from '../../shared/contract';
import { formatTime } from '../common/tags';
import { useOrderCalls } from './calls-api';
import { callMessages } from './calls.messages';

/** One linked call: when, how long, and its recording in the telephone system (opens in a new tab). */
function CallLine({ call }: { call: OrderCallView }) {
  const t = useT(callMessages);
  return (
    <Space wrap data-testid={`order-call-${call.id}`}>
      <Typography.Text>{formatTime(call.answeredAt ?? call.offeredAt)}</Typography.Text>
      {call.talkSeconds !== null && <Typography.Text type="secondary">{t('talk', { s: call.talkSeconds })}</Typography.Text>}
      {call.recordingUrl && (
        <a href={call.recordingUrl} target="_blank" rel="noreferrer noopener" data-testid="call-recording">
          {t('recording')}
        </a>
      )}
    </Space>
  );
}

/** The order page's calls section: every call the order was taken or followed up on. */
export function OrderCallsCard({ orderId }: { orderId: string }) {
  const t = useT(callMessages);
  const calls = useOrderCalls(orderId);
  const items = calls.data?.items ?? [];
  return (
    <Card title={t('calls')} size="small" style={{ marginTop: 16 }} data-testid="order-calls">
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('noCalls')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <CallLine call={c} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** In the 回访 panel: the recordings of the order's calls, only when there are any. */
export function CallRecordings({ orderId }: { orderId: string }) {
  const calls = useOrderCalls(orderId);
  const recorded = (calls.data?.items ?? []).filter((c) => c.recordingUrl);
  if (recorded.length === 0) return null;
  // A block of its own: an inline Space would share its line with the panel's buttons below.
  return (
    <Space orientation="vertical" style={{ marginTop: 12, display: 'flex' }} data-testid="visit-recordings">
      {recorded.map((c) => (
        <CallLine key={c.id} call={c} />
      ))}
    </Space>
  );
}

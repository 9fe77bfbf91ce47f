import { Alert } from 'antd';
import { useT } from '../../shared/i18n';
import { useTimeline } from '../api/queries';
import type { OrderAction } from '../api/types';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';

/** The request being ruled on, so a return or extension is judged on its reason. */
const REQUEST_OF: Partial<Record<OrderAction, string>> = {
  approve_return: 'request_return',
  reject_return: 'request_return',
  approve_extension: 'request_extension',
  reject_extension: 'request_extension',
};

export function RequestContext({ orderId, action }: { orderId: string; action: OrderAction }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const request = REQUEST_OF[action];
  const timeline = useTimeline(orderId, request !== undefined);
  if (!request) return null;
  const event = [...(timeline.data?.events ?? [])].reverse().find((e) => e.action === request);
  if (!event) return null;
  const p = event.payload ?? {};
  const who = [event.actor_name ?? event.actor_label, event.actor_unit_name].filter(Boolean).join(' · ');
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 12 }}
      data-testid="request-context"
      title={`${l(`action.${request}` as never)} · ${who} · ${formatTime(event.at)}`}
      description={
        <>
          <div>
            {t('form.reason')}: {typeof p.reason === 'string' ? p.reason : '—'}
          </div>
          {typeof p.newDeadline === 'string' && (
            <div>
              {t('form.newDeadline')}: {formatTime(p.newDeadline)}
            </div>
          )}
        </>
      }
    />
  );
}

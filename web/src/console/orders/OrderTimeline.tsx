import { Empty, Spin, Timeline, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useTimeline } from '../api/queries';
import type { TimelineEvent } from '../api/types';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages, type OrderMessageKey } from './orders.messages';
import { VerifyEventDetails } from '../grid/VerifyEventDetails';

const COLOURS: Record<string, string> = {
  accept: 'blue',
  dispatch: 'blue',
  sign: 'green',
  reply: 'green',
  review_accept: 'green',
  visit_close: 'green',
  answer_directly: 'green',
  review_send_back: 'red',
  visit_rehandle: 'red',
  escalate: 'red',
  request_return: 'orange',
  request_extension: 'orange',
  forward: 'blue',
  hop_accept: 'green',
  hop_send_back: 'red',
  hop_return: 'orange',
  instruction: 'purple',
  instruction_ack: 'purple',
  instruction_answer: 'green',
  consult_open: 'purple',
  consult_conclude: 'green',
  external_comment: 'blue',
  assist_opinion: 'green',
  assist_urge: 'orange',
  progress_report: 'blue',
};

/** Fields of an event's payload that are deadlines (set by the time-limits capability). */
const deadlineEntries = (payload: Record<string, unknown> | null) =>
  Object.entries(payload ?? {}).filter(([k, v]) => typeof v === 'string' && /(deadline|dueAt|due_at)$/i.test(k));

function EventBody({ event }: { event: TimelineEvent }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const state = (s: string | null) => (s ? l(`state.${s}` as never) : '—');
  const who = [event.actor_name ?? event.actor_label, event.actor_unit_name].filter(Boolean).join(' · ');
  const payload = event.payload ?? {};
  // A deadline field by its name in words (新时限 …); a field without its own words is just 时限.
  const deadlineName = (field: string) => {
    // A 协办 step's dueAt is the assisting unit's own deadline (ADR 0120), not a stage clock.
    if (event.action.startsWith('assist_')) return t('timeline.assistDue');
    const key = `timeline.deadline.${field}`;
    return key in orderMessages.zh ? t(key as OrderMessageKey) : t('timeline.deadline');
  };
  const details = [
    'answer',
    'progress', // 阶段性答复: what was done so far, then why it is not finished (reason)
    'reason',
    'explanation',
    'summary',
    'text',
    'instructions',
    'leadUnitName',
    'unitName',
    'intoOrderNo',
    'fileName',
  ]
    .map((k) => payload[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (payload.level === 'yellow' || payload.level === 'red') details.unshift(l(`warn.${payload.level}`));
  // A hop of the forwarding chain (下派): which unit passed it to which.
  if (typeof payload.fromUnitName === 'string' && typeof payload.toUnitName === 'string') {
    details.unshift(`${payload.fromUnitName} → ${payload.toUnitName}`);
  }
  const assist = payload.assistUnitNames;
  if (Array.isArray(assist) && assist.length > 0) details.push(`${t('timeline.assist')}: ${assist.join('、')}`);
  const asked = payload.unitNames; // 会商's units (issue 14)
  if (Array.isArray(asked) && asked.length > 0) details.push(asked.join('、'));
  if (typeof payload.satisfaction === 'string') details.push(l(`sat.${payload.satisfaction}` as never));
  if (typeof payload.resolved === 'boolean') details.push(l(`resolved.${payload.resolved}`));
  if (event.action === 'accept' && typeof payload.deskName === 'string') {
    // routed at intake (ADR 0193): by the catalogue rule's sub-centre, or by the region's
    details.push(
      payload.routedBy === 'catalogue'
        ? t('timeline.routedByCatalogue', { no: String(payload.catalogueRuleNo ?? ''), desk: payload.deskName })
        : t('timeline.routedByRegion', { desk: payload.deskName }),
    );
  }
  if (event.action === 'route_to_desk' || event.action === 'hand_up') {
    // 转分中心 / 上交中心: from which desk to which (a null desk is the league centre's)
    const desk = (name: unknown) => (typeof name === 'string' ? name : t('detail.leagueDesk'));
    details.unshift(`${desk(payload.fromDeskName)} → ${desk(payload.deskName)}`);
  }
  return (
    <div data-testid="timeline-event" data-action={event.action}>
      <Typography.Text strong>{l(`action.${event.action}`)}</Typography.Text>{' '}
      <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
      <div>
        {t('timeline.by')}: {who || '—'}
        {event.from_state !== event.to_state && (
          <span>
            {' '}
            · {state(event.from_state)} → {state(event.to_state)}
          </span>
        )}
      </div>
      {details.map((d, i) => (
        <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {d}
        </div>
      ))}
      <VerifyEventDetails event={event} />
      {event.note && (
        <div>
          {t('timeline.note')}: {event.note}
        </div>
      )}
      {deadlineEntries(event.payload).map(([k, v]) => (
        <div key={k}>
          {deadlineName(k)} {formatTime(v as string)}
        </div>
      ))}
    </div>
  );
}

/** 全程可追溯: every step of the order, oldest first, with who, when, from → to, note and deadlines. */
export function OrderTimeline({ orderId }: { orderId: string }) {
  const timeline = useTimeline(orderId);
  if (timeline.isLoading) return <Spin />;
  if (!timeline.data || timeline.data.events.length === 0) return <Empty />;
  return (
    <Timeline
      data-testid="order-timeline"
      items={timeline.data.events.map((e) => ({
        key: e.id,
        color: COLOURS[e.action] ?? 'gray',
        content: <EventBody event={e} />,
      }))}
    />
  );
}

import { Typography } from 'antd';
import { useTimeline } from '../api/queries';
import type { TimelineEvent } from '../api/types';

/** The unit's latest reply (text and result) as recorded in the timeline. */
export function latestReply(events: TimelineEvent[] | undefined): { text: string; result: string | null; at: string } | null {
  const reply = [...(events ?? [])].reverse().find((e) => e.action === 'reply');
  if (!reply) return null;
  const p = reply.payload ?? {};
  return { text: typeof p.text === 'string' ? p.text : '', result: typeof p.result === 'string' ? p.result : null, at: reply.at };
}

export function LatestReply({ orderId }: { orderId: string }) {
  const timeline = useTimeline(orderId);
  const reply = latestReply(timeline.data?.events);
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="latest-reply">
      {reply?.text ?? '—'}
    </Typography.Paragraph>
  );
}

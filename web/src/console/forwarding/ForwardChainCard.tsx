import { Card, Descriptions, Steps, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { ForwardHopView } from '../../shared/contract';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { forwardingMessages } from './forwarding.messages';
import { useForwardChain } from './forwarding-api';

const HOP_COLOUR: Record<ForwardHopView['state'], string> = {
  pending: 'gold',
  handling: 'blue',
  replied: 'purple',
  accepted: 'green',
  returned: 'default',
};

const HOP_STEP = { pending: 'process', handling: 'process', replied: 'process', accepted: 'finish', returned: 'error' } as const;

/** The order's 下派链: who holds it now, and each hop with its deadline, note, reply or return reason. */
export function ForwardChainCard({ orderId }: { orderId: string }) {
  const f = useT(forwardingMessages);
  const l = useT(labels);
  const chain = useForwardChain(orderId).data;
  if (!chain || (chain.hops.length === 0 && chain.targets.length === 0)) return null;
  return (
    <Card title={f('chain.title')} size="small" style={{ marginTop: 16 }} data-testid="forward-chain">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={f('chain.lead')}>{chain.leadUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('chain.holder')}>
          <Tag color="blue" data-testid="forward-holder">
            {chain.holderUnitName ?? '—'}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      {chain.hops.length === 0 ? (
        <Typography.Text type="secondary">{f('chain.none')}</Typography.Text>
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          items={chain.hops.map((h) => ({
            status: HOP_STEP[h.state],
            title: (
              <span data-testid={`hop-${h.depth}-${h.state}`}>
                {h.fromUnitName} → {h.toUnitName} <Tag color={HOP_COLOUR[h.state]}>{f(`hop.${h.state}`)}</Tag>
              </span>
            ),
            description: (
              <div style={{ fontSize: 12 }}>
                <div>
                  {f('chain.due')}: <b data-testid={`hop-due-${h.depth}`}>{formatTime(h.dueAt)}</b> · {f('chain.forwardedAt')}:{' '}
                  {formatTime(h.forwardedAt)}
                </div>
                <div>
                  {f('chain.note')}: {h.note}
                </div>
                {h.replyText && (
                  <div>
                    {f('chain.reply')}: {h.replyResult ? `${l(`result.${h.replyResult}`)} · ` : ''}
                    {h.replyText}
                  </div>
                )}
                {h.closedReason && (
                  <div>
                    {f('chain.reason')}: {h.closedReason}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

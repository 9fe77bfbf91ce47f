import { useT } from '../../shared/i18n';
import type { OrderView } from '../../shared/contract';
import { labels } from '../common/labels.messages';
import { useMergedLines, useServiceWindows } from './channels-api';

/** The order's channel in words: 电话（拨打 12315 市场监管投诉举报热线）, 窗口（锡林浩特市「办不成事」反映窗口）. */
export function ChannelSource({ order }: { order: Pick<OrderView, 'channel' | 'sourceNumber' | 'windowId'> }) {
  const l = useT(labels);
  const lines = useMergedLines(order.sourceNumber !== null);
  const windows = useServiceWindows(order.windowId !== null);
  const line = lines.data?.items.find((x) => x.number === order.sourceNumber);
  const window = windows.data?.items.find((x) => x.id === order.windowId);
  const detail = order.sourceNumber ? `☎ ${order.sourceNumber}${line ? ` ${line.name}` : ''}` : window ? window.name : null;
  return (
    <span data-testid="order-channel">
      {l(`channel.${order.channel}` as never)}
      {detail && `（${detail}）`}
    </span>
  );
}

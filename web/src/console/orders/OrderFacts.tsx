import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import { useT } from '../../shared/i18n';
import { useCategories, useRegions } from '../api/queries';
import type { OrderDetail } from '../api/types';
import { nameIndex } from '../common/tree';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { ChannelSource } from '../channels/ChannelSource';
import { hasOrigin, OrderOrigin } from './OrderOrigin';

/** The order's facts on its page: type, channel, caller (as the API masked it), place, units, counts, text. */
export function OrderFacts({ detail }: { detail: OrderDetail }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const categories = nameIndex(useCategories().data?.items);
  const regions = nameIndex(useRegions().data?.items);
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      styles={{ label: NO_WRAP }}
      items={detailItems(detail.order, detail, { t, l, categories, regions })}
    />
  );
}

/** Labels such as 来电人 stay on one line at every width (they wrapped one character per line). */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Translate = (key: never, vars?: Record<string, string | number>) => string;

/** The order's facts as Descriptions items (caller shown exactly as the API masked it). */
function detailItems(
  o: OrderDetail['order'],
  detail: OrderDetail,
  ctx: {
    t: ReturnType<typeof useT<keyof typeof orderMessages.zh>>;
    l: Translate;
    categories: Map<string, string>;
    regions: Map<string, string>;
  },
): DescriptionsProps['items'] {
  const { t, l, categories, regions } = ctx;
  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('col.type'), children: l(`type.${o.appealType}` as never) },
    { key: 'channel', label: t('detail.channel'), children: <ChannelSource order={o} /> },
    ...(hasOrigin(detail.origin)
      ? [{ key: 'origin', label: t('detail.origin'), span: 2, children: <OrderOrigin origin={detail.origin} /> }]
      : []),
    {
      key: 'caller',
      label: t('detail.caller'),
      children: (
        <>
          <span data-testid="caller-name">{o.caller.name ?? '—'}</span>
          {o.caller.masked && <Tag style={{ marginLeft: 8 }}>{t('detail.masked')}</Tag>}
          {o.caller.confidential && <Tag color="orange">{t('detail.confidential')}</Tag>}
        </>
      ),
    },
    { key: 'phone', label: t('detail.phone'), children: <span data-testid="caller-phone">{o.caller.phone ?? '—'}</span> },
    { key: 'category', label: t('detail.category'), children: o.categoryId ? categories.get(o.categoryId) : '—' },
    { key: 'region', label: t('detail.region'), children: o.regionId ? regions.get(o.regionId) : '—' },
    { key: 'address', label: t('detail.address'), span: 2, children: o.address ?? '—' },
    { key: 'accepted', label: t('col.acceptedAt'), children: formatTime(o.acceptedAt) },
    { key: 'lead', label: t('col.leadUnit'), children: detail.leadUnitName ?? '—' },
    {
      key: 'desk',
      label: t('detail.desk'),
      children: <span data-testid="order-desk">{detail.deskUnitName ?? t('detail.leagueDesk')}</span>,
    },
    { key: 'dispatches', label: t('detail.dispatchCount'), children: o.dispatchCount },
    { key: 'rehandles', label: t('detail.rehandleCount'), children: o.rehandleCount },
  ];
  if (o.replyResult) items.push({ key: 'reply', label: t('detail.reply'), children: l(`result.${o.replyResult}` as never) });
  if (o.satisfaction) {
    const resolved = o.resolved !== null ? ` · ${l(`resolved.${o.resolved}` as never)}` : '';
    items.push({ key: 'sat', label: t('detail.satisfaction'), children: `${l(`sat.${o.satisfaction}` as never)}${resolved}` });
  }
  items.push({
    key: 'content',
    label: t('detail.content'),
    span: 2,
    children: (
      <div style={{ whiteSpace: 'pre-wrap' }} data-testid="order-content">
        {o.content}
      </div>
    ),
  });
  return items;
}

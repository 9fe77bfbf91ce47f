import { useState } from 'react';
import { Card, Segmented, Table } from 'antd';
import { CHANNEL_LABELS, MAIN_HOTLINE, type Channel, type KpiKey } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useKpis, type KpiGroup } from './kpi-api';
import { formatKpi, kpiMessages } from './kpi.messages';

type Dimension = 'channel' | 'line';

/** The columns per dimension: calls only where the figures are the centre's own (a unit sees no calls). */
const COLUMNS: Record<Dimension, KpiKey[]> = {
  channel: ['acceptedCount', 'closureRate', 'onTimeClosureRate', 'satisfactionRate'],
  line: ['answerRate', 'acceptedCount', 'closureRate', 'satisfactionRate'],
};
const CALL_KPIS = new Set<KpiKey>(['answerRate']);

/**
 * 数据看板: the period's KPIs grouped by 受理渠道 or by the hotline number dialled (12345 or an original
 * line of the merged-lines register), as GET /api/kpis?groupBy=channel|line answers them.
 */
export function KpiByDimension({ period, unitScoped }: { period: { from: string; to: string }; unitScoped: boolean }) {
  const t = useT(kpiMessages);
  const { lang } = useLang();
  const [by, setBy] = useState<Dimension>('channel');
  const report = useKpis({ ...period, groupBy: by });
  const keys = COLUMNS[by].filter((k) => !(unitScoped && CALL_KPIS.has(k)));
  const name = (g: KpiGroup) =>
    by === 'channel'
      ? (CHANNEL_LABELS[g.key as Channel]?.[lang] ?? t('dash.noChannel'))
      : g.key === MAIN_HOTLINE
        ? t('dash.mainLine', { n: g.key })
        : g.key === 'none'
          ? t('dash.noLine')
          : g.key;
  const definitionOf = (key: KpiKey) => report.data?.definitions.find((d) => d.key === key);
  return (
    <Card
      size="small"
      title={t('dash.byDimension')}
      extra={
        <Segmented<Dimension>
          size="small"
          value={by}
          onChange={setBy}
          options={[
            { value: 'channel', label: t('dash.byChannel') },
            { value: 'line', label: t('dash.byLine') },
          ]}
          data-testid="kpi-dimension"
        />
      }
      data-testid="kpi-by-dimension"
    >
      <Table<KpiGroup>
        size="small"
        rowKey="key"
        pagination={false}
        loading={report.isFetching && !report.data}
        dataSource={report.data?.groups.filter((g) => g.counters.accepted > 0 || (g.counters.calls_offered ?? 0) > 0) ?? []}
        columns={[
          { title: by === 'channel' ? t('dash.channel') : t('dash.line'), key: 'name', render: (_, g) => name(g) },
          ...(by === 'line' && !unitScoped
            ? [
                {
                  title: t('dash.calls'),
                  key: 'calls',
                  align: 'right' as const,
                  render: (_: unknown, g: KpiGroup) => g.counters.calls_offered ?? 0,
                },
              ]
            : []),
          ...keys.map((key) => ({
            title: definitionOf(key)?.[lang] ?? key,
            key,
            align: 'right' as const,
            render: (_: unknown, g: KpiGroup) => formatKpi(definitionOf(key)?.kind ?? 'count', g.kpis[key]?.value ?? null),
          })),
        ]}
      />
    </Card>
  );
}

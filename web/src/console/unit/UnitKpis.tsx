import { Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { toQueryString } from '../api/queries';
import { queueMessages } from '../messages/queues';

interface KpiDefinition {
  key: string;
  zh: string;
  en: string;
  kind: string;
  formula?: { zh: string; en: string };
}
interface KpiReport {
  definitions: KpiDefinition[] | Record<string, KpiDefinition>;
  total: { kpis: Record<string, { value: number | null; change: number | null }> };
}

/** The figures a unit is assessed on, from the KPI API (src/analytics), for this month so far. */
const SHOWN = ['timelySignRate', 'responseRate', 'onTimeClosureRate', 'resolutionRate', 'satisfactionRate', 'rehandleRate'];

export function UnitKpis({ unitId }: { unitId: string }) {
  const q = useT(queueMessages);
  const { lang } = useLang();
  const from = dayjs().startOf('month').format('YYYY-MM-DD');
  const to = dayjs().format('YYYY-MM-DD');
  const report = useQuery({
    queryKey: ['kpis', unitId, from, to],
    queryFn: () => api<KpiReport>(`/api/kpis${toQueryString({ from, to, unitId })}`),
    retry: false,
    meta: { live: true },
  });
  if (!report.data) return null;
  const defs = Array.isArray(report.data.definitions) ? report.data.definitions : Object.values(report.data.definitions);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return (
    <>
      <Typography.Text strong>{q('unit.kpis', { from, to })}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }} data-testid="unit-kpis">
        {SHOWN.filter((k) => byKey.has(k)).map((key) => {
          const def = byKey.get(key)!;
          const fig = report.data.total.kpis[key];
          const value = fig?.value ?? null;
          return (
            <Col key={key} span={4}>
              <Tooltip title={def.formula?.[lang]}>
                <Statistic
                  title={lang === 'en' ? def.en : def.zh}
                  value={value === null ? '—' : def.kind === 'ratio' ? (value * 100).toFixed(1) : value}
                  suffix={value !== null && def.kind === 'ratio' ? '%' : undefined}
                />
              </Tooltip>
            </Col>
          );
        })}
      </Row>
    </>
  );
}

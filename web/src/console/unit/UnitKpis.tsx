import { Col, Row, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLang, useT } from '../../shared/i18n';
import { useKpis } from '../analytics/kpi-api';
import type { KpiKey } from '../../shared/contract';
import { queueMessages } from '../common/queues.messages';

/** The figures a unit is assessed on, from the KPI API (src/analytics), for this month so far. */
const SHOWN: KpiKey[] = [
  'timelySignRate',
  'responseRate',
  'onTimeClosureRate',
  'resolutionRate',
  'satisfactionRate',
  'rehandleRate',
  'assistOnTimeRate',
  'hopOnTimeRate',
];

export function UnitKpis({ unitId }: { unitId: string }) {
  const q = useT(queueMessages);
  const { lang } = useLang();
  const from = dayjs().startOf('month').format('YYYY-MM-DD');
  const to = dayjs().format('YYYY-MM-DD');
  const report = useKpis({ from, to, unitId });
  if (!report.data) return null;
  const byKey = new Map(report.data.definitions.map((d) => [d.key, d]));
  return (
    <>
      <Typography.Text strong>{q('unit.kpis', { from, to })}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }} data-testid="unit-kpis">
        {SHOWN.filter((k) => byKey.has(k)).map((key) => {
          const def = byKey.get(key)!;
          const fig = report.data.total.kpis[key];
          const value = fig?.value ?? null;
          return (
            <Col key={key} xs={12} md={6} xl={3}>
              <Tooltip title={def.formula[lang]}>
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

import { Descriptions, Table, Typography } from 'antd';
import type { KpiKey } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import type { MonthAssessment, UnitScore } from './analytics-api';
import { analyticsMessages } from './analytics.messages';

const INDICATOR_NAMES: Partial<Record<KpiKey, [string, string]>> = {
  responseRate: ['响应率', 'Response rate'],
  resolutionRate: ['解决率', 'Resolution rate'],
  satisfactionRate: ['满意率', 'Satisfaction rate'],
};
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The month's ranking of units with its weights and deductions (the list half of the assessment page). */
export function AssessmentRanking({ assessment, loading }: { assessment: MonthAssessment | undefined; loading: boolean }) {
  const t = useT(analyticsMessages);
  const { lang } = useLang();
  const indicatorName = (key: string) => INDICATOR_NAMES[key as KpiKey]?.[lang === 'en' ? 1 : 0] ?? key;
  const cfg = assessment?.config;
  return (
    <>
      <Table<UnitScore>
        rowKey="unitId"
        size="small"
        loading={loading}
        dataSource={assessment?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('as.col.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
          { title: t('as.col.unit'), dataIndex: 'unitName' },
          {
            title: t('as.col.score'),
            dataIndex: 'score',
            render: (v: number | null) =>
              v === null ? <Typography.Text type="secondary">{t('as.noScore')}</Typography.Text> : <b>{v}</b>,
          },
          ...(cfg?.indicators ?? []).map((ind, i) => ({
            title: `${indicatorName(ind.key)} (${ind.weight})`,
            key: ind.key,
            render: (_: unknown, r: UnitScore) => pct(r.indicators[i]?.value ?? null),
          })),
          { title: t('as.col.base'), dataIndex: 'baseScore', render: (v: number | null) => v ?? '—' },
          {
            title: t('as.col.deduction'),
            render: (_: unknown, r: UnitScore) => (
              <span
                title={t('as.col.deductionDetail', {
                  o: r.deductions.overdue,
                  r: r.deductions.returns,
                  h: r.deductions.rehandles,
                })}
              >
                {r.deductionPoints > 0 ? `−${r.deductionPoints}` : 0}
              </span>
            ),
          },
          { title: t('as.col.excluded'), dataIndex: 'excludedOrders' },
        ]}
      />
      {cfg && (
        <Descriptions size="small" column={1} style={{ marginTop: 16 }} title={t('as.weights')}>
          <Descriptions.Item label="Σ">
            {cfg.indicators.map((i) => `${indicatorName(i.key)} ${i.weight}`).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label="−">
            {t('as.points', {
              o: cfg.deductions.overdue,
              r: cfg.deductions.return,
              h: cfg.deductions.rehandle,
              b: cfg.basicSatisfiedWeight,
            })}
          </Descriptions.Item>
          <Descriptions.Item label="=">{t('as.weightsHelp')}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}

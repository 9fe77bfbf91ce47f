import { useMemo, useState, type Key } from 'react';
import { Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { KPI_NAMES, type KpiKey } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import type { MonthAssessmentView as MonthAssessment } from '../../shared/contract';
import { analyticsMessages } from './analytics.messages';
import { rankingTree, type RankingRow } from './assessment-rows';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The month's ranking of units with its weights and deductions (the list half of the assessment page). */
export function AssessmentRanking({ assessment, loading }: { assessment: MonthAssessment | undefined; loading: boolean }) {
  const t = useT(analyticsMessages);
  const { lang } = useLang();
  const indicatorName = (key: string) => KPI_NAMES[key as KpiKey]?.[lang] ?? key;
  const cfg = assessment?.config;
  const { scored, unscored } = useMemo(() => rankingTree(assessment?.rows ?? []), [assessment?.rows]);
  // A unit's own few rows open with their departments shown; the centre's long list opens folded.
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const expandedKeys = expanded ?? (scored.length <= 3 ? scored.map((r) => r.unitId) : []);
  return (
    <>
      <Table<RankingRow>
        rowKey="unitId"
        size="small"
        loading={loading}
        dataSource={scored}
        pagination={false}
        data-testid="assessment-ranking"
        expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys) }}
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
            render: (_: unknown, r: RankingRow) => pct(r.indicators[i]?.value ?? null),
          })),
          { title: t('as.col.base'), dataIndex: 'baseScore', render: (v: number | null) => v ?? '—' },
          {
            title: t('as.col.deduction'),
            render: (_: unknown, r: RankingRow) => (
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
      {scored.some((r) => r.children) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('as.departments')}
        </Typography.Text>
      )}
      {unscored.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          data-testid="assessment-unscored"
          items={[
            {
              key: 'unscored',
              label: t('as.unscored', { n: unscored.length }),
              children: (
                <Space size={[4, 4]} wrap>
                  {unscored.map((r) => (
                    <Tag key={r.unitId}>{r.unitName}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
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

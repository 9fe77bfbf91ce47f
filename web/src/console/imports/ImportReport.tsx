import { Alert, Space, Statistic, Table } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { IMPORT_FIELD_LABELS, IMPORT_PROBLEM_LABELS, type ImportProblem, type ImportReportView } from '../../shared/contract';
import { importMessages } from './imports.messages';

/** A dry run's answer: how many rows, how many good and bad, and every bad row by number, field and reason. */
export function ImportReport({ report }: { report: ImportReportView }) {
  const t = useT(importMessages);
  const { lang } = useLang();
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-report">
      <Space size={48}>
        <Statistic title={t('report.total')} value={report.totalRows} />
        <Statistic title={t('report.good')} value={report.goodRows} data-testid="import-good-rows" />
        <Statistic
          title={t('report.bad')}
          value={report.badRows}
          valueStyle={report.badRows > 0 ? { color: '#cf1322' } : undefined}
          data-testid="import-bad-rows"
        />
      </Space>
      {report.badRows === 0 ? (
        <Alert type="success" showIcon message={t('report.allGood', { n: report.totalRows })} />
      ) : (
        <Alert type="error" showIcon message={t('report.fix', { n: report.badRows })} />
      )}
      {report.problems.length > 0 && (
        <Table<ImportProblem & { key: number }>
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={report.problems.map((p, key) => ({ ...p, key }))}
          onRow={(p) => ({ 'data-testid': `import-problem-${p.row}-${p.field}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('problem.row'), dataIndex: 'row', width: 80 },
            {
              title: t('problem.field'),
              dataIndex: 'field',
              width: 200,
              render: (f: ImportProblem['field']) => (f === 'row' ? t('problem.wholeRow') : IMPORT_FIELD_LABELS[f][lang]),
            },
            {
              title: t('problem.reason'),
              dataIndex: 'reason',
              render: (r: ImportProblem['reason']) => IMPORT_PROBLEM_LABELS[r][lang],
            },
            { title: t('problem.value'), dataIndex: 'value', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
      {report.moreProblems > 0 && <Alert type="info" message={t('report.more', { n: report.moreProblems })} />}
    </Space>
  );
}

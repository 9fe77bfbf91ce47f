import { Card, Table, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { ImportRunView } from '../../shared/contract';
import { formatTime } from '../common/tags';
import { useImportRuns } from './imports-api';
import { importMessages } from './imports.messages';

const STATE_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;

/** The centre's past imports (latest first): file, counts, state, who and when. */
export function ImportRunsTable() {
  const t = useT(importMessages);
  const runs = useImportRuns();
  return (
    <Card title={t('runs')} size="small">
      <Table<ImportRunView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={runs.isLoading}
        dataSource={runs.data?.runs ?? []}
        onRow={(r) => ({ 'data-testid': `import-run-${r.fileName}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('run.file'), dataIndex: 'fileName' },
          { title: t('run.rows'), dataIndex: 'totalRows', width: 90 },
          { title: t('run.imported'), dataIndex: 'imported', width: 100 },
          { title: t('run.skipped'), dataIndex: 'skipped', width: 80 },
          {
            title: t('run.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: ImportRunView['state'], r) => (
              <Tag color={STATE_COLOR[s]} title={r.failure ?? undefined}>
                {t(`state.${s}`)}
              </Tag>
            ),
          },
          { title: t('run.by'), dataIndex: 'startedByName', width: 110, render: (n: string | null) => n ?? '—' },
          { title: t('run.startedAt'), dataIndex: 'startedAt', width: 150, render: (at: string) => formatTime(at) },
          { title: t('run.finishedAt'), dataIndex: 'finishedAt', width: 150, render: (at: string | null) => formatTime(at) },
        ]}
      />
    </Card>
  );
}

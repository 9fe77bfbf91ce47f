import { Alert, Button, Progress, Result, Space, Spin } from 'antd';
import { useT } from '../../shared/i18n';
import type { ImportRunView } from '../../shared/contract';
import { useImportRun } from './imports-api';
import { importMessages } from './imports.messages';

/** Data rows committed: the checkpoint counts rows as a spreadsheet does (the header is row 1). */
export const rowsCommitted = (run: ImportRunView) => Math.min(run.totalRows, Math.max(0, run.rowsDone - 1));

/**
 * Step 4: the run's batches are written on the server; this asks for its checkpoint every second
 * (useImportRun) and shows the bar, then the counts — or why it stopped, with a way to resume.
 */
export function ImportRunProgress({
  runId,
  onResume,
  onAnother,
}: {
  runId: string;
  onResume: () => void;
  onAnother: () => void;
}) {
  const t = useT(importMessages);
  const run = useImportRun(runId).data;
  if (!run) return <Spin />;
  const done = rowsCommitted(run);
  const percent = run.totalRows === 0 ? 100 : Math.floor((100 * done) / run.totalRows);
  if (run.state === 'done') {
    return (
      <Result
        status="success"
        title={<span data-testid="import-result">{t('done', { imported: run.imported, skipped: run.skipped })}</span>}
        extra={
          <Button type="primary" onClick={onAnother}>
            {t('another')}
          </Button>
        }
      />
    );
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={percent} status={run.state === 'failed' ? 'exception' : 'active'} />
      <span>{t('running', { done, total: run.totalRows })}</span>
      {run.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          message={t('failed', { reason: run.failure ?? '' })}
          action={
            <Button size="small" onClick={onResume} data-testid="import-resume">
              {t('resume')}
            </Button>
          }
        />
      )}
    </Space>
  );
}

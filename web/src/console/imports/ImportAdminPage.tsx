import { useMemo, useState } from 'react';
import { Alert, Button, Card, Space, Steps } from 'antd';
import { useT } from '../../shared/i18n';
import type { ImportMapping } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { DryRunStep } from './DryRunStep';
import { ImportFileStep, type ChosenFile } from './ImportFileStep';
import { ImportRunProgress } from './ImportRunProgress';
import { ImportRunsTable } from './ImportRunsTable';
import { importKeys, startImport } from './imports-api';
import { importMessages } from './imports.messages';
import { guessColumns, withTables, type ValueTables } from './mapping';
import { MappingEditor } from './MappingEditor';

type Step = 'file' | 'mapping' | 'dryRun' | 'run';
const STEPS: Step[] = ['file', 'mapping', 'dryRun', 'run'];

/**
 * /admin/import — 历史数据导入 (issue 17, ADRs 0183, 0184): upload a previous system's file, see its
 * first rows, map columns to fields with value tables, dry-run (every bad row named), then import while
 * the page follows the run's checkpoint; the past runs below. The same mapping the CLI reads.
 */
export function ImportAdminPage() {
  const t = useT(importMessages);
  const write = useWrite();
  const [step, setStep] = useState<Step>('file');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ columns: {} });
  const [tables, setTables] = useState<ValueTables>({});
  const [runId, setRunId] = useState<string | null>(null);
  // One object per change of the editor: the dry run runs again only when the mapping changed.
  const sent = useMemo(() => withTables(mapping, tables), [mapping, tables]);
  const choose = (c: ChosenFile) => {
    setChosen(c);
    setMapping({ columns: guessColumns(c.preview.columns), ...(c.sheet ? { sheet: c.sheet } : {}) });
    setTables({});
  };
  const reset = () => {
    setChosen(null);
    setRunId(null);
    setStep('file');
  };
  const resume = async () => {
    if (!chosen || !runId) return;
    const done = await write(() => startImport(chosen.file, sent), { invalidate: [importKeys.runs, importKeys.run(runId)] });
    if (done.ok && done.result.run) setRunId(done.result.run.id);
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('title')} data-testid="import-admin">
        <Alert type="info" showIcon message={t('hint')} style={{ marginBottom: 16 }} />
        <Steps
          size="small"
          current={STEPS.indexOf(step)}
          items={STEPS.map((s) => ({ title: t(`step.${s}`) }))}
          style={{ marginBottom: 24 }}
        />
        {step === 'file' && <ImportFileStep chosen={chosen} onChosen={choose} onNext={() => setStep('mapping')} />}
        {step === 'mapping' && chosen && (
          <MappingEditor
            preview={chosen.preview}
            mapping={mapping}
            tables={tables}
            onMapping={setMapping}
            onTables={setTables}
            onBack={() => setStep('file')}
            onNext={() => setStep('dryRun')}
          />
        )}
        {step === 'dryRun' && chosen && (
          <DryRunStep
            file={chosen.file}
            mapping={sent}
            onBack={() => setStep('mapping')}
            onStarted={(id) => {
              setRunId(id);
              setStep('run');
            }}
          />
        )}
        {step === 'run' && runId && <ImportRunProgress runId={runId} onResume={() => void resume()} onAnother={reset} />}
        {step !== 'file' && step !== 'run' && (
          <Button type="link" onClick={reset} style={{ paddingLeft: 0, marginTop: 8 }}>
            {t('restart')}
          </Button>
        )}
      </Card>
      <ImportRunsTable />
    </Space>
  );
}

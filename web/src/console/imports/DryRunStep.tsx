import { useEffect, useState } from 'react';
import { Button, Space, Spin } from 'antd';
import { useT } from '../../shared/i18n';
import type { ImportMapping, ImportReportView } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { dryRunImport, importKeys, startImport } from './imports-api';
import { importMessages } from './imports.messages';
import { ImportReport } from './ImportReport';

/**
 * Step 3: the dry run checks every row against the centre's categories, regions and units and names
 * each bad one; only a file without a bad row offers the real run, which the server checks once more.
 */
export function DryRunStep({
  file,
  mapping,
  onBack,
  onStarted,
}: {
  file: File;
  mapping: ImportMapping;
  onBack: () => void;
  onStarted: (runId: string) => void;
}) {
  const t = useT(importMessages);
  const write = useWrite();
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [busy, setBusy] = useState<'check' | 'start' | null>('check');
  useEffect(() => {
    let live = true;
    void write(() => dryRunImport(file, mapping)).then((done) => {
      if (!live) return;
      setBusy(null);
      if (done.ok) setReport(done.result);
    });
    return () => {
      live = false;
    };
  }, [file, mapping, write]);
  const start = async () => {
    setBusy('start');
    const done = await write(() => startImport(file, mapping), { invalidate: [importKeys.runs] });
    setBusy(null);
    if (!done.ok) return;
    if (done.result.run) onStarted(done.result.run.id);
    else setReport(done.result.report);
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {busy === 'check' && (
        <Space>
          <Spin />
          {t('dryRunning')}
        </Space>
      )}
      {report && <ImportReport report={report} />}
      <Space>
        <Button onClick={onBack} disabled={busy !== null}>
          {t('back')}
        </Button>
        {report && report.badRows === 0 && (
          <Button type="primary" loading={busy === 'start'} onClick={() => void start()} data-testid="import-start">
            {t('start')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { ImportMapping, ImportPreviewView, ImportReportView, ImportRunView, ImportStartView } from '../../shared/contract';

/** 历史数据导入 (ADRs 0183, 0184): the console's reads and writes of the import API. */
export const importKeys = {
  runs: ['import-runs'] as const,
  run: (id: string) => ['import-runs', id] as const,
};

/** How often a running import is asked for its checkpoint. */
export const POLL_MS = 1000;

const upload = (file: File, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file.name);
  return body;
};

export const previewImport = (file: File, sheet?: string) =>
  api<ImportPreviewView>('/api/import/orders/preview', { method: 'POST', body: upload(file, sheet ? { sheet } : {}) });

export const dryRunImport = (file: File, mapping: ImportMapping) =>
  api<ImportReportView>('/api/import/orders', {
    method: 'POST',
    body: upload(file, { mapping: JSON.stringify(mapping), dryRun: 'true' }),
  });

/** Checks the file and starts the run: its batches are written after the answer (poll useImportRun). */
export const startImport = (file: File, mapping: ImportMapping) =>
  api<ImportStartView>('/api/import/runs', { method: 'POST', body: upload(file, { mapping: JSON.stringify(mapping) }) });

/** The centre's runs; asked again while one of them is running, so its row moves with it. */
export const useImportRuns = () =>
  useQuery({
    queryKey: importKeys.runs,
    queryFn: () => api<{ runs: ImportRunView[] }>('/api/import/runs'),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.state === 'running') ? POLL_MS : false),
  });

/** One run, asked again every POLL_MS while its batches are being written. */
export const useImportRun = (id: string | null) =>
  useQuery({
    queryKey: importKeys.run(id ?? ''),
    queryFn: () => api<ImportRunView>(`/api/import/runs/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? POLL_MS : false),
  });

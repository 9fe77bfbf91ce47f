import type { OrderOriginView } from '../contract/orders.js';
import type { Executor } from '../db/database.js';
import { findImportRunOrigin } from './import-run.repository.js';

/** The import run that wrote an imported order (OrderDetailReaders.importRun, wired in composition.ts). */
export async function readImportRunOrigin(db: Executor, runId: string): Promise<OrderOriginView<Date>['importRun']> {
  const run = await findImportRunOrigin(db, runId);
  return run ? { id: run.id, fileName: run.file_name, startedAt: run.started_at } : null;
}

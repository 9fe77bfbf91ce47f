import type { Deps } from '../shared/deps.js';
import { loadAuditKey } from './audit-key.js';
import { insertVerification, latestVerification } from './audit-chain.repository.js';
import { describeChain, verifyAuditTrail, type VerifyReport } from './audit-verify.service.js';
import { findCentreNames } from './audit-search.repository.js';

/** Verifies the whole trail now and records the outcome (CLI `audit verify`, the console's button). */
export async function verifyAndRecord(deps: Deps, onProgress?: (rows: number) => void): Promise<VerifyReport> {
  const now = deps.clock.now();
  const report = await verifyAuditTrail(deps.db, loadAuditKey(deps.settings.auditKeyFile), {
    now,
    minRetentionDays: Math.min(183, deps.settings.auditRetentionDays),
    onProgress,
  });
  await insertVerification(deps.db, { at: now, ok: report.ok, rows_checked: report.rowsChecked, chains: report.chains });
  return report;
}

export interface VerificationStatus {
  at: Date | null;
  ok: boolean | null;
  rowsChecked: number;
  chains: { stream: string; centre: string; ok: boolean; zh: string; en: string }[];
}

/** The latest recorded verification, as the auditor's console shows it (null fields: never verified). */
export async function verificationStatus(deps: Deps, centreId?: string): Promise<VerificationStatus> {
  const latest = await latestVerification(deps.db);
  if (!latest) return { at: null, ok: null, rowsChecked: 0, chains: [] };
  const chains = (latest.chains as VerifyReport['chains']).filter((c) => !centreId || c.centreId === centreId || !c.centreId);
  const names = await findCentreNames(deps.db);
  return {
    at: new Date(latest.at),
    ok: chains.every((c) => !c.broken),
    rowsChecked: Number(latest.rows_checked),
    chains: chains.map((c) => ({
      stream: c.stream,
      centre: names.get(c.centreId) ?? '—',
      ok: !c.broken,
      ...describeChain(c),
    })),
  };
}

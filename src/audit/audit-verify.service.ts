import type { Executor } from '../db/database.js';
import { text, type Text } from '../i18n/messages.js';
import { checkpointText, type AuditKey } from './audit-key.js';
import {
  AUDIT_STREAMS,
  STREAM_TABLE,
  chainRowsAfter,
  findChainHead,
  firstUnlinkedRow,
  listChainKeys,
  listCheckpoints,
  type ChainKey,
} from './audit-chain.repository.js';

const GENESIS = '0'.repeat(64);
const PAGE = 2000;

/** Why a chain is broken: the problem's kind is a message key (audit.broken.<kind>). */
export type BreakKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'unlinked'
  | 'checkpointMismatch'
  | 'badSignature'
  | 'tailDeleted'
  | 'headMissing'
  | 'prunedEarly';

export interface ChainBreak {
  kind: BreakKind;
  table: string;
  /** The first broken row (null when the problem is not one row: a missing tail, a bad checkpoint). */
  rowId: number | null;
  seq: number | null;
  checkpointId?: number;
  /** Missing sequence numbers (deleted rows), when known. */
  missing?: [number, number];
}

export interface ChainReport {
  stream: 'access' | 'timeline';
  centreId: string;
  rows: number;
  checkpoints: number;
  /** Rows after the last signed checkpoint: chained, but not yet sealed against a full rewrite. */
  unsealed: number;
  broken: ChainBreak | null;
  /** The last row checked (what a new checkpoint may seal). */
  last?: { seq: number; hash: string };
}

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  chains: ChainReport[];
}

export interface VerifyOptions {
  now: Date;
  /** Rows before a retention start must be older than this many days (the minimum retention). */
  minRetentionDays?: number;
  onProgress?: (rowsChecked: number) => void;
}

/**
 * Verifies the whole audit trail (ADR 0161): for each chain, every row's hash against its content
 * and the row before it, the sequence without gaps or doubles, every checkpoint's signature and its
 * hash against the row it seals, and the chain's head. Names the first broken row of each chain.
 */
export async function verifyAuditTrail(db: Executor, key: AuditKey, options: VerifyOptions): Promise<VerifyReport> {
  const chains: ChainReport[] = [];
  let rowsChecked = 0;
  for (const chain of await listChainKeys(db)) {
    const report = await verifyChain(db, key, chain, options, (n) => options.onProgress?.(rowsChecked + n));
    rowsChecked += report.rows;
    if (report.rows > 0 || report.checkpoints > 0 || report.broken) chains.push(report);
  }
  // A row inserted with the trigger switched off has no link at all.
  for (const stream of AUDIT_STREAMS) {
    const id = await firstUnlinkedRow(db, stream);
    if (id !== null) {
      chains.push({
        stream,
        centreId: '',
        rows: 0,
        checkpoints: 0,
        unsealed: 0,
        broken: { kind: 'unlinked', table: STREAM_TABLE[stream], rowId: id, seq: null },
      });
    }
  }
  return { ok: chains.every((c) => !c.broken), rowsChecked, chains };
}

/**
 * One chain, up to its head as read first (rows written meanwhile are left for the next run).
 * `from`: start after this verified checkpoint instead of the chain's beginning (sealing).
 */
export async function verifyChain(
  db: Executor,
  key: AuditKey,
  chain: ChainKey,
  options: VerifyOptions,
  progress: (n: number) => void = () => {},
  from?: { seq: number; hash: string },
): Promise<ChainReport> {
  const table = STREAM_TABLE[chain.stream];
  const head = await findChainHead(db, chain);
  const upTo = head ? Number(head.last_seq) : Number.MAX_SAFE_INTEGER;
  const checkpoints = await listCheckpoints(db, chain);
  const report: ChainReport = {
    stream: chain.stream,
    centreId: chain.centreId,
    rows: 0,
    checkpoints: checkpoints.length,
    unsealed: 0,
    broken: null,
  };
  const fail = (b: Omit<ChainBreak, 'table'>) => ({ ...report, broken: { table, ...b } });

  for (const c of checkpoints) {
    const signed = { ...c, seq: Number(c.seq), made_at: new Date(c.made_at) };
    if (c.key_id !== key.id || !key.verify(checkpointText(signed), c.signature)) {
      return fail({ kind: 'badSignature', rowId: null, seq: Number(c.seq), checkpointId: Number(c.id) });
    }
  }
  const sealed = new Map(checkpoints.map((c) => [Number(c.seq), c]));

  let prev = GENESIS;
  let expect = 1;
  if (from) {
    prev = from.hash;
    expect = from.seq + 1;
  } else if (head && Number(head.pruned_seq) > 0) {
    // Retention pruned the rows up to a signed checkpoint made long enough ago; the chain goes on from it.
    const anchor = sealed.get(Number(head.pruned_seq));
    if (!anchor || anchor.hash !== head.pruned_hash) {
      return fail({ kind: 'prunedEarly', rowId: null, seq: Number(head.pruned_seq) });
    }
    const minDays = options.minRetentionDays ?? 183;
    if (new Date(anchor.made_at).getTime() > options.now.getTime() - minDays * 86_400_000) {
      return fail({ kind: 'prunedEarly', rowId: null, seq: Number(head.pruned_seq), checkpointId: Number(anchor.id) });
    }
    prev = anchor.hash;
    expect = Number(head.pruned_seq) + 1;
  }

  for (;;) {
    const rows = await chainRowsAfter(db, chain, expect - 1, prev, PAGE, upTo);
    for (const row of rows) {
      if (row.seq < expect) return fail({ kind: 'inserted', rowId: row.id, seq: row.seq });
      if (row.seq > expect) return fail({ kind: 'deleted', rowId: row.id, seq: row.seq, missing: [expect, row.seq - 1] });
      if (row.hash !== row.recomputed) return fail({ kind: 'edited', rowId: row.id, seq: row.seq });
      const checkpoint = sealed.get(row.seq);
      if (checkpoint && checkpoint.hash !== row.hash) {
        return fail({ kind: 'checkpointMismatch', rowId: row.id, seq: row.seq, checkpointId: Number(checkpoint.id) });
      }
      prev = row.hash;
      expect += 1;
      report.rows += 1;
    }
    progress(report.rows);
    if (rows.length < PAGE) break;
  }

  const last = expect - 1;
  const lastSealed = checkpoints.length ? Math.max(...checkpoints.map((c) => Number(c.seq))) : 0;
  if (!head) {
    if (report.rows > 0 || checkpoints.length > 0) return fail({ kind: 'headMissing', rowId: null, seq: null });
    return report;
  }
  if (Number(head.last_seq) > last || lastSealed > last) {
    return fail({
      kind: 'tailDeleted',
      rowId: null,
      seq: last + 1,
      missing: [last + 1, Math.max(Number(head.last_seq), lastSealed)],
    });
  }
  if (head.last_hash !== prev) return fail({ kind: 'edited', rowId: null, seq: last });
  report.unsealed = last - Math.max(lastSealed, Number(head.pruned_seq));
  report.last = { seq: last, hash: prev };
  return report;
}

/** One chain's outcome in words (zh, en): the CLI prints it, the auditor's console shows it. */
export function describeChain(c: ChainReport): Text {
  if (!c.broken) return text('audit.ok', { rows: c.rows, checkpoints: c.checkpoints, unsealed: c.unsealed });
  const b = c.broken;
  return text(`audit.broken.${b.kind}`, {
    table: b.table,
    id: b.rowId ?? '-',
    seq: b.seq ?? '-',
    checkpoint: b.checkpointId ?? '-',
    from: b.missing?.[0] ?? '-',
    to: b.missing?.[1] ?? '-',
  });
}

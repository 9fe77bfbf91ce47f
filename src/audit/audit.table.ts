import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The link columns of a chained audit row (migration 0760, ADR 0161): set by the database's trigger
 * on insert, never by the application.
 */
export interface AuditChained {
  chain_seq: ColumnType<number | null, never, never>;
  chain_hash: ColumnType<string | null, never, never>;
}

/** pii_access_log's centre (also added by issue 15's sign-in audit; the trigger fills it from the order or user). */
export interface AccessLogCentre {
  centre_id: string | null;
}

/** The head of one chain: stream ('access' | 'timeline') × centre (nil uuid: rows of no centre). */
export interface AuditChainsTable {
  stream: string;
  centre_id: string;
  last_seq: number;
  last_hash: string;
  /** Retention: rows up to this signed checkpoint were pruned; the chain goes on from its hash. */
  pruned_seq: ColumnType<number, number | undefined, number>;
  pruned_hash: string | null;
}

/** A signed checkpoint: the hash of row `seq` of a chain, signed with the audit key (Ed25519). */
export interface AuditCheckpointsTable {
  id: ColumnType<number, never, never>;
  stream: string;
  centre_id: string;
  seq: number;
  hash: string;
  made_at: Timestamp;
  key_id: string;
  signature: string;
}

/** The outcome of each full verification (the auditor's console shows the latest). */
export interface AuditVerificationsTable {
  id: ColumnType<number, never, never>;
  at: Timestamp;
  ok: boolean;
  rows_checked: number;
  chains: ColumnType<unknown, string, string>;
}

export interface AuditTables {
  audit_chains: AuditChainsTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_verifications: AuditVerificationsTable;
}

export type AuditCheckpoint = Selectable<AuditCheckpointsTable>;

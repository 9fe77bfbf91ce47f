import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A token bucket of the citizen portal's rate limit (migration 0250). */
export interface PortalRateBucketsTable {
  bucket_key: string;
  tokens: number;
  updated_at: Timestamp;
}

/** A one-time code for "my appeals" (migration 0560, ADR 0104): only its hash is kept. */
export interface PortalOtpCodesTable {
  id: Generated<string>;
  /** Sealed at rest; exact comparisons go to `phone_bidx` (ADR 0170). */
  phone: string;
  phone_bidx: ColumnType<string | null, never, never>;
  client_ip: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

/** Consecutive wrong query codes of one order number, and its lock (migration 0810, ADR 0173). */
export interface PortalCodeLockoutsTable {
  bucket_key: string;
  failures: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** A phone proved on 我的诉求 (migration 0950): the citizen's own notice choices use it. Only the token's hash is kept. */
export interface PortalPhoneSessionsTable {
  token_hash: string;
  centre_id: string;
  /** Sealed at rest (ADR 0170). */
  phone: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PortalTables {
  portal_code_lockouts: PortalCodeLockoutsTable;
  portal_rate_buckets: PortalRateBucketsTable;
  portal_otp_codes: PortalOtpCodesTable;
  portal_phone_sessions: PortalPhoneSessionsTable;
}

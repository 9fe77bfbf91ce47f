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
  phone: string;
  client_ip: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface PortalTables {
  portal_rate_buckets: PortalRateBucketsTable;
  portal_otp_codes: PortalOtpCodesTable;
}

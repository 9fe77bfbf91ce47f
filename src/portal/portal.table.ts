import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A token bucket of the citizen portal's rate limit (migration 0250). */
export interface PortalRateBucketsTable {
  bucket_key: string;
  tokens: number;
  updated_at: Timestamp;
}

export interface PortalTables {
  portal_rate_buckets: PortalRateBucketsTable;
}

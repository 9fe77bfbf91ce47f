import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Migration 0870 (issue 19, ADR 0188). */
export interface HouseholdsTable {
  id: Generated<string>;
  centre_id: string;
  unit_id: string;
  name: string;
  created_at: Timestamp;
}

export interface ResidentsTable {
  id: Generated<string>;
  centre_id: string;
  unit_id: string;
  household_id: string | null;
  name: string;
  /** Sealed at rest; exact comparisons go to `phone_bidx` (ADR 0170). */
  phone: string | null;
  /** HMAC blind index of the phone, written by the personal-data plugin (ADR 0170). */
  phone_bidx: ColumnType<string | null, never, never>;
  phone_verified_at: Timestamp | null;
  registered_by: string | null;
  created_at: Timestamp;
}

export interface ResidentSessionsTable {
  token_hash: string;
  centre_id: string;
  phone: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ResidentTables {
  households: HouseholdsTable;
  residents: ResidentsTable;
  resident_sessions: ResidentSessionsTable;
}

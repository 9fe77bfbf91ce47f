import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A one-time return-visit link (migration 0940, ADR 0202): only the token's SHA-256 is kept. */
export interface VisitLinksTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  /** Also when an unanswered link falls back to the phone visit. */
  expires_at: Timestamp;
  used_at: Timestamp | null;
  fell_back_at: Timestamp | null;
}

/** A 直办 order drawn for a return visit, with the share it was drawn at. */
export interface DirectVisitSamplesTable {
  order_id: string;
  centre_id: string;
  share: number;
  sampled_at: Timestamp;
}

export interface VisitTables {
  visit_links: VisitLinksTable;
  direct_visit_samples: DirectVisitSamplesTable;
}

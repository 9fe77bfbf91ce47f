import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Earlier orders that may be the same appeal, stored when an order is accepted. */
export interface OrderDuplicateCandidatesTable {
  order_id: string;
  candidate_id: string;
  score: number;
  reasons: string[];
  found_at: Timestamp;
  /** Metres between the two orders' points when both have one (migration 1030). */
  distance_m: Generated<number | null>;
}

export interface DuplicateTables {
  order_duplicate_candidates: OrderDuplicateCandidatesTable;
}

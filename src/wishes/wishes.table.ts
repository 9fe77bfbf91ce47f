import type { ColumnType, Generated } from 'kysely';
import type { ClaimerRank, WallState, WishSource, WishState } from '../contract/wishes.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Migration 0871 (issue 19, ADR 0189). */
export interface WishSettingsTable {
  centre_id: string;
  member_hours: Generated<number>;
  team_hours: Generated<number>;
  points: Generated<number>;
}

export interface WishClaimersTable {
  user_id: string;
  centre_id: string;
  rank: ClaimerRank;
  created_at: Timestamp;
}

export interface WishesTable {
  id: Generated<string>;
  centre_id: string;
  unit_id: string;
  resident_id: string | null;
  order_id: string | null;
  poster_name: string;
  title: string;
  detail: string;
  source: WishSource;
  state: WishState;
  /** The public wall's column (null while pending or rejected: never on the wall). */
  wall_state: WallState | null;
  posted_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  reject_reason: string | null;
  open_at: Timestamp | null;
  claimed_by: string | null;
  claimed_unit_id: string | null;
  claim_rank: ClaimerRank | null;
  collective: Generated<boolean>;
  claimed_at: Timestamp | null;
  proof_text: string | null;
  proof_photo: string | null;
  fulfilled_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  points_entry_id: string | null;
  points_awarded: number | null;
}

export interface WishTables {
  wish_settings: WishSettingsTable;
  wish_claimers: WishClaimersTable;
  wishes: WishesTable;
}

import type { ColumnType, Generated } from 'kysely';
import type { MatterLinkKind, MatterSource, MatterStatus } from '../contract/matters.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Migration 1160 (issue 19, ADR 0206). */
export interface MatterRoundsTable {
  id: Generated<string>;
  centre_id: string;
  region_id: string | null;
  year: number;
  title: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  max_picks: number;
  adopt_count: number;
  state: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
}

export interface MattersTable {
  id: Generated<string>;
  centre_id: string;
  region_id: string | null;
  year: number;
  title: string;
  description: string;
  leader_id: string;
  status: MatterStatus;
  source: MatterSource;
  cluster_key: string | null;
  cluster_label: string | null;
  cluster_terms: Generated<string[]>;
  /** Whole yuan (int: up to 2.1 billion, a county's matter is well below). */
  budget_yuan: number | null;
  round_id: string | null;
  votes: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  adopted_at: Timestamp | null;
  started_at: Timestamp | null;
  done_at: Timestamp | null;
  rejected_at: Timestamp | null;
}

export interface MatterUnitsTable {
  matter_id: string;
  unit_id: string;
  claimed_at: Timestamp;
}

export interface MatterMilestonesTable {
  id: Generated<string>;
  matter_id: string;
  seq: number;
  name: string;
  due_on: string;
  done_on: string | null;
}

export interface MatterProgressTable {
  id: Generated<string>;
  matter_id: string;
  body: string;
  reported_on: string;
  reported_by: string | null;
  created_at: Timestamp;
}

export interface MatterOrdersTable {
  matter_id: string;
  order_id: string;
  kind: MatterLinkKind;
  linked_by: string | null;
  linked_at: Timestamp;
}

export interface MatterBallotsTable {
  round_id: string;
  voter_key: string;
  picks: number;
}

export interface MatterVotesTable {
  id: Generated<string>;
  round_id: string;
  matter_id: string;
  voter_key: string;
  cast_at: Timestamp;
}

export interface MatterTables {
  matter_rounds: MatterRoundsTable;
  matters: MattersTable;
  matter_units: MatterUnitsTable;
  matter_milestones: MatterMilestonesTable;
  matter_progress: MatterProgressTable;
  matter_orders: MatterOrdersTable;
  matter_ballots: MatterBallotsTable;
  matter_votes: MatterVotesTable;
}

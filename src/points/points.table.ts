import type { ColumnType, Generated } from 'kysely';
import type { ActivityKind, EntryKind } from '../contract/points.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PointsRulesTable {
  id: Generated<string>;
  centre_id: string;
  activity_kind: ActivityKind;
  name: string;
  points: number;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ShopsTable {
  id: Generated<string>;
  centre_id: string;
  unit_id: string;
  name: string;
  created_at: Timestamp;
}

export interface ShopItemsTable {
  id: Generated<string>;
  shop_id: string;
  name: string;
  cost: number;
  stock: number;
  active: Generated<boolean>;
  created_at: Timestamp;
}

/** Append-only (a trigger refuses update and delete): a correction is a new entry. */
export interface PointsEntriesTable {
  id: Generated<string>;
  centre_id: string;
  resident_id: string;
  seq: number;
  kind: EntryKind;
  activity_kind: ActivityKind | null;
  rule_id: string | null;
  points: number;
  balance_after: number;
  note: string | null;
  evidence: string | null;
  by_user_id: string | null;
  item_id: string | null;
  quantity: number | null;
  corrects_entry_id: string | null;
  source_key: string | null;
  at: Timestamp;
}

/** Migration 1090: 有效反映 points per centre (0 = none). */
export interface PointsSettingsTable {
  centre_id: string;
  useful_report_points: number;
  updated_at: Timestamp;
}

/** Migrations 0870 and 1090 (issue 19, ADR 0188). */
export interface PointsTables {
  points_settings: PointsSettingsTable;
  points_rules: PointsRulesTable;
  shops: ShopsTable;
  shop_items: ShopItemsTable;
  points_entries: PointsEntriesTable;
}

import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CatalogueOutcome, CatalogueRuleChange } from '../contract/catalogue.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

/** 派单目录 rules (migration 0630, ADR 0125). */
export interface CatalogueRulesTable {
  id: Generated<string>;
  centre_id: string;
  /** Per-centre number people name a rule by (规则 #12). */
  no: number;
  category_id: string | null;
  region_id: string | null;
  appeal_type: string | null;
  keywords: Generated<string[]>;
  lead_unit_id: string;
  assist_unit_ids: Generated<string[]>;
  desk_unit_id: string | null;
  note: string | null;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CatalogueRuleVersionsTable {
  rule_id: string;
  version: number;
  change: CatalogueRuleChange;
  snapshot: Json<Record<string, unknown>>;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Timestamp;
}

export interface CatalogueSettingsTable {
  centre_id: string;
  auto_dispatch: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CatalogueDispatchesTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  dispatched_at: Timestamp;
  rule_id: string | null;
  suggested_unit_id: string | null;
  lead_unit_id: string;
  outcome: CatalogueOutcome;
  auto: Generated<boolean>;
  returned_at: Timestamp | null;
  /** The desk holding the order at dispatch (null: the league centre's), migration 0722. */
  desk_unit_id: string | null;
}

export type CatalogueRule = Selectable<CatalogueRulesTable>;

export interface CatalogueTables {
  catalogue_rules: CatalogueRulesTable;
  catalogue_rule_versions: CatalogueRuleVersionsTable;
  catalogue_settings: CatalogueSettingsTable;
  catalogue_dispatches: CatalogueDispatchesTable;
}

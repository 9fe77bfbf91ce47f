import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface TextModulesTable {
  id: Generated<string>;
  centre_id: string;
  name: string;
  keyword: string;
  body: string;
  category_id: string | null;
  unit_id: string | null;
  /** The dialogs it is offered in (reply, review, visit); empty = all (migration 0660, ADR 0141). */
  dialogs: Generated<string[]>;
  active: Generated<boolean>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TextModule = Selectable<TextModulesTable>;

export interface TextModuleTables {
  text_modules: TextModulesTable;
}

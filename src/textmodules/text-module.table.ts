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
  active: Generated<boolean>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TextModule = Selectable<TextModulesTable>;

export interface TextModuleTables {
  text_modules: TextModulesTable;
}

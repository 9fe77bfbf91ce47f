import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type NlpModelKind = 'category' | 'unit';
export const NLP_MODEL_KINDS: readonly NlpModelKind[] = ['category', 'unit'];

/** A trained suggestion model of one centre (see migration 0350). */
export interface NlpModelsTable {
  id: Generated<string>;
  centre_id: string;
  kind: NlpModelKind;
  version: number;
  trained_at: Timestamp;
  training_rows: number;
  label_count: number;
  metrics: ColumnType<Record<string, unknown>, string, string>;
  blob: Buffer;
}

export interface NlpTables {
  nlp_models: NlpModelsTable;
}

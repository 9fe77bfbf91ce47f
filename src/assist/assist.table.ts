import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AssistState } from '../contract/assist.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One assisting unit's task on one dispatch of an order (migration 0620, ADR 0120). */
export interface AssistTasksTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  unit_id: string;
  assigned_at: Timestamp;
  due_at: Timestamp;
  state: Generated<AssistState>;
  signed_at: Timestamp | null;
  signed_by: string | null;
  opinion: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  urge_count: Generated<number>;
  last_urged_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export type AssistTask = Selectable<AssistTasksTable>;

export interface AssistTables {
  assist_tasks: AssistTasksTable;
}

import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SupervisionOrdersTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  deadline_id: string | null;
  unit_id: string | null;
  origin: 'auto' | 'manual';
  reason: string;
  issued_by: string | null;
  issued_at: Timestamp;
  due_at: Timestamp;
  status: 'open' | 'responded' | 'closed';
  response: string | null;
  responded_by: string | null;
  responded_at: Timestamp | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  closing_note: string | null;
}

export interface LeaderFollowupsTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  reason: string;
  origin: 'auto' | 'manual';
  added_by: string | null;
  added_at: Timestamp;
  closed_at: Timestamp | null;
}

export type SupervisionOrder = Selectable<SupervisionOrdersTable>;

export interface SupervisionTables {
  supervision_orders: SupervisionOrdersTable;
  leader_followups: LeaderFollowupsTable;
}

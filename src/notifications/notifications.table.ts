import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface NoticesTable {
  id: Generated<number>;
  user_id: string;
  centre_id: string;
  order_id: string | null;
  kind: string;
  title: string;
  body: string;
  source_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export type Notice = Selectable<NoticesTable>;

export interface NotificationTables {
  notices: NoticesTable;
}

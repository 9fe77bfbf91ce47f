import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrderPresenceTable {
  order_id: string;
  user_id: string;
  centre_id: string;
  seen_at: Timestamp;
}

export interface PresenceTables {
  order_presence: OrderPresenceTable;
}

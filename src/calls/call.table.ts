import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type CallStatus = 'offered' | 'answered' | 'abandoned' | 'ended';

export interface CallsTable {
  id: Generated<number>;
  centre_id: string;
  external_id: string;
  hotline_number: string | null;
  caller_number: string | null;
  operator_user_id: string | null;
  operator_ext: string | null;
  status: CallStatus;
  offered_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  wait_seconds: number | null;
  talk_seconds: number | null;
  /** Where the telephone system keeps the recording (0500_call_recordings). */
  recording_url: string | null;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallOrderLinksTable {
  call_id: number;
  order_id: string;
  linked_by: string | null;
  linked_at: Timestamp;
}

export interface CallTables {
  calls: CallsTable;
  call_order_links: CallOrderLinksTable;
}

export type Call = Selectable<CallsTable>;

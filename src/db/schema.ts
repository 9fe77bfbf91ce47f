import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OrderState, ReplyResult, UnitKind } from '../contract/vocabulary.js';
import type { HopState } from '../contract/forwarding.js';
import type { TimelineEventKind } from '../contract/timeline.js';
import type { PortalTables } from '../portal/portal.table.js';
import type { WorkerTables } from '../worker/worker.table.js';
import type { CallTables } from '../calls/call.table.js';
import type { KpiTables } from '../analytics/kpi/kpi.table.js';
import type { CalendarTables } from '../calendar/calendar.table.js';
import type { TimelimitTables } from '../timelimits/timelimits.table.js';
import type { SupervisionTables } from '../supervision/supervision.table.js';
import type { NotificationTables } from '../notifications/notifications.table.js';
import type { KnowledgeTables } from '../knowledge/knowledge.table.js';
import type { DuplicateTables } from '../duplicates/duplicate.table.js';
import type { NlpTables } from '../nlp/nlp.table.js';
import type { AssessmentTables } from '../analytics/assessment/assessment.table.js';
import type { TextModuleTables } from '../textmodules/text-module.table.js';
import type { PresenceTables } from '../presence/presence.table.js';
import type { QueueTables } from '../queues/queues.table.js';
import type { AssistTables } from '../assist/assist.table.js';
import type { LeaderTables } from '../leaders/leaders.table.js';
import type { CatalogueTables } from '../catalogue/catalogue.table.js';
import type { EnterpriseTables } from '../enterprise/enterprise.table.js';

// Hand-kept types of the tables created by src/db/migrations; update both together.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T, string | T>;

export interface CentresTable {
  id: Generated<string>;
  code: string;
  name: string;
  timezone: Generated<string>;
  created_at: Generated<Timestamp>;
  /** Bumped by triggers when the calendar, time-limit rules or settings change (migration 0150, ADR 0013). */
  settings_version: Generated<number>;
  /** Intake routes an order whose region lies in a sub-centre's subtree to that desk (migration 0600, ADR 0110). */
  route_to_sub_centres: Generated<boolean>;
}

export type { UnitKind };

export interface UnitsTable {
  id: Generated<string>;
  centre_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** A sub_centre's region subtree (the root region it owns), migration 0600. */
  region_id: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  centre_id: string;
  unit_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<string>;
  centre_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: number;
  path: string;
  active: Generated<boolean>;
  /** Search aliases (供暖, 暖气 for 供热), migration 0510, ADR 0085. */
  aliases: Generated<string[]>;
}

export interface RegionsTable {
  id: Generated<string>;
  centre_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: number;
}

export interface OrderNumberCountersTable {
  centre_id: string;
  day: string;
  last_value: number;
}

export interface OrdersTable {
  id: Generated<string>;
  centre_id: string;
  order_no: string;
  query_code: string;
  channel: string;
  source_number: string | null;
  appeal_type: string;
  category_id: string | null;
  priority: number;
  title: string;
  content: string;
  caller_name: string | null;
  caller_phone: string | null;
  caller_confidential: Generated<boolean>;
  region_id: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  state: OrderState;
  version: Generated<number>;
  lead_unit_id: string | null;
  handled_directly: Generated<boolean>;
  closure_kind: string | null;
  dispatch_count: Generated<number>;
  rehandle_count: Generated<number>;
  escalated: Generated<boolean>;
  merged_into_id: string | null;
  reply_result: string | null;
  satisfaction: string | null;
  resolved: boolean | null;
  created_by: string | null;
  accepted_at: Timestamp;
  dispatched_at: Timestamp | null;
  closed_at: Timestamp | null;
  updated_at: Timestamp;
  /** Full-text lexemes (issue #5); written with sql`to_tsvector(…)` by src/search only. */
  search_vector: ColumnType<string | null, string | null | undefined, string | null>;
  /** What search filters on (visibility v:, lead unit l:, category c:, region r:, state s:, week w:); written by triggers only (migration 0320, ADR 0046). */
  search_facets: ColumnType<string[], never, never>;
  /** The nearest running stage deadline (src/timelimits, ADR 0011). */
  deadline_stage: string | null;
  deadline_due_at: Timestamp | null;
  deadline_warn_at: Timestamp | null;
  clock_paused: Generated<boolean>;
  /** The sub-centre desk that holds the order; null = the league centre's desk (migration 0600, ADR 0110). */
  desk_unit_id: string | null;
}

export interface OrderAssignmentsTable {
  id: Generated<string>;
  order_id: string;
  unit_id: string;
  role: 'lead' | 'assist' | 'forward';
  active: Generated<boolean>;
  assigned_at: Timestamp;
  signed_at: Timestamp | null;
  ended_at: Timestamp | null;
}

/** One pass of an order down the unit tree (下派, migration 0610, ADR 0115). */
export interface OrderHopsTable {
  id: Generated<string>;
  seq: Generated<number>;
  order_id: string;
  depth: number;
  from_unit_id: string;
  to_unit_id: string;
  note: string;
  due_at: Timestamp;
  state: HopState;
  forwarded_by: string | null;
  forwarded_at: Timestamp;
  signed_at: Timestamp | null;
  replied_at: Timestamp | null;
  reply_result: ReplyResult | null;
  reply_text: string | null;
  closed_at: Timestamp | null;
  closed_reason: string | null;
}
export type OrderHop = Selectable<OrderHopsTable>;

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  centre_id: string;
  action: TimelineEventKind;
  from_state: OrderState | null;
  to_state: OrderState | null;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  actor_label: string | null;
  at: Timestamp;
  note: string | null;
  payload: Json;
}

export interface OrderLinksTable {
  order_id: string;
  linked_order_id: string;
  kind: 'duplicate' | 'related';
  created_by: string | null;
  created_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  order_id: string;
  event_id: number | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface ReturnVisitsTable {
  id: Generated<string>;
  order_id: string;
  visited_by: string | null;
  at: Timestamp;
  reached: boolean;
  satisfaction: string | null;
  resolved: boolean | null;
  unit_caused: boolean | null;
  method: Generated<string>;
  note: string | null;
}

export interface PiiAccessLogTable {
  id: Generated<number>;
  user_id: string | null;
  order_id: string | null;
  fields: string[];
  purpose: string;
  at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  dedupe_key: string | null;
  payload: Json;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  done_at: Timestamp | null;
  last_error: string | null;
  failed_at: Timestamp | null;
}

export interface DB
  extends
    WorkerTables,
    CallTables,
    KpiTables,
    CalendarTables,
    TimelimitTables,
    SupervisionTables,
    NotificationTables,
    PortalTables,
    KnowledgeTables,
    DuplicateTables,
    NlpTables,
    AssessmentTables,
    TextModuleTables,
    PresenceTables,
    AssistTables,
    QueueTables,
    LeaderTables,
    CatalogueTables,
    EnterpriseTables {
  centres: CentresTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  regions: RegionsTable;
  order_number_counters: OrderNumberCountersTable;
  orders: OrdersTable;
  order_assignments: OrderAssignmentsTable;
  order_hops: OrderHopsTable;
  order_events: OrderEventsTable;
  order_links: OrderLinksTable;
  attachments: AttachmentsTable;
  return_visits: ReturnVisitsTable;
  pii_access_log: PiiAccessLogTable;
  outbox: OutboxTable;
}

export type Order = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type Unit = Selectable<UnitsTable>;
export type User = Selectable<UsersTable>;
export type OrderEvent = Selectable<OrderEventsTable>;

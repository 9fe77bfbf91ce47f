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
import type { CitizenNoticeTables } from '../notifications/citizen-notices.table.js';
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
import type { AccessLogCentre, AuditChained, AuditTables } from '../audit/audit.table.js';
import type { ImportTables } from '../imports/import.table.js';
import type { AuthTables } from '../users/auth.table.js';
import type { ApiClientTables } from '../apiclients/api-client.table.js';
import type { ClientWebhookTables } from '../webhooks/client-webhook.table.js';
import type { ChannelTables } from '../channels/channels.table.js';
import type { GridTables, GridVerificationTables } from '../geo/grid.table.js';
import type { PointsTables } from '../points/points.table.js';
import type { ResidentTables } from '../residents/residents.table.js';
import type { WishTables } from '../wishes/wishes.table.js';
import type { MatterTables } from '../matters/matters.table.js';
import type { VisitTables } from '../visits/visits.table.js';

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
  /** Bumped by triggers on every change of the dispatch catalogue (rules, switch, regions), migration 0723. */
  catalogue_version: Generated<number>;
  /** Intake routes an order whose region lies in a sub-centre's subtree to that desk (migration 0600, ADR 0110). */
  route_to_sub_centres: Generated<boolean>;
  /** Staff roles that must sign in with TOTP (migration 0742, ADR 0156): null = every role, [] = optional. */
  mfa_required_roles: string[] | null;
  /** The grid index's cache key, bumped by every grid import (migration 0860, ADR 0185). */
  grid_version: Generated<number>;
  /** Years after an order closed that its caller's personal data is kept (migration 0811, ADR 0174). */
  pii_retention_years: Generated<number>;
  /** Metres within which an earlier appeal is duplicate evidence (migration 1030, ADR 0203). */
  duplicate_radius_m: Generated<number>;
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
  /** 全盟通办: any sub-centre may dispatch to it and its sub-units (migration 0721, ADR 0153). */
  league_wide: Generated<boolean>;
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
  /** Consecutive failed sign-ins; at the configured number the account is locked (ADR 0156). */
  failed_logins: Generated<number>;
  /** Locked until the security administrator unlocks it; null = not locked. */
  locked_at: Timestamp | null;
  /** TOTP (RFC 6238, ADR 0156): the confirmed base32 secret, one being enrolled, when confirmed, the last step used. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  /** When the password was last set: its age against LIANXIN_PASSWORD_MAX_AGE_DAYS (migration 0743). */
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Last use (written at most once a minute): the idle timeout (migration 0743); null = created_at. */
  last_seen_at: Timestamp | null;
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
  /** The category's own duplicate radius in metres, else its ancestors' or the centre's (migration 1030). */
  duplicate_radius_m: Generated<number | null>;
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
  /** Sealed at rest (AES-256-GCM, ADR 0170) by the database layer; read as plain text. */
  caller_name: string | null;
  /** Sealed at rest; exact comparisons go to `caller_phone_bidx` (ADR 0170). */
  caller_phone: string | null;
  /** HMAC-SHA256 blind index of the phone, written by the database layer only (PiiColumnsPlugin). */
  caller_phone_bidx: ColumnType<string | null, never, never>;
  caller_confidential: Generated<boolean>;
  region_id: string | null;
  /** Sealed at rest; exact comparisons go to `address_bidx` (ADR 0170). */
  address: string | null;
  address_bidx: ColumnType<string | null, never, never>;
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
  /** The import run that brought the order from a previous system (migration 0850, ADR 0183); null = taken in by lianxin. */
  import_run_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The API client (outside system) the appeal came from (migration 0840, ADR 0180); null = staff or portal. */
  api_client_id: string | null;
  /** The 办不成事 window that took a window appeal (migration 0820, src/channels). */
  window_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The grid (网格) holding the order's point (migration 0860, ADR 0185). */
  grid_id: string | null;
  /** When the caller's personal data was erased at the end of retention (migration 0811, ADR 0174). */
  anonymised_at: Timestamp | null;
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

export interface OrderEventsTable extends AuditChained {
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

export interface PiiAccessLogTable extends AuditChained, AccessLogCentre {
  id: Generated<number>;
  user_id: string | null;
  order_id: string | null;
  fields: string[];
  purpose: string;
  at: Timestamp;
  /** The centre the row belongs to (null on rows written before migration 0740, or a sign-in under an unknown name). */
  centre_id: string | null;
  /** Whom the row is about when it is not an order: the username typed at sign-in, the account acted on. */
  subject: string | null;
  /** What happened besides (client address, roles before and after, reason). */
  detail: Json | null;
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
    CitizenNoticeTables,
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
    EnterpriseTables,
    AuditTables,
    ImportTables,
    AuthTables,
    ApiClientTables,
    ClientWebhookTables,
    ChannelTables,
    GridTables,
    PointsTables,
    ResidentTables,
    WishTables,
    MatterTables,
    GridVerificationTables,
    VisitTables {
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

import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Per centre: which events send, quiet hours, the second language, return-visit links (migration 0830). */
export interface CitizenNoticeSettingsTable {
  centre_id: string;
  events: string[];
  quiet_start: Generated<number>;
  quiet_end: Generated<number>;
  second_lang: string | null;
  visit_link_hours: Generated<number>;
  direct_visit_share: Generated<number>;
  updated_at: Timestamp;
}

/** A centre's template of one event, channel and language (defaults: citizen-templates.defaults.ts). */
export interface CitizenNoticeTemplatesTable {
  centre_id: string;
  event: string;
  channel: string;
  lang: string;
  subject: string | null;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CitizenOptOutsTable {
  centre_id: string;
  /** Phone digits or a lower-case e-mail address (not named `address`: that name is a sealed column, ADR 0170). */
  recipient: string;
  at: Timestamp;
  source: string;
}

export interface CitizenContactsTable {
  order_id: string;
  email: string | null;
  lang: Generated<string>;
  consent: string[] | null;
  /** Asked at intake (migration 0950): null = not asked, false = the caller declined SMS notices. */
  sms_consent: boolean | null;
  updated_at: Timestamp;
}

/** The delivery record of one notice on one channel. */
export interface CitizenNoticesTable {
  id: Generated<number>;
  centre_id: string;
  order_id: string | null;
  event: string;
  channel: string;
  provider: string;
  recipient: string;
  lang: string;
  subject: string | null;
  body: string;
  params: ColumnType<Record<string, string>, string, string>;
  status: string;
  reason: string | null;
  urgent: Generated<boolean>;
  idempotency_key: string;
  provider_id: string | null;
  not_before: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  failed_at: Timestamp | null;
}

export type CitizenNotice = Selectable<CitizenNoticesTable>;

export interface CitizenNoticeTables {
  citizen_notice_settings: CitizenNoticeSettingsTable;
  citizen_notice_templates: CitizenNoticeTemplatesTable;
  citizen_opt_outs: CitizenOptOutsTable;
  citizen_contacts: CitizenContactsTable;
  citizen_notices: CitizenNoticesTable;
}

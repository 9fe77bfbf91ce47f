import type { Instant } from './orders.js';
import type { LabelTable, Words } from './labels.js';

/**
 * Notices to the citizen (issue 16, ADR 0177): the events that may send one, the channels, the
 * delivery states and the answers of /api/citizen-notices/*. Shared by the server and the console.
 */
export const CITIZEN_EVENTS = ['accepted', 'received', 'dispatched', 'replied', 'closed', 'visit_invite', 'otp'] as const;
export type CitizenEvent = (typeof CITIZEN_EVENTS)[number];
/** Events a centre may switch on or off (a verification code always goes). */
export const SWITCHABLE_CITIZEN_EVENTS = CITIZEN_EVENTS.filter((e) => e !== 'otp') as readonly CitizenEvent[];

export const CITIZEN_CHANNELS = ['sms', 'email'] as const;
export type CitizenChannel = (typeof CITIZEN_CHANNELS)[number];

export const CITIZEN_NOTICE_STATUSES = ['queued', 'held', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type CitizenNoticeStatus = (typeof CITIZEN_NOTICE_STATUSES)[number];

/** Languages a template may be written in: zh always, one second language per centre. */
export const CITIZEN_LANGS = ['zh', 'mn', 'en'] as const;
export type CitizenLang = (typeof CITIZEN_LANGS)[number];

/**
 * The variables a template may use, per channel. An SMS never carries the appeal's content or the
 * caller's name (confidentiality): its templates may use only these words.
 */
export const TEMPLATE_VARS: Readonly<Record<CitizenChannel, readonly string[]>> = {
  sms: ['centreName', 'orderNo', 'queryCode', 'link', 'code', 'minutes', 'portalUrl'],
  email: ['centreName', 'orderNo', 'queryCode', 'link', 'code', 'minutes', 'portalUrl', 'title'],
};

/** Who reads the staff outbox page and who edits templates and settings. */
export const CITIZEN_NOTICE_READERS = ['admin', 'supervisor'] as const;
export const CITIZEN_NOTICE_EDITORS = ['admin'] as const;
/** Who may send a return-visit link (the 回访 desk) and record a caller's contact and consent. */
export const VISIT_LINK_SENDERS = ['supervisor', 'operator', 'dispatcher'] as const;

export const CITIZEN_EVENT_LABELS: LabelTable<CitizenEvent> = {
  accepted: { zh: '受理回执', en: 'Receipt of intake' },
  received: { zh: '诉求已收到', en: 'Appeal received' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
  visit_invite: { zh: '回访邀请', en: 'Return-visit invitation' },
  otp: { zh: '验证码', en: 'Verification code' },
};

export const CITIZEN_STATUS_LABELS: LabelTable<CitizenNoticeStatus> = {
  queued: { zh: '排队中', en: 'Queued' },
  held: { zh: '未配置通道，留存', en: 'Held: no channel configured' },
  sent: { zh: '已发送', en: 'Sent' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '发送失败', en: 'Failed' },
  skipped: { zh: '未发送', en: 'Not sent' },
};

export const CITIZEN_CHANNEL_LABELS: LabelTable<CitizenChannel> = {
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'E-mail' },
};

/** One delivery record as the staff outbox page shows it. */
export interface CitizenNoticeView<At = Instant> {
  id: number;
  orderId: string | null;
  orderNo: string | null;
  event: CitizenEvent;
  channel: CitizenChannel;
  provider: string;
  /** Masked phone or e-mail. */
  recipient: string;
  body: string;
  status: CitizenNoticeStatus;
  reason: Words | null;
  urgent: boolean;
  providerId: string | null;
  attempts: number;
  lastError: string | null;
  notBefore: At;
  createdAt: At;
  sentAt: At | null;
  deliveredAt: At | null;
}

export interface CitizenNoticeListView<At = Instant> {
  /** Whether a provider is configured per channel; false shows 未配置短信通道. */
  configured: Record<CitizenChannel, boolean>;
  items: CitizenNoticeView<At>[];
}

export interface CitizenNoticeSettingsView {
  events: CitizenEvent[];
  quietStart: number;
  quietEnd: number;
  secondLang: CitizenLang | null;
  visitLinkHours: number;
  directVisitShare: number;
}

export interface CitizenTemplateView {
  event: CitizenEvent;
  channel: CitizenChannel;
  lang: CitizenLang;
  subject: string | null;
  body: string;
  /** false: the built-in default (no centre override). */
  custom: boolean;
}

export interface CitizenTemplateListView {
  vars: Record<CitizenChannel, string[]>;
  items: CitizenTemplateView[];
}

export interface CitizenContactView {
  orderId: string;
  email: string | null;
  lang: CitizenLang;
  /** Events a confidential caller agreed to be told about (null: the default). */
  consent: CitizenEvent[] | null;
  /** 同意短信通知: null = not asked (SMS goes unless the caller is confidential), false = declined. */
  sms: boolean | null;
}

/** An e-mail address as the API takes it (the console checks the same). */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

/**
 * The caller's contact and consent given at intake (`citizenContact` of POST /api/orders): written with
 * the order, so the 受理回执 is composed knowing it. The same fields as PUT /api/orders/:id/citizen-contact.
 */
export interface CitizenContactInput {
  sms?: boolean;
  email?: string | null;
  lang?: CitizenLang;
  consent?: CitizenEvent[] | null;
}

/** The citizen's own notice choice on the portal's 我的诉求 (a proved phone). */
export interface PortalNoticeChoice {
  smsOptedOut: boolean;
}

export interface CitizenOptOutView {
  address: string;
  optedOut: boolean;
}

/** Who may record or remove a citizen's opt-out on the citizen's word (audited). */
export const OPT_OUT_RECORDERS = ['admin', 'supervisor'] as const;

/** One opted-out phone or e-mail on the staff's list; masked for a reader without phone rights. */
export interface CitizenOptOutEntryView<At = Instant> {
  address: string;
  masked: boolean;
  channel: CitizenChannel;
  at: At;
  /** The citizen on the portal (a proved phone) or staff on the citizen's word. */
  source: 'portal' | 'staff';
}

export interface CitizenOptOutListView<At = Instant> {
  items: CitizenOptOutEntryView<At>[];
  /** Whether the reader sees whole numbers (and may search by one: a logged access). */
  unmasked: boolean;
}

/** The answer to a provider's delivery-report callback (Aliyun wants code 0). */
export interface CitizenReportAnswer {
  code: number;
  msg: string;
  applied: number;
}

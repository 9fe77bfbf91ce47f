import { TEMPLATE_VARS, type CitizenChannel, type CitizenEvent } from '../contract/citizen-notices.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders of a template text. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

/** The placeholders a channel does not allow (an SMS template naming {title} is refused). */
export const forbiddenPlaceholders = (channel: CitizenChannel, template: string): string[] =>
  placeholdersOf(template).filter((p) => !TEMPLATE_VARS[channel].includes(p));

/** Fills a template; only the channel's variables are offered, an unknown one renders empty. */
export function renderTemplate(channel: CitizenChannel, template: string, vars: Readonly<Record<string, string>>): string {
  const allowed = TEMPLATE_VARS[channel];
  return template.replace(PLACEHOLDER, (_, k: string) => (allowed.includes(k) ? (vars[k] ?? '') : ''));
}

/** The variables of one channel only (what an SMS API that keeps its own template text receives). */
export const varsFor = (channel: CitizenChannel, vars: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(vars).filter(([k]) => TEMPLATE_VARS[channel].includes(k)));

/**
 * The last check before an SMS leaves: its text holds none of the appeal's words (title, any 6
 * characters of the content) nor the caller's name. Answers the offending part, or null.
 */
export function smsLeak(
  body: string,
  order: { title: string | null; content: string | null; caller_name: string | null } | null,
): 'title' | 'content' | 'caller_name' | null {
  if (!order) return null;
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const text = squeeze(body);
  const name = order.caller_name ? squeeze(order.caller_name) : '';
  if (name.length >= 2 && text.includes(name)) return 'caller_name';
  const title = squeeze(order.title ?? '');
  if (title.length >= 4 && text.includes(title)) return 'title';
  const content = squeeze(order.content ?? '');
  for (let i = 0; i + 6 <= content.length; i++) if (text.includes(content.slice(i, i + 6))) return 'content';
  return null;
}

/** A secret a notice's text carries (a code's digits, a one-time link's token). */
export interface NoticeSecret {
  /** A regular expression valid in PostgreSQL and in JavaScript, and what replaces each match. */
  pattern: string;
  replacement: string;
  /**
   * Kept in the record when the notice is held (no channel): a held visit invitation's link is where the
   * demo's and the tests' citizen open it without an SMS channel. Never shown on the staff page either way.
   */
  keptWhenHeld?: boolean;
}

/**
 * The secrets of the events that carry one: a verification code's digits, and the return-visit link's
 * token (ADR 0202: whoever reads the staff outbox page must not be able to rate or sign in for the
 * citizen). Blanked in the record once the notice is sent, held or failed, and never shown to staff in
 * any state (a queued record keeps it only for the sender).
 */
export const NOTICE_SECRETS: Partial<Record<CitizenEvent, NoticeSecret>> = {
  otp: { pattern: '[0-9]{4,}', replacement: '******' },
  visit_invite: { pattern: '/v/[A-Za-z0-9_-]+', replacement: '/v/******', keptWhenHeld: true },
};

/** A notice's text as staff may see it: its event's secret blanked, whatever the record's state. */
export function withoutSecret(event: string, body: string): string {
  const secret = NOTICE_SECRETS[event as CitizenEvent];
  return secret ? body.replace(new RegExp(secret.pattern, 'g'), secret.replacement) : body;
}

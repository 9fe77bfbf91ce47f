import { TEMPLATE_VARS, type CitizenChannel } from '../contract/citizen-notices.js';

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

import type { Executor } from '../db/database.js';
import {
  CITIZEN_LANGS,
  SWITCHABLE_CITIZEN_EVENTS,
  type CitizenChannel,
  type CitizenEvent,
  type CitizenLang,
  type CitizenNoticeSettingsView,
} from '../contract/citizen-notices.js';
import { findNoticeSettings, listTemplateOverrides } from './citizen-notice.repository.js';
import { DEFAULT_TEMPLATES } from './citizen-templates.defaults.js';

/** A centre without a settings row: every event on, quiet 22:00–08:00, zh only, 48 h links, no sampling. */
export const DEFAULT_NOTICE_SETTINGS: CitizenNoticeSettingsView = {
  events: [...SWITCHABLE_CITIZEN_EVENTS],
  quietStart: 22 * 60,
  quietEnd: 8 * 60,
  secondLang: null,
  visitLinkHours: 48,
  directVisitShare: 0,
};

const isLang = (l: string | null): l is CitizenLang => l !== null && (CITIZEN_LANGS as readonly string[]).includes(l);

export async function effectiveNoticeSettings(db: Executor, centreId: string): Promise<CitizenNoticeSettingsView> {
  const row = await findNoticeSettings(db, centreId);
  if (!row) return DEFAULT_NOTICE_SETTINGS;
  return {
    events: row.events.filter((e): e is CitizenEvent => (SWITCHABLE_CITIZEN_EVENTS as readonly string[]).includes(e)),
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
    secondLang: isLang(row.second_lang) ? row.second_lang : null,
    visitLinkHours: row.visit_link_hours,
    directVisitShare: Number(row.direct_visit_share),
  };
}

export interface EffectiveTemplate {
  subject: string | null;
  body: string;
  custom: boolean;
}

/** A centre's templates, its own over the built-in ones: (event, channel, lang) → template. */
export async function effectiveTemplates(db: Executor, centreId: string) {
  const overrides = await listTemplateOverrides(db, centreId);
  const own = new Map(overrides.map((t) => [`${t.event}/${t.channel}/${t.lang}`, t]));
  return (event: CitizenEvent, channel: CitizenChannel, lang: CitizenLang): EffectiveTemplate | null => {
    const t = own.get(`${event}/${channel}/${lang}`);
    if (t) return { subject: t.subject, body: t.body, custom: true };
    if (lang !== 'zh') return null;
    const d = DEFAULT_TEMPLATES[event][channel];
    return { subject: d.subject, body: d.body, custom: false };
  };
}

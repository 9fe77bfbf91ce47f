import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  CitizenChannel,
  CitizenEvent,
  CitizenLang,
  CitizenNoticeListView,
  CitizenNoticeSettingsView,
  CitizenNoticeStatus,
  CitizenOptOutListView,
  CitizenOptOutView,
  CitizenTemplateListView,
} from '../../../../src/contract/citizen-notices';

/** 群众通知 (issue 16): the staff outbox, templates, settings and opt-outs of /api/citizen-notices. */
export const noticeKeys = {
  all: ['citizen-notices'] as const,
  list: (status: CitizenNoticeStatus | 'all') => ['citizen-notices', 'list', status] as const,
  templates: ['citizen-notices', 'templates'] as const,
  settings: ['citizen-notices', 'settings'] as const,
  optOuts: (q: string) => ['citizen-notices', 'opt-outs', q] as const,
};

export function useCitizenNotices(status: CitizenNoticeStatus | 'all') {
  return useQuery({
    queryKey: noticeKeys.list(status),
    queryFn: () => api<CitizenNoticeListView>(`/api/citizen-notices?limit=200${status === 'all' ? '' : `&status=${status}`}`),
  });
}

export const useCitizenTemplates = () =>
  useQuery({ queryKey: noticeKeys.templates, queryFn: () => api<CitizenTemplateListView>('/api/citizen-notices/templates') });

export const useCitizenNoticeSettings = () =>
  useQuery({
    queryKey: noticeKeys.settings,
    queryFn: () => api<CitizenNoticeSettingsView>('/api/citizen-notices/settings'),
  });

/** body null: back to the built-in text. The server refuses an SMS naming {title} (400, field body). */
export const saveCitizenTemplate = (
  k: { event: CitizenEvent; channel: CitizenChannel; lang: CitizenLang },
  t: { subject: string | null; body: string | null },
) => api<CitizenTemplateListView>(`/api/citizen-notices/templates/${k.event}/${k.channel}/${k.lang}`, { method: 'PUT', json: t });

export const saveCitizenNoticeSettings = (s: CitizenNoticeSettingsView) =>
  api<CitizenNoticeSettingsView>('/api/citizen-notices/settings', { method: 'PUT', json: s });

export const setCitizenOptOut = (r: CitizenOptOutView) =>
  api<CitizenOptOutView>('/api/citizen-notices/opt-outs', { method: 'POST', json: r });

/** The opted-out phones and e-mails (masked without phone rights); `q`: one whole number (a logged search). */
export const useCitizenOptOuts = (q: string) =>
  useQuery({
    queryKey: noticeKeys.optOuts(q),
    // The last answer stays while a search loads (the search box does not vanish and come back empty).
    placeholderData: (previous) => previous,
    queryFn: () => api<CitizenOptOutListView>(`/api/citizen-notices/opt-outs?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

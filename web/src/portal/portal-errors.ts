import { ApiError } from '../shared/api';
import type { Lang } from '../shared/i18n';

/** The server's message in the reader's language; its field (e.g. "body.code") as a form field name. */
export function apiMessage(error: unknown, lang: Lang, fallback: string): string {
  if (error instanceof ApiError) return lang === 'zh' ? error.messageZh : error.messageEn;
  return fallback;
}

export function apiField(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return error.field.replace(/^body\./, '');
}

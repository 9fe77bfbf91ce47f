import { text, type MessageKey, type Text } from '../i18n/messages.js';

/** Domain errors carry a stable code; the HTTP layer maps each code to one status. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${text.zh} / ${text.en}`);
  }
}

export const domainError = (
  code: ErrorCode,
  key: MessageKey,
  vars: Record<string, string | number> = {},
  details: Record<string, unknown> = {},
) => new DomainError(code, text(key, vars), details);

type Thing =
  | 'order'
  | 'unit'
  | 'user'
  | 'category'
  | 'region'
  | 'attachment'
  | 'call'
  | 'textModule'
  | 'savedFilter'
  | 'instruction'
  | 'consultation'
  | 'assistTask'
  | 'catalogueRule'
  | 'desk'
  | 'apiClient'
  | 'apiKey'
  | 'jurisdiction'
  | 'service'
  | 'serviceRequest'
  | 'serviceWindow'
  | 'mergedLine'
  | 'article'
  | 'grid'
  | 'resident'
  | 'household'
  | 'pointsRule'
  | 'shop'
  | 'wish'
  | 'matter'
  | 'matterRound'
  | 'verificationTask'
  | 'webhook'
  | 'importRun';

export const notFound = (what: Thing) => {
  const w = text(`what.${what}`);
  const zh = text('error.notFound', { what: w.zh }).zh;
  const en = text('error.notFound', { what: w.en }).en;
  return new DomainError('NOT_FOUND', { zh, en }, { what });
};
export const forbidden = (key: MessageKey = 'error.forbidden') => domainError('FORBIDDEN', key);
export const invalidField = (field: string, reason?: string) =>
  domainError('VALIDATION', 'error.validation', { field: reason ? `${field} (${reason})` : field }, { field });

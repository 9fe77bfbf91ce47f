import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../i18n/messages.js';
import { isDataException, isRetryableConflict, isUniqueViolation } from '../db/pg-errors.js';
import { DomainError, type ErrorCode } from '../shared/errors.js';
import { NOT_BLANK_PATTERN } from '../shared/schema.js';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** A feature switched off on this installation (e.g. portal codes without an SMS gateway). */
  UNAVAILABLE: 503,
};

/** The one error body of the API: a stable code, the message in Chinese and English, the field. */
export function errorBody(code: string, message: { zh: string; en: string }, details: Record<string, unknown> = {}) {
  return { error: { code, message: message.zh, messageEn: message.en, ...details } };
}

function validationField(error: FastifyError): string {
  const v = error.validation?.[0];
  if (!v) return 'body';
  const params = v.params as Record<string, unknown>;
  const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const field = [error.validationContext, base, extra].filter(Boolean).join('.');
  return field || 'body';
}

/** Text that is only spaces (or empty) fails WrittenText: say so, not "invalid input". */
function isBlank(error: FastifyError): boolean {
  const v = error.validation?.[0];
  if (!v) return false;
  const params = v.params as Record<string, unknown>;
  return (v.keyword === 'pattern' && params.pattern === NOT_BLANK_PATTERN) || (v.keyword === 'minLength' && params.limit === 1);
}

/**
 * The multipart parser's own errors (busboy: a body cut short, a boundary the header does not name):
 * plain Errors without a status, raised while a handler reads the parts. The client's body is at fault.
 */
const MALFORMED_MULTIPART = /^(Unexpected end of (multipart data|form)|Multipart: Boundary not found|Malformed part header)/;

/** The status and body an error answers with (the API's own format; Open311 re-wraps it, src/open311). */
export interface ErrorAnswer {
  status: number;
  body: ReturnType<typeof errorBody>;
  retryAfterSeconds?: number;
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const found = errorAnswer(error, request);
  if (found.retryAfterSeconds !== undefined) reply.header('retry-after', String(found.retryAfterSeconds));
  return reply.status(found.status).send(found.body);
}

export function errorAnswer(error: FastifyError, request: FastifyRequest): ErrorAnswer {
  if (error instanceof DomainError) {
    const retryAfter = error.details.retryAfterSeconds;
    return {
      status: STATUS[error.code],
      body: errorBody(error.code, error.text, error.details),
      ...(typeof retryAfter === 'number' && { retryAfterSeconds: retryAfter }),
    };
  }
  if (isUniqueViolation(error)) {
    // A uniqueness check lost a race (two admins adding the same code at once): the database's unique
    // key answers, and the loser hears it as a conflict, not as a server fault.
    return answer(409, errorBody('CONFLICT', text('error.alreadyExists')));
  }
  if (isRetryableConflict(error)) {
    // Nothing was written (the database rolled the transaction back); the client may simply retry.
    request.log.warn({ err: error }, 'transaction rolled back by the database');
    return answer(409, errorBody('CONFLICT', text('error.retry')));
  }
  if (isDataException(error)) {
    request.log.warn({ err: error }, 'input refused by the database');
    const field = (error as { column?: string }).column ?? 'body';
    return answer(400, errorBody('VALIDATION', text('error.validation', { field }), { field }));
  }
  if (error.validation) {
    const field = validationField(error);
    const message = isBlank(error) ? text('error.blank', { field }) : text('error.validation', { field });
    return answer(400, errorBody('VALIDATION', message, { field, reason: error.message }));
  }
  if (!error.statusCode && MALFORMED_MULTIPART.test(error.message ?? '')) {
    return answer(
      400,
      errorBody('VALIDATION', text('error.malformedBody', { field: 'body' }), { field: 'body', reason: error.message }),
    );
  }
  if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return answer(413, errorBody('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: '' })));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return answer(error.statusCode, errorBody('BAD_REQUEST', { zh: `请求有误：${error.message}`, en: error.message }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return answer(500, errorBody('INTERNAL', text('error.internal')));
}

const answer = (status: number, body: ReturnType<typeof errorBody>): ErrorAnswer => ({ status, body });

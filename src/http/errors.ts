import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../i18n/messages.js';
import { isRetryableConflict, isUniqueViolation } from '../db/pg-errors.js';
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

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.status(STATUS[error.code]).send(errorBody(error.code, error.text, error.details));
  }
  if (isUniqueViolation(error)) {
    // A uniqueness check lost a race (two admins adding the same code at once): the database's unique
    // key answers, and the loser hears it as a conflict, not as a server fault.
    return reply.status(409).send(errorBody('CONFLICT', text('error.alreadyExists')));
  }
  if (isRetryableConflict(error)) {
    // Nothing was written (the database rolled the transaction back); the client may simply retry.
    request.log.warn({ err: error }, 'transaction rolled back by the database');
    return reply.status(409).send(errorBody('CONFLICT', text('error.retry')));
  }
  if (error.validation) {
    const field = validationField(error);
    const message = isBlank(error) ? text('error.blank', { field }) : text('error.validation', { field });
    return reply.status(400).send(errorBody('VALIDATION', message, { field, reason: error.message }));
  }
  if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: '' })));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send(errorBody('BAD_REQUEST', { zh: `请求有误：${error.message}`, en: error.message }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL', text('error.internal')));
}

import type { FastifyRequest } from 'fastify';
import { assertSafeInput } from '../shared/safe-input.js';

/**
 * The `preHandler` hook (http/app.ts) that applies shared/safe-input.ts to every route: parameters,
 * query string and body, after the schema validated and coerced them and before any handler reads
 * them. Multipart bodies are read by their handlers, which check their parts with the same function.
 */
export async function rejectUnsafeInput(request: FastifyRequest): Promise<void> {
  assertSafeInput(request.params, 'params');
  assertSafeInput(request.query, 'querystring');
  if (!request.isMultipart()) assertSafeInput(request.body, 'body');
}

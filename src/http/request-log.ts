import fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One JSON line per request, written when the answer has gone (ADR 0203): method, the redacted URL
 * (http/log-redaction.ts), the route pattern, status, milliseconds and the request id (pino's `reqId`,
 * the `x-request-id` answered). Fastify's default writes a second line as each request arrives, which
 * doubled the logging's share of an order's CPU; it is kept at debug level, for following a request
 * that never finishes (LOG_LEVEL=debug). Fastify's own "Route … not found" line is not written: it
 * held the raw URL, phone numbers in its query included, and the 404's line says the same, redacted.
 */
export class OneLinePerRequest extends fastify.LogController {
  override incomingRequest(request: FastifyRequest): void {
    // Below the logger's level pino's debug is a no-op: nothing is serialised.
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, route: request.routeOptions.url, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { runUnitOfWork } from '../db/unit-of-work.js';
import type { Deps } from '../shared/deps.js';
import { isSeparatedAdminRole } from './separation-of-duties.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Field names whose values never reach the audit row. Not a bare "code": a unit's or a category's code
 * is exactly what an auditor needs to read (the one-time codes are sent to /api/auth and /api/me,
 * which write their own rows).
 */
const SECRET = /password|passphrase|secret|token|totp|^otp|recovery|api_?key|private_?key/i;
const MAX_DETAIL_CHARS = 2000;
/** Account and retention acts write their own richer row in their transaction; sign-in and sign-out are auth.service's. */
const OWN_AUDIT = ['/api/users', '/api/auth', '/api/me', '/api/retention'];

/** The JSON body of an act as the audit row keeps it: secrets blanked, long bodies cut to their field names. */
export function auditedBody(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) return undefined;
  const kept = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, SECRET.test(k) ? '***' : v]));
  return JSON.stringify(kept).length <= MAX_DETAIL_CHARS ? kept : { fields: Object.keys(kept) };
}

const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? request.url.split('?')[0]!;

function isAdministrativeAct(request: FastifyRequest): boolean {
  const actor = request.actor;
  if (!actor?.roles.some(isSeparatedAdminRole)) return false;
  const route = routeOf(request);
  return !OWN_AUDIT.some((prefix) => route.startsWith(prefix));
}

const isWriteRoute = (method: string | string[]) => [method].flat().some((m) => WRITES.has(m.toUpperCase()));

/**
 * A handler's `reply.send(x)` held back while its act is uncommitted: the answer leaves only after the
 * act and its audit row committed, so nobody hears "done" of an act that was then rolled back. While
 * held, the reply is no thenable (Fastify's resolves once the answer has left, which a held answer
 * never would), so a handler may still `return reply.send(x)`.
 */
function holdAnswer(reply: FastifyReply) {
  const held: { sent: boolean; payload?: unknown } = { sent: false };
  const shadow = (key: string, value: unknown) =>
    Object.defineProperty(reply, key, { configurable: true, writable: true, value });
  shadow('send', (payload?: unknown) => {
    Object.assign(held, { sent: true, payload });
    return reply;
  });
  shadow('then', undefined);
  const release = () => {
    delete (reply as { send?: unknown }).send;
    delete (reply as { then?: unknown }).then;
  };
  return { held, release };
}

/** Run one act and write its audit row in one unit of work (ADR 0199): both commit, or neither. */
async function runAuditedAct(deps: Deps, request: FastifyRequest, reply: FastifyReply, act: () => unknown): Promise<unknown> {
  const { held, release } = holdAnswer(reply);
  let result: unknown;
  try {
    result = await runUnitOfWork(deps.db, async () => {
      const answer = await act();
      if (reply.statusCode < 400) await logPiiAccess(deps.db, actRow(deps, request, reply.statusCode));
      return answer;
    });
  } finally {
    release();
  }
  return held.sent ? reply.send(held.payload) : result;
}

function actRow(deps: Deps, request: FastifyRequest, status: number) {
  const actor = request.actor!;
  return {
    userId: actor.userId,
    orderId: null,
    fields: [],
    purpose: 'admin.act',
    at: deps.clock.now(),
    centreId: actor.centreId,
    subject: `${request.method} ${routeOf(request)}`,
    detail: { params: request.params, body: auditedBody(request.body), status, ip: request.ip },
  };
}

/**
 * Every administrative act is audited (等保 安全审计, ADRs 0157, 0199): each successful write by one of
 * the three administrators (units, categories, rules, calendar, time limits, settings, sub-centres…) is
 * a row of the audit trail naming the route, its parameters and the body (secrets blanked), written in
 * the act's own transaction — the handler runs inside a unit of work that the row joins, so an act
 * whose row cannot be written is rolled back. Account acts (/api/users) write their own richer row
 * inside their transaction and are skipped here, as are sign-in and sign-out (auth.service).
 */
export function auditAdministrativeActs(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRoute', (route) => {
    if (!isWriteRoute(route.method)) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, request, reply) {
      if (!isAdministrativeAct(request)) return handler.call(this, request, reply);
      return runAuditedAct(deps, request, reply, () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });
}

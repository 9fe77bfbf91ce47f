import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainError, forbidden } from '../shared/errors.js';
import { can, type Permission } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';

export const SESSION_COOKIE = 'lianxin_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: (Actor & { username: string; unitName: string }) | null;
  }
}

/** The session token from the cookie (browser) or an `Authorization: Bearer` header (API clients). */
export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return request.cookies[SESSION_COOKIE];
}

export function requireActor(request: FastifyRequest): Actor & { username: string; unitName: string } {
  if (!request.actor) throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
  return request.actor;
}

export function requirePermission(request: FastifyRequest, permission: Permission) {
  const actor = requireActor(request);
  if (!can(actor, permission)) throw forbidden();
  return actor;
}

export const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

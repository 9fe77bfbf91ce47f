import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.js';
import { SESSION_COOKIE } from '../http/auth.js';

/** The session cookie: HttpOnly, SameSite=Strict, Secure when configured, until the session expires. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    expires: session.expiresAt,
  });
}

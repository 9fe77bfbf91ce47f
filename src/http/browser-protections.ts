import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config/config.js';
import { tileImageSources } from '../config/map-config.js';
import { domainError } from '../shared/errors.js';

/**
 * What a browser is told and checked for (issue 15, ADR 0158): the security headers of a maintained
 * plugin (@fastify/helmet) on every response — a Content-Security-Policy that lets the console and
 * the portal run (their own scripts only; Ant Design writes its styles inline, hence 'unsafe-inline'
 * for styles alone), no framing, nosniff, Referrer-Policy, HSTS when configured — an origin check on
 * every state-changing request, and `cache-control: no-store` on every API answer.
 */
export async function registerBrowserProtections(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The map's configured base tiles (ADR 0187); none configured, images stay on this server.
        imgSrc: ["'self'", 'data:', 'blob:', ...tileImageSources(config.map)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWrite(request, config.allowedOrigins)) throw domainError('FORBIDDEN', 'error.crossOrigin');
  });

  app.addHook('onSend', async (request, reply) => {
    // API answers carry personal data (callers, sign-in, exports): never kept by a browser or a proxy.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origin `http://h:80` and Host `h:80` (or `h`) are one place: compare with the scheme's default port dropped alike. */
function sameHost(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    return o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * A state-changing request a browser sent from another site or port (CSRF). Browsers name the page's
 * origin in `Origin` on every POST/PUT/PATCH/DELETE; it must be this server (its Host) or a configured
 * origin. Without `Origin`, `Sec-Fetch-Site` (sent by current browsers) must not say cross- or
 * same-site. A request with neither is not from a browser page (the CLI, the telephone system, tests).
 */
export function isCrossSiteWrite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (allowedOrigins.includes(origin.replace(/\/$/, ''))) return false;
    return !sameHost(origin, request.host);
  }
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite names what it builds into assets/ by content hash: a changed file is a new URL, so it may be kept forever. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages must be checked each time, or a browser could keep an old page pointing at deleted assets. */
export const REVALIDATE = 'no-cache';

/** The citizen portal is its own page (web/portal.html), light enough for a slow phone (ADR 0103). */
const pageFor = (url: string) =>
  url === '/portal' || url.startsWith('/portal/') || url.startsWith('/portal?') ? 'portal.html' : 'index.html';

/**
 * Serves the built web (web/dist): brotli or gzip files written next to each asset at build time
 * (vite.config.ts) when the browser accepts them, hashed assets cached for a year, pages revalidated;
 * unknown non-API paths get their single-page app's page.
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', HASHED_ASSET.test(filePath) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile(pageFor(request.url));
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', messageEn: 'No such endpoint' } });
  });
  return true;
}

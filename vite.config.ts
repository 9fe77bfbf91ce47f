import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes a .br and a .gz next to every text asset once, at build time, so the server sends them as
 * they are (src/http/web-assets.ts) instead of compressing each response (ADR 0103).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lianxin-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** `npm run dev:web`: /portal paths get the portal's page, as the server does (src/http/web-assets.ts). */
function portalPageInDev(): Plugin {
  return {
    name: 'lianxin-portal-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/portal(\/|\?|$)/.test(req.url)) req.url = '/portal.html';
        next();
      });
    },
  };
}

/** Two pages: the staff console (index.html) and the citizen portal (portal.html), which shares none of its code. */
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress(), portalPageInDev()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { console: 'web/index.html', portal: 'web/portal.html' } },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/healthz': 'http://localhost:8080' } },
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/config/config.js';
import { ensureDemo } from '../src/demo/demo.service.js';
import { buildApp } from '../src/http/app.js';
import { WEB_DIST } from '../src/paths.js';
import { openRuntime } from '../src/runtime.js';
import type { BenchSection } from './run.js';

/** Chromium DevTools' "Slow 4G" preset: 562.5 ms latency, ~1.44 Mbit/s down, ~675 kbit/s up. */
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const CPU_SLOWDOWN = 4;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);

const PAGES = [
  { name: 'portal', path: '/portal', viewport: { width: 390, height: 844 } },
  { name: 'login', path: '/login', viewport: { width: 1280, height: 720 } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Raw, gzip and brotli bytes of the built JS files a page fetched (the .gz/.br written at build). */
function bytesOf(files: string[]) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const full = path.join(WEB_DIST, file);
    const data = fs.readFileSync(full);
    sum.raw += data.length;
    sum.gzip += fs.existsSync(`${full}.gz`) ? fs.statSync(`${full}.gz`).size : zlib.gzipSync(data).length;
    sum.brotli += fs.existsSync(`${full}.br`) ? fs.statSync(`${full}.br`).size : zlib.brotliCompressSync(data).length;
  }
  return sum;
}

/** One cold load (no cache) under slow 4G and a ×4 slower CPU: the JS fetched and the first contentful paint. */
async function coldLoad(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.replace(/^\//, ''));
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  // The paint entry may arrive after network idle on a slow CPU: wait for it (buffered), at most 30 s.
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 30_000);
      }),
  );
  await context.close();
  return { fcp, scripts: [...scripts].sort() };
}

/**
 * `npm run bench web`: per page, the JS it loads (files; raw/gzip/brotli bytes) and the median first
 * contentful paint of cold loads on emulated slow 4G with a ×4 CPU slowdown, with the load average
 * (the machine is shared; a figure, not a test). Needs a built web (`npx vite build`).
 */
export const webBench: BenchSection = {
  name: 'web',
  description: 'page weight (JS raw/gzip/brotli) and first contentful paint on emulated slow 4G, CPU ×4',
  async run() {
    if (!fs.existsSync(path.join(WEB_DIST, 'portal.html'))) throw new Error('build the web first: npx vite build');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-web-'));
    const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
    const runtime = await openRuntime(config);
    await ensureDemo(runtime.deps, () => {}, { days: 2, perDay: 3 });
    const app = await buildApp({ deps: runtime.deps, config }, { webDir: WEB_DIST });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      for (const p of PAGES) {
        const loads = [];
        for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, base + p.path, p.viewport));
        const bytes = bytesOf(loads[0].scripts);
        const fcps = loads.map((l) => l.fcp);
        console.log(
          `${p.name} (${p.viewport.width}×${p.viewport.height}): ${loads[0].scripts.length} JS files, raw ${kb(bytes.raw)}, gzip ${kb(bytes.gzip)}, brotli ${kb(bytes.brotli)}; ` +
            `FCP median ${Math.round(median(fcps))} ms of ${RUNS} (${fcps.map(Math.round).join(', ')}); load average ${os
              .loadavg()
              .map((l) => l.toFixed(2))
              .join(' ')}`,
        );
        console.log(`  files: ${loads[0].scripts.join(' ')}`);
      }
    } finally {
      await browser.close();
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

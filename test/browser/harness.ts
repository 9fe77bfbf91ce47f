import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ensureDemo } from '../../src/demo/demo.service.js';
import { buildApp } from '../../src/http/app.js';
import { WEB_DIST } from '../../src/paths.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { copyDemoTemplate } from './demo-template.js';

export const SCREENSHOT_DIR = path.resolve('screenshots');
export const DEMO_PASSWORD = 'Demo@12345';
export const PHONE = { width: 390, height: 844 };

/**
 * Every journey's browser context: Chinese, and reduced motion, so antd dialogs and pickers appear at
 * once and a click never lands mid-zoom (the console honours the setting; CI failed twice on clicks
 * sent while a dialog was still opening).
 */
const CONTEXT = { locale: 'zh-CN', reducedMotion: 'reduce' } as const;
/** A phone's context, for the portal and field pages (the harness's own pages are desktop-sized). */
export const PHONE_CONTEXT = { ...CONTEXT, viewport: PHONE, isMobile: true, hasTouch: true } as const;

export interface BrowserWorld {
  baseUrl: string;
  browser: Browser;
  runtime: Runtime;
  app: FastifyInstance;
  /** Errors the page printed to its console or threw; journeys assert this stays empty. */
  consoleErrors: string[];
  newPage(): Promise<Page>;
  login(page: Page, username: string): Promise<void>;
  /** A new page signed in as the demo user, at the given viewport when one is given. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts lianxin on a random port with a fresh copy of the small demo's embedded database, and Chromium.
 * `env` adds settings; `logLines`, when given, receives the server's log (warnings and up).
 */
export async function startBrowserWorld(
  options: { env?: Record<string, string>; logLines?: string[] } = {},
): Promise<BrowserWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-browser-'));
  await copyDemoTemplate(inject('browserDemoTemplate'), dataDir);
  const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...options.env });
  const runtime = await openRuntime(config);
  // The copied demo is complete; this only refreshes what a restart would (the demo's outside system).
  await ensureDemo(runtime.deps, () => {});
  const lines = options.logLines;
  const logger = lines ? { level: 'warn', stream: { write: (line: string) => void lines.push(line) } } : undefined;
  const app = await buildApp({ deps: runtime.deps, config }, { webDir: WEB_DIST, logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const consoleErrors: string[] = [];
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const world: BrowserWorld = {
    baseUrl,
    browser,
    runtime,
    app,
    consoleErrors,
    async newPage() {
      const context = await browser.newContext({ ...CONTEXT, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
      return page;
    },
    async login(page, username) {
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async signedIn(username, viewport) {
      const page = await world.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await world.login(page, username);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

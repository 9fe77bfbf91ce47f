import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { ensureDemo } from '../../src/demo/demo.service.js';
import { openRuntime } from '../../src/runtime.js';

/**
 * The browser journeys' demo database, made once and copied for each file. Migrating and seeding an
 * embedded database took ~42 s of CI's two cores per file (34 files: most of the browser stage); a copy
 * of the closed data directory takes well under a second.
 *
 * The demo is seeded relative to the clock (deadlines, 2-hour verification tasks, nearly-due orders), so
 * a copy older than MAX_AGE_MS is made again: a journey never sees a demo older than one slow file does.
 */
const MAX_AGE_MS = 5 * 60_000;
const MADE_AT = 'made-at';

/** The demo every journey starts from: ten days of six orders a day, as `startBrowserWorld` always seeded. */
export async function seedDemoDataDir(dataDir: string, env: Record<string, string> = {}): Promise<void> {
  const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env });
  const runtime = await openRuntime(config);
  try {
    await ensureDemo(runtime.deps, () => {}, { days: 10, perDay: 6 });
  } finally {
    await runtime.close();
  }
}

/** Makes (or remakes) the template in `dir`: seeded beside it, then swapped in whole. */
export async function makeDemoTemplate(dir: string): Promise<void> {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-browser-template-'));
  await seedDemoDataDir(path.join(fresh, 'data'));
  fs.writeFileSync(path.join(fresh, MADE_AT), String(Date.now()));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(fresh, dir);
}

/** Copies the template's demo into `dataDir`, remaking the template first when it is stale or missing. */
export async function copyDemoTemplate(dir: string, dataDir: string): Promise<void> {
  const madeAt = Number(fs.existsSync(path.join(dir, MADE_AT)) ? fs.readFileSync(path.join(dir, MADE_AT), 'utf8') : 0);
  if (Date.now() - madeAt > MAX_AGE_MS) await makeDemoTemplate(dir);
  fs.cpSync(path.join(dir, 'data'), dataDir, { recursive: true });
}

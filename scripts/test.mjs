// `npm test`: every test tier. Unit, service and HTTP tests on embedded PGlite; the service and HTTP
// suites again on PostgreSQL when DATABASE_URL is set; browser journeys when Chromium is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const env = { ...process.env, TZ: 'UTC' };
const run = (label, args, extraEnv = {}) => {
  console.log(`\n== ${label}`);
  const r = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\nFAILED: ${label}`);
    process.exit(r.status ?? 1);
  }
};

delete env.TEST_DATABASE_URL;
run('unit, service and HTTP tests on embedded PGlite', []);

if (process.env.DATABASE_URL) {
  run('service and HTTP tests on PostgreSQL (DATABASE_URL)', ['test/service', 'test/http'], {
    TEST_DATABASE_URL: process.env.DATABASE_URL,
  });
} else {
  console.log('\n== PostgreSQL suites skipped: set DATABASE_URL=postgres://user@host:5432/db to run them too.');
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browserConfig = 'vitest.browser.config.ts';
if (!fs.existsSync(browserConfig)) {
  console.log('\n== browser tests: none yet.');
} else if (!fs.existsSync(chromium)) {
  console.log(`\n== browser tests SKIPPED: no Chromium at ${chromium}. Install it with: apt-get install -y chromium`);
} else {
  console.log('\n== building the web console for the browser tests');
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
  if (b.status !== 0) process.exit(b.status ?? 1);
  run('browser journeys (Chromium)', ['--config', browserConfig], { CHROMIUM_PATH: chromium });
}

import { findCentreByCode } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { CENTRE } from './demo-org.data.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from './demo-org.service.js';
import { seedDemoHistory } from './demo-history.service.js';

export interface DemoOptions {
  days?: number;
  perDay?: number;
}

/** Seeds the demo hotline: organisation in one transaction, then months of history. */
export async function seedDemo(deps: Deps, log: (line: string) => void, options: DemoOptions = {}) {
  const started = performance.now();
  const catalog = await deps.db.transaction().execute((tx) => seedDemoOrganisation(tx));
  log(`demo: ${catalog.units.length} units, ${catalog.leaves.length} categories, ${DEMO_USERS.length} users`);
  const { created } = await seedDemoHistory(deps, catalog, {
    end: deps.clock.now(),
    days: options.days ?? 120,
    perDay: options.perDay ?? 8,
  });
  log(`demo: ${created} historical orders generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** On an empty database, seeds the demo; then prints the demo sign-ins. */
export async function ensureDemo(deps: Deps, log: (line: string) => void, options: DemoOptions = {}) {
  const existing = await findCentreByCode(deps.db, CENTRE.code);
  if (!existing) {
    log('demo: first start — seeding the Xilingol demo hotline (一次性生成演示数据)…');
    await seedDemo(deps, log, options);
  }
  log(`demo sign-in (演示账号), password 密码 ${DEMO_PASSWORD}:`);
  for (const u of DEMO_USERS) log(`  ${u.username.padEnd(11)} ${u.role.padEnd(13)} ${u.displayName}`);
}

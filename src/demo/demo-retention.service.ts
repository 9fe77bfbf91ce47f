import { runRetention } from '../retention/retention.service.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import type { DemoCatalog } from './demo-org.service.js';
import { seedDemoHistory } from './demo-history.service.js';

const DAY = 24 * 3600_000;
/** The archive ends this long ago: past the default three years of personal-data retention. */
const ARCHIVE_AGE_DAYS = 4 * 365;

/**
 * The 保存期限 page comes alive (issue 15, ADR 0174): a month of orders closed four years ago, past the
 * centre's three years, half of them already erased by a retention run (the daily job's bounded batch)
 * and the rest due. Answers how many were archived, erased and left due.
 */
export async function seedDemoRetention(deps: Deps, catalog: DemoCatalog) {
  const end = new Date(deps.clock.now().getTime() - ARCHIVE_AGE_DAYS * DAY);
  const { created } = await seedDemoHistory(deps, catalog, { end, days: 30, perDay: 1, seed: 2022, allFinished: true });
  const [report] = await runRetention(deps, { maxOrders: Math.floor(created / 2) });
  return { archived: created, erased: report?.anonymised ?? 0, due: report?.due ?? 0 };
}

import { findCentreByCode } from '../org/unit.repository.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { CENTRE } from './demo-org.data.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from './demo-org.service.js';
import { seedDemoHistory } from './demo-history.service.js';
import { seedDemoKnowledge } from './demo-knowledge.service.js';
import { seedDemoNotes, seedDemoTextModules } from './demo-agent-tools.service.js';
import { DEMO_PORTAL_CALLER_PHONE } from './demo-desk.data.js';
import { seedDemoAssist } from './demo-assist.service.js';
import { seedDemoLeaderFollowup, seedDemoRecordedCall, seedDemoSavedFilters } from './demo-desk.service.js';
import { seedDemoForwarding } from './demo-forwarding.service.js';
import { seedDemoDeskMoves, seedDemoSubCentres } from './demo-sub-centres.service.js';
import { seedDemoLeaders } from './demo-leaders.service.js';
import { seedDemoCatalogue, seedDemoCatalogueReturns } from './demo-catalogue.service.js';
import { seedDemoCitizenDesk } from './demo-citizen.service.js';

export interface DemoOptions {
  days?: number;
  perDay?: number;
}

/** The slow half of a first start: months of generated history, run by the caller when it suits it. */
export type DemoHistoryRun = (signal?: AbortSignal) => Promise<void>;

/**
 * On an empty database, seeds the demo organisation (one transaction: units, categories, the demo
 * users, so sign-ins work at once) and returns the history generation still to run; on a seeded
 * database returns null. Prints the demo sign-ins either way.
 */
export async function prepareDemo(
  deps: Deps,
  log: (line: string) => void,
  options: DemoOptions = {},
): Promise<DemoHistoryRun | null> {
  const existing = await findCentreByCode(deps.db, CENTRE.code);
  let history: DemoHistoryRun | null = null;
  if (!existing) {
    log('demo: first start — seeding the Xilingol demo hotline (一次性生成演示数据)…');
    const started = performance.now();
    const { catalog, articles, rules } = await deps.db.transaction().execute(async (tx) => {
      const seeded = await seedDemoOrganisation(tx);
      await seedDemoTextModules(tx, deps.clock, seeded);
      await seedDemoSavedFilters(tx, deps.clock);
      await seedDemoSubCentres(tx, seeded);
      const rules = await seedDemoCatalogue(tx, deps.clock, seeded);
      return { catalog: seeded, articles: await seedDemoKnowledge(tx, deps.clock, seeded), rules };
    });
    log(
      `demo: ${catalog.units.length} units, ${catalog.leaves.length} categories, ${DEMO_USERS.length} users, ${articles} knowledge articles, ${rules} dispatch catalogue rules`,
    );
    history = async (signal) => {
      const { created, refused } = await seedDemoHistory(deps, catalog, {
        end: deps.clock.now(),
        days: options.days ?? 120,
        perDay: options.perDay ?? 8,
        signal,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`demo: ${created} historical orders generated in ${seconds} s`);
      if (refused > 0) log(`demo: ${refused} generated orders stopped early (changed in the console meanwhile)`);
      log(`demo: ${await seedDemoNotes(deps, catalog)} internal notes with a mention of the handler`);
      log(`demo: ${await seedDemoRecordedCall(deps, catalog)} recorded call linked to an order awaiting its 回访`);
      log(
        `demo: ${await seedDemoAssist(deps, catalog)} heating appeals with the heating company assisting (协办, one 阶段性答复)`,
      );
      log(`demo: ${await seedDemoForwarding(deps, catalog)} orders of 锡林浩特市人民政府 forwarded down the tree (下派)`);
      log(`demo: ${await seedDemoDeskMoves(deps, catalog)} orders handed up or routed between sub-centres (上交中心 / 转分中心)`);
      log(`demo: ${await seedDemoLeaders(deps, catalog)} orders owned by the leader (包案), with a 批示 and a 会商`);
      log(`demo: ${await seedDemoCatalogueReturns(deps, catalog)} returns approved and re-dispatched (派单目录 回退率)`);
      const citizen = await seedDemoCitizenDesk(deps, catalog);
      log(`demo: ${citizen.enterprise} enterprise appeals (涉企诉求), ${citizen.checks} dissatisfied web ratings for 待核查`);
      if (citizen.stopped > 0) log(`demo: ${citizen.stopped} of them stopped early (changed in the console meanwhile)`);
      log(`demo: ${await seedDemoLeaderFollowup(deps, catalog)} overdue order on the leader's 领导盯办 list`);
    };
  }
  log(`demo sign-in (演示账号), password 密码 ${DEMO_PASSWORD}:`);
  for (const u of DEMO_USERS) log(`  ${u.username.padEnd(11)} ${u.role.padEnd(13)} ${u.displayName}`);
  log('来电弹屏 / screen-pop: with LIANXIN_CTI_TOKEN set, `lianxin call simulate --from 13912345678 --operator operator`');
  log(
    `门户「我的诉求」/ portal "my appeals": caller phone ${DEMO_PORTAL_CALLER_PHONE}; the one-time code appears in this server log (LIANXIN_DEV_LOG_OTP)`,
  );
  return history;
}

/** On an empty database, seeds the whole demo (organisation and history) before returning. */
export async function ensureDemo(deps: Deps, log: (line: string) => void, options: DemoOptions = {}) {
  const history = await prepareDemo(deps, log, options);
  if (history) await history();
}

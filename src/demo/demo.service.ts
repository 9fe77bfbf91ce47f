import { findCentreByCode } from '../org/unit.repository.js';
import { setCentreMfaRoles } from '../users/totp.repository.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { CENTRE } from './demo-org.data.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from './demo-org.service.js';
import { seedDemoHistory } from './demo-history.service.js';
import { seedDemoRetention } from './demo-retention.service.js';
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
import { DEMO_IMPORT_FILE, seedDemoOrigins } from './demo-origins.service.js';
import { seedDemoVisitLinks } from './demo-visit-links.service.js';
import { seedDemoCitizenNoticeChoices } from './demo-citizen-notices.service.js';
import { seedDemoApiClient } from './demo-api-clients.service.js';
import { seedDemoChannelRegisters, seedDemoChannelTraffic } from './demo-channels.service.js';
import { seedDemoGrids } from './demo-grids.service.js';
import { seedDemoVerification } from './demo-verification.service.js';
import { seedDemoPoints } from './demo-points.service.js';
import { seedDemoWishes } from './demo-wishes.service.js';
import { seedDemoMatters } from './demo-matters.service.js';
import { seedDemoMapPoints } from './demo-map.service.js';

export interface DemoOptions {
  days?: number;
  perDay?: number;
  /** Where the server answers (its own webhook receiver for the demo client's subscription, ADR 0182). */
  serverUrl?: string;
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
  if (existing && existing.mfa_required_roles === null) {
    // A demo data directory made before two-factor sign-in (migration 0742) reads as "never decided",
    // i.e. required of every role, and the printed sign-ins would stop working: the demo's rule is
    // optional (ADR 0156 amendment). Only while undecided: a choice made on the security screen is kept.
    await setCentreMfaRoles(deps.db, existing.id, []);
    log('demo: upgraded demo data — two-factor sign-in set OPTIONAL in the demo centre (it was never decided)');
  }
  if (!existing) {
    log('demo: first start — seeding the Xilingol demo hotline (一次性生成演示数据)…');
    const started = performance.now();
    const { catalog, articles, rules, grids, points, wishes, matters } = await deps.db.transaction().execute(async (tx) => {
      const seeded = await seedDemoOrganisation(tx);
      await seedDemoTextModules(tx, deps.clock, seeded);
      await seedDemoSavedFilters(tx, deps.clock);
      await seedDemoSubCentres(tx, seeded);
      const rules = await seedDemoCatalogue(tx, deps.clock, seeded);
      await seedDemoChannelRegisters(tx, deps.clock, seeded);
      const grids = await seedDemoGrids(tx, deps.clock, seeded.centreId);
      const points = await seedDemoPoints(tx, deps.clock, seeded);
      const wishes = await seedDemoWishes(tx, deps.clock, seeded);
      const matters = await seedDemoMatters(tx, deps.clock, seeded);
      return {
        catalog: seeded,
        articles: await seedDemoKnowledge(tx, deps.clock, seeded),
        rules,
        grids,
        points,
        wishes,
        matters,
      };
    });
    log(
      `demo: ${points} points entries of residents in 团结社区 and 额尔敦社区, a 爱心超市 with goods (积分制, issue 19); ${wishes} 微心愿 in every state; ${matters} 民生实事 of this year with one open 票决`,
    );
    log(
      `demo: ${catalog.units.length} units, ${catalog.leaves.length} categories, ${DEMO_USERS.length} users, ${articles} knowledge articles, ${rules} dispatch catalogue rules, ${grids} grids (演示网格: generated demo geography around the counties' seats, not real boundaries)`,
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
      const traffic = await seedDemoChannelTraffic(deps, catalog, options.days ?? 120);
      log(
        `demo: 18 办不成事 windows, 39 merged hotlines; ${traffic.calls} calls on 12345 and the parallel lines, the number dialled or the window on ${traffic.orders} appeals`,
      );
      log(`demo: ${await seedDemoNotes(deps, catalog)} internal notes with a mention of the handler`);
      log(`demo: ${await seedDemoRecordedCall(deps, catalog)} recorded call linked to an order awaiting its 回访`);
      log(
        `demo: ${await seedDemoAssist(deps, catalog)} heating appeals with the heating company assisting (协办, one 阶段性答复)`,
      );
      log(`demo: ${await seedDemoForwarding(deps, catalog)} orders of 锡林浩特市人民政府 forwarded down the tree (下派)`);
      log(`demo: ${await seedDemoDeskMoves(deps, catalog)} orders handed up or routed between sub-centres (上交中心 / 转分中心)`);
      log(`demo: ${await seedDemoLeaders(deps, catalog)} orders owned by the leader (包案), with a 批示 and a 会商`);
      log(`demo: ${await seedDemoCatalogueReturns(deps, catalog)} returns approved and re-dispatched (派单目录 回退率)`);
      const origins = await seedDemoOrigins(deps, catalog);
      log(
        `demo: ${origins.imported} orders imported from ${DEMO_IMPORT_FILE} (已导入, 历史数据导入), ${origins.openApi} appeal of the demo's outside system through Open311`,
      );
      const citizen = await seedDemoCitizenDesk(deps, catalog);
      log(`demo: ${citizen.enterprise} enterprise appeals (涉企诉求), ${citizen.checks} dissatisfied web ratings for 待核查`);
      if (citizen.stopped > 0) log(`demo: ${citizen.stopped} of them stopped early (changed in the console meanwhile)`);
      await seedDemoVisitLinks(deps, catalog);
      log(
        `demo: ${await seedDemoCitizenNoticeChoices(deps, catalog)} calls whose callers chose their notices (SMS declined at intake with an e-mail; SMS switched off on 我的诉求)`,
      );
      log(`demo: ${await seedDemoLeaderFollowup(deps, catalog)} overdue order on the leader's 领导盯办 list`);
      const verify = await seedDemoVerification(deps, catalog);
      log(
        `demo: ${verify.tasks} 现场核实 tasks in 希日塔拉街道's grids (pending, nearly due, answered with a photo, far, late) for \`gridworker\`; ${verify.reports} grid reports by \`gridreporter\` (one urgent)`,
      );
      const archive = await seedDemoRetention(deps, catalog);
      log(
        `demo: ${archive.archived} orders closed four years ago (保存期限 3 years): personal data erased from ${archive.erased}, ${archive.due} due for the daily job`,
      );
      const pinned = await seedDemoMapPoints(deps.db, catalog.centreId);
      log(`demo: ${pinned} orders pinned inside their county's demo grids (地图, half of them in the seat's town)`);
    };
  }
  const centre = existing ?? (await findCentreByCode(deps.db, CENTRE.code));
  if (centre) await seedDemoApiClient(deps, centre.id, log, options.serverUrl);
  log(`demo sign-in (演示账号), password 密码 ${DEMO_PASSWORD}:`);
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  for (const u of DEMO_USERS) log(`  ${u.username.padEnd(width)} ${u.role.padEnd(14)} ${u.displayName}`);
  log(
    '双因素认证 / two-factor sign-in: OPTIONAL in this demo centre so the sign-ins above work (a new centre requires TOTP of every staff role; any user may enrol under 我的账户 / My account)',
  );
  log(
    '三员分立 / separated administrators: admin = 系统管理员 (units, categories, rules, calendar, settings), secadmin = 安全管理员 (accounts, roles, password resets, unlocks), auditor = 审计管理员 (the audit trail only)',
  );
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

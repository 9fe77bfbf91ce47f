import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { apiSession, pickTreeNode } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** Leaders who act, with the demo accounts: the leader's desk, a 批示 written, signed for and answered. */
describe.skipIf(!hasChromium)('leaders who act', () => {
  let world: BrowserWorld;
  let order: { id: string; orderNo: string };
  let handlerUnitName: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const handler = await apiSession(world, 'handler');
    const me = await handler('GET', '/api/auth/me');
    const unitId = me.unitId as string;
    handlerUnitName = me.unitName as string;
    const operator = await apiSession(world, 'operator');
    const o = await operator('POST', '/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '锡林浩特市某小区暖气不热',
      content: '小区供暖不热，室温只有十二度，已经持续一周，多次反映无果。',
      callerName: '王先生',
      callerPhone: '13700005555',
    });
    const dispatcher = await apiSession(world, 'dispatcher');
    await dispatcher('POST', `/api/orders/${o.id}/actions/dispatch`, { version: o.version, leadUnitId: unitId });
    order = { id: o.id, orderNo: o.orderNo };
  });
  afterAll(async () => {
    await world?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join('/tmp', `leaders-${name}.png`), fullPage: true });

  it("shows the leader's own cases, 批示 and the demo 会商 with its opinion on the leader's desk", async () => {
    const page = await world.signedIn('leader', { width: 1280, height: 900 });
    await page.goto(`${world.baseUrl}/leader`);
    const cases = page.getByTestId('leader-cases');
    await cases.getByTestId('leader-case-link').nth(2).waitFor();
    expect(await cases.getByTestId('leader-case-link').count()).toBe(3);
    await page.getByTestId('leader-instructions').getByTestId('instruction-item').first().waitFor();
    await page.getByTestId('leader-consultations').getByTestId('consult-unit-opinion').first().waitFor();
    await shot(page, 'desk');
    await page.close();
  });

  it('the leader takes the order and writes a 批示; the handler signs for it and answers; the leader reads the answer', async () => {
    const leader = await world.signedIn('leader', { width: 1280, height: 900 });
    await leader.goto(`${world.baseUrl}/orders/${order.id}`);
    await leader.getByTestId('leader-take-case').click();
    await leader.getByTestId('case-dialog-text').fill('群众反映强烈，本人包案');
    await leader.getByTestId('case-dialog-submit').click();
    await leader.getByTestId('leader-case-owner').waitFor();
    await leader.getByTestId('leader-instruct').click();
    await leader.getByTestId('instruction-dialog-text').fill('请两日内上门核实室温并反馈整改方案');
    await leader.getByTestId('instruction-dialog-submit').click();
    await leader.getByTestId('leader-panel').locator('[data-testid=instruction-item][data-status=open]').waitFor();
    await shot(leader, 'instructed');

    const handler = await world.signedIn('handler', { width: 1280, height: 900 });
    await handler.goto(`${world.baseUrl}/unit`);
    await handler.getByTestId('unit-tab-instructions').click();
    const item = handler.getByTestId('unit-instructions').getByTestId('instruction-item').filter({ hasText: order.orderNo });
    await item.getByTestId('instruction-ack').click();
    await item.getByTestId('instruction-answer').click();
    await handler.getByTestId('instruction-answer-dialog-text').fill('已于今日上门，室温十四度，已协调热力公司加压，三日内复测');
    await shot(handler, 'answer-dialog');
    await handler.getByTestId('instruction-answer-dialog-submit').click();
    await expect.poll(() => item.count()).toBe(0); // answered: no longer owed
    await shot(handler, 'inbox-after');

    await leader.reload();
    const answered = leader.getByTestId('leader-panel').locator('[data-testid=instruction-item][data-status=answered]');
    await answered.getByTestId('instruction-answer-text').getByText('已协调热力公司加压').waitFor();
    await leader.locator('[data-testid=timeline-event][data-action=instruction_answer]').waitFor();
    await leader.locator('[data-testid=timeline-event][data-action=instruction_ack]').waitFor();
    await shot(leader, 'answered');
    expect(world.consoleErrors).toEqual([]);
    await leader.close();
    await handler.close();
  });

  it('会商 and 疑难件: the leader asks two units and marks the order; the handler gives its opinion; the leader concludes', async () => {
    const leader = await world.signedIn('leader', { width: 1280, height: 900 });
    await leader.goto(`${world.baseUrl}/orders/${order.id}`);
    await leader.getByTestId('leader-difficult').click();
    await leader.getByTestId('difficult-dialog-text').fill('涉及供热管网产权，多部门职责交叉');
    await leader.getByTestId('difficult-dialog-submit').click();
    await leader.locator('[data-testid=timeline-event][data-action=escalate]').waitFor();
    await expect.poll(() => leader.getByTestId('leader-difficult').count()).toBe(0);

    await leader.getByTestId('leader-consult').click();
    await pickTreeNode(leader, 'consult-units', handlerUnitName);
    await pickTreeNode(leader, 'consult-units', '锡林浩特市热力公司');
    await leader.getByTestId('consult-dialog-text').fill('管网维修责任与资金来源');
    await shot(leader, 'consult-dialog');
    await leader.getByTestId('consult-dialog-submit').click();
    await leader.getByTestId('leader-panel').getByTestId('consultation').waitFor();

    const handler = await world.signedIn('handler', { width: 1280, height: 900 });
    await handler.goto(`${world.baseUrl}/unit`);
    await handler.getByTestId('unit-tab-instructions').click();
    const c = handler.getByTestId('unit-instructions').getByTestId('consultation').filter({ hasText: '管网维修责任与资金来源' });
    await c.getByTestId('consult-opinion').click();
    await handler.getByTestId('consult-opinion-dialog-text').fill('建议热力公司先行抢修，我局协调维修资金');
    await handler.getByTestId('consult-opinion-dialog-submit').click();
    await expect.poll(() => c.count()).toBe(0); // given: no longer pending for this unit

    await leader.reload();
    const panel = leader.getByTestId('leader-panel').getByTestId('consultation');
    await panel.getByTestId('consult-unit-opinion').getByText('我局协调维修资金').waitFor();
    await panel.getByTestId('consult-conclude').click();
    await leader.getByTestId('consult-conclude-dialog-text').fill('热力公司三日内抢修，住建局牵头协调资金');
    await leader.getByTestId('consult-conclude-dialog-submit').click();
    await panel.getByTestId('consult-conclusion').waitFor();
    await leader.locator('[data-testid=timeline-event][data-action=consult_conclude]').waitFor();
    await shot(leader, 'consulted');

    // the conclusion settled it: the leader takes the 疑难件 mark off with a reason (ADR 0154)
    await leader.getByTestId('leader-undifficult').click();
    await leader.getByTestId('undifficult-dialog-text').fill('会商已明确责任与资金，按一般件办理');
    await leader.getByTestId('undifficult-dialog-submit').click();
    const unmarked = leader.locator('[data-testid=timeline-event][data-action=unescalate]');
    await expect.poll(() => unmarked.innerText()).toContain('会商已明确责任与资金');
    expect(await unmarked.innerText()).toContain('撤销疑难件');
    await leader.getByTestId('leader-difficult').waitFor();
    await shot(leader, 'undifficult');
    expect(world.consoleErrors).toEqual([]);
    await leader.close();
    await handler.close();
  });

  it("the admin's switch takes the leader's 催办 button away", async () => {
    const leader = await world.signedIn('leader', { width: 1280, height: 900 });
    await leader.goto(`${world.baseUrl}/orders/${order.id}`);
    await leader.getByTestId('supervise-urge').waitFor();
    const admin = await world.signedIn('admin', { width: 1280, height: 900 });
    await admin.goto(`${world.baseUrl}/admin/timelimits`);
    await admin.getByTestId('leader-settings-urge').click();
    await expect
      .poll(async () => (await admin.getByTestId('leader-settings-urge').getAttribute('aria-checked')) ?? '')
      .toBe('false');
    await admin.getByTestId('leader-settings').scrollIntoViewIfNeeded();
    await shot(admin, 'settings');
    await leader.reload();
    await leader.getByTestId('supervise-followup').waitFor();
    expect(await leader.getByTestId('supervise-urge').count()).toBe(0);
    await leader.close();
    await admin.close();
  });
});

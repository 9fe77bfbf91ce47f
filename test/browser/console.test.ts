import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { fillDateTime, pickRadio, pickTreeNode, submitAction, tinyPng } from './console-helpers.js';

const HANDLER_UNIT = '锡林浩特市住房和城乡建设局';
const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * The staff console's main journey in a real browser: an operator records a call and dispatches it,
 * the unit signs for it and replies with an attachment, the supervisor accepts the reply and does the
 * return visit, and the order's timeline shows every step.
 */
describe.skipIf(!hasChromium)('console journeys', () => {
  let world: BrowserWorld;
  let orderNo = '';
  let orderId = '';
  const title = `浏览器测试：小区楼道灯不亮 ${Date.now() % 100000}`;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username);

  /** An "extension" to tomorrow would shorten a complaint's 10 working days: the server's reason shows under the date. */
  async function refusedShorterExtension(page: Page) {
    await page.goto(`${world.baseUrl}/orders/${orderId}`);
    await page.getByTestId('action-request_extension').click();
    await page.getByTestId('field-reason').fill('需要协调施工队伍');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    // The dialog has more fields now (text modules, files): the calendar must be closed before the submit.
    await fillDateTime(page, 'field-newDeadline', `${day} 10:00:00`);
    const before = world.consoleErrors.length;
    await page.getByTestId('action-submit').click();
    const error = page.getByTestId('action-form-request_extension').locator('.ant-form-item-explain-error');
    await error.filter({ hasText: '新时限须晚于当前答复时限' }).waitFor();
    // The browser logs the API's 400 itself: that one expected line is the only error allowed here.
    expect(world.consoleErrors.splice(before)).toEqual([expect.stringContaining('400')]);
    await page.keyboard.press('Escape');
  }

  it('operator records a call and dispatches it to the unit', async () => {
    const page = await signedIn('operator');
    expect(new URL(page.url()).pathname).toBe('/intake');
    await page.getByTestId('intake-phone').fill('13900001111');
    await page.getByTestId('caller-history').getByText('该号码没有历史工单').waitFor();
    // Enter moves on to the next field instead of submitting a half-filled form.
    await page.getByTestId('intake-phone').press('Enter');
    expect(await page.getByTestId('intake-name').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('王女士');
    await pickRadio(page, 'intake-type', '投诉');
    await page.getByTestId('intake-address').fill('锡林浩特市某小区 3 号楼');
    await page.getByTestId('intake-title').fill(title);
    await page.getByTestId('intake-content').fill('三号楼二单元楼道灯坏了一周，老人晚上上下楼不方便，请物业尽快维修。');
    await pickTreeNode(page, 'intake-lead-unit', HANDLER_UNIT);
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await world.screenshot(page, 'console-intake');
    await page.keyboard.press('Control+Enter');
    const last = page.getByTestId('intake-last').locator('a');
    await last.waitFor();
    orderNo = (await last.textContent())!.trim();
    orderId = (await last.getAttribute('href'))!.split('/').pop()!;
    expect(orderNo).toMatch(/^\d{10,}$/);
    // The caller's history now lists the new order.
    await page.getByTestId('intake-phone').fill('13900001111');
    await page.getByTestId(`history-${orderNo}`).waitFor();
    await page.close();
  });

  it('the unit signs for the order, records contact and replies with a photo', async () => {
    const page = await signedIn('handler');
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.getByTestId(`quick-sign-${orderNo}`).click();
    await submitAction(page, 'sign');
    await page.getByTestId('unit-tab-handling').click();
    await page.getByTestId(`quick-record_contact-${orderNo}`).click();
    await pickRadio(page, 'field-method', '电话');
    await page.getByTestId('field-summary').fill('已电话联系王女士，约定明天上午维修。');
    await submitAction(page, 'record_contact');
    await world.screenshot(page, 'console-unit');
    // Spaces are no reply: the form says so under the field and sends nothing.
    await page.getByTestId(`quick-reply-${orderNo}`).click();
    await pickRadio(page, 'field-result', '已解决');
    await page.getByTestId('field-text').fill('   ');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form-reply').locator('.ant-form-item-explain-error').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('action-form-reply').waitFor({ state: 'detached' });
    await refusedShorterExtension(page);
    await page.goto(`${world.baseUrl}/unit`);
    await page.getByTestId('unit-tab-handling').click();
    await page.getByTestId(`quick-reply-${orderNo}`).click();
    await pickRadio(page, 'field-result', '已解决');
    await page.getByTestId('field-text').fill('物业已更换楼道灯泡并检查线路，照明恢复正常。');
    await page.getByTestId('field-files').setInputFiles({ name: '维修照片.png', mimeType: 'image/png', buffer: tinyPng() });
    await submitAction(page, 'reply');
    await page.getByTestId('unit-tab-replied').click();
    await page.getByTestId(`order-row-${orderNo}`).waitFor();
    await page.close();
  });

  it('the supervisor accepts the reply and closes it on the return visit', async () => {
    const page = await signedIn('supervisor');
    expect(new URL(page.url()).pathname).toBe('/review');
    // Nothing picked yet: the panel asks for an order to review (not the return-visit wording).
    await expect.poll(() => page.getByTestId('review-panel').textContent()).toContain('请从左侧名单选择一个工单开始审核');
    await page.getByTestId(`review-open-${orderNo}`).click();
    await page.getByTestId('latest-reply').getByText('物业已更换楼道灯泡').waitFor();
    await world.screenshot(page, 'console-review');
    await page.getByTestId('review-accept').click();
    await submitAction(page, 'review_accept');

    await page.getByTestId('console-nav').getByText('回访台').click();
    await page.getByTestId(`visit-open-${orderNo}`).click();
    await page.getByTestId('visit-script').getByText(title, { exact: false }).waitFor();
    // The reply ends with its own 。; the script's sentence goes on without doubling it.
    await expect.poll(() => page.getByTestId('visit-script').textContent()).toContain('照明恢复正常。请问');
    expect(await page.getByTestId('visit-script').textContent()).not.toContain('。。');
    // The supervisor calls back, so the visit panel shows the caller's number in full.
    await expect.poll(() => page.getByTestId('visit-caller').textContent()).toContain('13900001111');
    await world.screenshot(page, 'console-visits');
    await page.getByTestId('visit-close').click();
    await pickRadio(page, 'field-satisfaction', '满意');
    await pickRadio(page, 'field-resolved', '已解决');
    await submitAction(page, 'visit_close');
    await page.getByTestId(`visit-open-${orderNo}`).waitFor({ state: 'detached' });
    await page.close();
  });

  it("the order's timeline shows every step with who and when", async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/orders/${orderId}`);
    await page.getByTestId('order-timeline').waitFor();
    const actions = await page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining(['accept', 'dispatch', 'sign', 'record_contact', 'reply', 'review_accept', 'visit_close']),
    );
    const order = actions.filter((a) =>
      ['accept', 'dispatch', 'sign', 'record_contact', 'reply', 'review_accept', 'visit_close'].includes(a!),
    );
    expect(order).toEqual(['accept', 'dispatch', 'sign', 'record_contact', 'reply', 'review_accept', 'visit_close']);
    await expect.poll(() => page.getByTestId('state-tag').first().getAttribute('data-state')).toBe('closed');
    const timelineText = await page.getByTestId('order-timeline').textContent();
    expect(timelineText).toContain('承办人 张志强');
    expect(timelineText).toContain('已办结');
    expect(await page.getByTestId('order-attachments').textContent()).toContain('维修照片.png');
    await world.screenshot(page, 'console-order');
    await page.close();
  });

  it("a unit user cannot open another unit's order", async () => {
    const other = await world.runtime.deps.db
      .selectFrom('orders')
      .innerJoin('units', 'units.id', 'orders.lead_unit_id')
      .select(['orders.id', 'orders.order_no'])
      .where('units.name', '!=', HANDLER_UNIT)
      .where('units.path', 'not like', '%/' + '%')
      .limit(1)
      .executeTakeFirst();
    const foreign =
      other ??
      (await world.runtime.deps.db
        .selectFrom('orders')
        .select(['orders.id', 'orders.order_no'])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('order_assignments')
                .innerJoin('units', 'units.id', 'order_assignments.unit_id')
                .select('order_assignments.id')
                .whereRef('order_assignments.order_id', '=', 'orders.id')
                .where('units.name', '=', HANDLER_UNIT),
            ),
          ),
        )
        .limit(1)
        .executeTakeFirstOrThrow());
    const page = await signedIn('handler');
    const before = world.consoleErrors.length;
    await page.goto(`${world.baseUrl}/orders/${foreign.id}`);
    await page.getByTestId('order-not-found').waitFor();
    expect(await page.getByTestId('order-title').count()).toBe(0);
    // The browser reports the API's 404 itself; that one expected line is the only error allowed here.
    const added = world.consoleErrors.splice(before);
    expect(added.every((e) => /404/.test(e))).toBe(true);
    await world.screenshot(page, 'console-not-found');
    await page.close();
  });

  it('no console errors during the journeys', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickRadio, pickTreeNode, submitAction } from './console-helpers.js';
import { startBrowserWorld, type BrowserWorld, PHONE, PHONE_CONTEXT } from './harness.js';

// Issue 14, the citizen pieces: the supervisor decides dissatisfied web ratings (待核查), the operator
// takes an enterprise appeal with a protected name, the portal's enterprise fields on a phone.
const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const HANDLER_UNIT = '锡林浩特市住房和城乡建设局';
const GOOD_CODE = '91350100M000100Y43';

describe.skipIf(!hasChromium)('citizen desks (issue 14)', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });
  const db = () => world.runtime.deps.db;
  const orderByTitle = (title: string) =>
    db().selectFrom('orders').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

  it('the supervisor closes one dissatisfied rating with a reason and sends another back to the unit', async () => {
    const page = await world.signedIn('supervisor');
    await page.goto(`${world.baseUrl}/checks`);
    const list = page.getByTestId('checks-list');
    await list.getByText('小区二次供水水压不足').waitFor();
    await list.getByText('楼下烧烤店油烟扰民').waitFor();
    const water = await orderByTitle('小区二次供水水压不足');
    const smoke = await orderByTitle('楼下烧烤店油烟扰民');
    expect([water.state, smoke.state]).toEqual(['checking', 'checking']);

    // 核查办结 with 已尽责解释 and words.
    await page.getByTestId(`check-open-${smoke.order_no}`).click();
    await expect.poll(() => page.getByTestId('check-comment').innerText()).toContain('晚上照样冒烟');
    await world.screenshot(page, 'checks-desk');
    await page.getByTestId('check-close').click();
    await pickRadio(page, 'field-reason', '已尽责解释');
    await page.getByTestId('field-explanation').fill('执法人员已两次夜查，店铺已安装油烟净化器并达标，已向诉求人解释。');
    await submitAction(page, 'check_close');
    await expect.poll(async () => (await orderByTitle('楼下烧烤店油烟扰民')).state).toBe('closed');

    // 重办: back to the unit, the citizen's 未解决 already filled in.
    await page.getByTestId(`check-open-${water.order_no}`).click();
    await page.getByTestId('check-rehandle').click();
    await page.getByTestId('field-reason').fill('核实高层仍无水，退回重办。');
    await submitAction(page, 'visit_rehandle');
    await expect.poll(async () => (await orderByTitle('小区二次供水水压不足')).state).toBe('handling');
    const again = await orderByTitle('小区二次供水水压不足');
    expect(again.rehandle_count).toBe(1);
    await expect.poll(() => list.getByText('小区二次供水水压不足').count()).toBe(0);
    await world.screenshot(page, 'checks-decided');

    // The order page says how it ended, in words.
    await page.goto(`${world.baseUrl}/orders/${smoke.id}`);
    await page.getByText('核查办结').first().waitFor();
    await world.screenshot(page, 'checks-order-closed');
    await page.close();
  });

  it('the operator takes an enterprise appeal with a protected name; the desk sees the company, the unit does not', async () => {
    const page = await world.signedIn('operator');
    await page.getByTestId('intake-phone').fill('13904790088');
    await page.getByTestId('intake-name').fill('韩经理');
    await pickRadio(page, 'intake-type', '投诉');
    await page.getByTestId('intake-title').fill('环保检查反复要求停产整改');
    await page.getByTestId('intake-content').fill('我公司已按要求完成整改，但检查人员仍反复要求停产，请核实。');
    await pickTreeNode(page, 'intake-lead-unit', HANDLER_UNIT);
    await page.getByTestId('intake-enterprise').check();
    await page.getByTestId('intake-company').fill('锡林浩特市北方化工有限公司');
    await page.getByTestId('intake-credit-code').fill('91350100M000100Y44');
    await page.getByTestId('intake-protect').check();
    await page.getByText('校验位不对，请核对营业执照').waitFor();
    await page.getByTestId('intake-credit-code').fill(GOOD_CODE.toLowerCase());
    await page.getByTestId('intake-protect').focus();
    await expect.poll(() => page.getByText('校验位不对，请核对营业执照').count()).toBe(0);
    await world.screenshot(page, 'enterprise-intake');
    await page.keyboard.press('Control+Enter');
    const last = page.getByTestId('intake-last').locator('a');
    await last.waitFor();
    const orderId = (await last.getAttribute('href'))!.split('/').pop()!;
    const row = await db().selectFrom('order_enterprises').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ company_name: '锡林浩特市北方化工有限公司', credit_code: GOOD_CODE, protect_name: true });
    await page.close();

    const desk = await world.signedIn('entdesk');
    await desk.goto(`${world.baseUrl}/enterprise`);
    await desk.getByTestId('enterprise-list').getByText('锡林浩特市北方化工有限公司').waitFor();
    await desk.getByTestId('kpi-acceptedCount').waitFor();
    await world.screenshot(desk, 'enterprise-desk');
    await desk.goto(`${world.baseUrl}/orders/${orderId}`);
    await expect.poll(() => desk.getByTestId('enterprise-name').innerText()).toBe('锡林浩特市北方化工有限公司');
    await desk.close();

    const unit = await world.signedIn('handler');
    await unit.goto(`${world.baseUrl}/orders/${orderId}`);
    await unit.getByTestId('enterprise-hidden').waitFor();
    expect(await unit.locator('body').innerText()).not.toContain('北方化工');
    await world.screenshot(unit, 'enterprise-unit-protected');
    await unit.close();
  });

  it('the portal takes a company’s appeal on a phone, the code checked before sending', async () => {
    const context = await world.browser.newContext(PHONE_CONTEXT);
    const page: Page = await context.newPage();
    page.on('pageerror', (err) => world.consoleErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-submit').click();
    await page.getByRole('radio', { name: '求助', exact: true }).check();
    await page.getByTestId('portal-title').fill('企业开办手续咨询');
    await page.getByTestId('portal-content').fill('想了解开办食品加工企业需要办理哪些许可，在哪里办理。');
    await page.getByTestId('portal-name').fill('孙丽');
    await page.getByTestId('portal-phone').fill('13847955555');
    await page.getByTestId('portal-company').check();
    await page.getByTestId('portal-company-name').fill('锡林浩特市草原味道食品有限公司');
    await page.getByTestId('portal-credit-code').fill('91350100M000100Y4');
    await page.getByTestId('portal-protect-company').check();
    await page.getByTestId('portal-submit').click();
    await page.getByText('统一社会信用代码应为 18 位').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await world.screenshot(page, 'portal-enterprise-phone');
    await page.getByTestId('portal-credit-code').fill(GOOD_CODE);
    await page.getByTestId('portal-submit').click();
    const orderNo = (await page.getByTestId('portal-order-no').innerText()).trim();
    const order = await db().selectFrom('orders').select('id').where('order_no', '=', orderNo).executeTakeFirstOrThrow();
    const row = await db().selectFrom('order_enterprises').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ company_name: '锡林浩特市草原味道食品有限公司', credit_code: GOOD_CODE, protect_name: true });
    await context.close();
    expect(world.consoleErrors).toEqual([]);
  });
});

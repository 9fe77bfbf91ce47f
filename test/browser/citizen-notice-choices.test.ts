import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_CALLER_PHONE } from '../../src/demo/demo-desk.data.js';
import { DEMO_OPTED_OUT_PHONE } from '../../src/demo/demo-citizen-notices.service.js';
import { PHONE, PHONE_CONTEXT, startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * Issue 16, what the citizen chose about notices: the operator records SMS consent and an e-mail at
 * intake; the citizen switches SMS off on 我的诉求 (390×844); the dashboard groups KPIs by channel and
 * by the number dialled.
 */
describe.skipIf(!hasChromium)('citizen notice choices', () => {
  const logLines: string[] = [];
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld({ env: { LIANXIN_DEV_LOG_OTP: '1' }, logLines });
  });
  afterAll(async () => {
    await world?.close();
  });

  const db = () => world.runtime.deps.db;
  const checked = (page: Page, testId: string) => page.getByTestId(testId).isChecked();

  it('intake records 同意短信通知 (following 要求保密 until touched) and the e-mail with the order', async () => {
    const page = await world.newPage();
    await world.login(page, 'operator');
    await page.getByTestId('intake-phone').fill('13704719876');
    await page.getByTestId('intake-title').fill('咨询公积金提取');
    await page.getByTestId('intake-content').fill('来电咨询租房提取住房公积金需要的材料，希望材料清单发到邮箱。');
    expect(await checked(page, 'intake-sms-consent')).toBe(true);
    await page.getByText('要求保密').click();
    await expect.poll(() => checked(page, 'intake-sms-consent')).toBe(false); // a confidential caller: not by default
    await page.getByText('要求保密').click();
    await expect.poll(() => checked(page, 'intake-sms-consent')).toBe(true);
    await page.getByTestId('intake-sms-consent').click(); // the caller declines SMS
    await page.getByTestId('intake-email').fill('not-an-address');
    await page.getByTestId('intake-email').blur();
    await page.getByText('请输入正确的邮箱地址').waitFor();
    await page.getByTestId('intake-email').fill('Li.Citizen@Example.org');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('已告知提取所需材料，并发送清单到来电人邮箱。');
    await page.getByTestId('intake-contact').scrollIntoViewIfNeeded();
    await world.screenshot(page, 'intake-citizen-contact');
    await page.keyboard.press('Control+Enter');
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并直接办结' }).waitFor();
    const contact = await db()
      .selectFrom('citizen_contacts as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .select(['c.sms_consent', 'c.email'])
      .where('o.title', '=', '咨询公积金提取')
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ sms_consent: false, email: 'li.citizen@example.org' });
    // The next intake starts from the default again.
    expect(await checked(page, 'intake-sms-consent')).toBe(true);
    expect(await page.getByTestId('intake-email').inputValue()).toBe('');
    await page.close();
  });

  async function myAppeals(phone: string) {
    const context = await world.browser.newContext(PHONE_CONTEXT);
    const page = await context.newPage();
    page.on('pageerror', (err) => world.consoleErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-mine').click();
    await page.getByTestId('portal-my-phone').fill(phone);
    const before = logLines.length;
    await page.getByTestId('portal-my-send').click();
    await expect.poll(() => page.getByTestId('portal-my-sent').isVisible()).toBe(true);
    await expect.poll(() => logLines.slice(before).some((l) => l.includes('LIANXIN_DEV_LOG_OTP'))).toBe(true);
    const line = logLines.slice(before).find((l) => l.includes('LIANXIN_DEV_LOG_OTP'))!;
    await page.getByTestId('portal-my-code').fill((JSON.parse(line) as { devOtp: string }).devOtp);
    await page.getByTestId('portal-my-verify').click();
    await page.getByTestId('portal-sms-optout').waitFor();
    return page;
  }

  it('the citizen switches SMS notices off on 我的诉求 with the phone just proved, on a phone', async () => {
    const page = await myAppeals(DEMO_PORTAL_CALLER_PHONE);
    expect(await checked(page, 'portal-sms-optout-switch')).toBe(false);
    await page.getByTestId('portal-sms-optout-switch').click();
    await expect.poll(() => page.getByTestId('portal-sms-optout-done').innerText()).toBe('已退订短信通知');
    expect(await checked(page, 'portal-sms-optout-switch')).toBe(true);
    const row = await db()
      .selectFrom('citizen_opt_outs')
      .select('source')
      .where('recipient', '=', DEMO_PORTAL_CALLER_PHONE)
      .executeTakeFirst();
    expect(row).toEqual({ source: 'portal' });
    await page.getByTestId('portal-sms-optout').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/portal/portal-sms-optout-phone.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // On again: the switch says so and the opt-out is gone.
    await page.getByTestId('portal-sms-optout-switch').click();
    await expect.poll(() => page.getByTestId('portal-sms-optout-done').innerText()).toBe('已恢复短信通知');
    await expect
      .poll(
        async () =>
          (await db().selectFrom('citizen_opt_outs').select('source').where('recipient', '=', DEMO_PORTAL_CALLER_PHONE).execute())
            .length,
      )
      .toBe(0);
    await page.context().close();
  });

  it('shows a phone the demo opted out with the switch on', async () => {
    const page = await myAppeals(DEMO_OPTED_OUT_PHONE);
    expect(await checked(page, 'portal-sms-optout-switch')).toBe(true);
    await page.context().close();
  });

  it('the dashboard groups the KPIs by channel and by the number dialled', async () => {
    const page = await world.newPage();
    await world.login(page, 'analyst');
    await page.goto(`${world.baseUrl}/dashboard`);
    const card = page.getByTestId('kpi-by-dimension');
    await card.locator('.ant-table-row').first().waitFor();
    expect(await card.locator('thead').innerText()).toContain('受理渠道');
    expect(await card.locator('tbody').innerText()).toContain('电话');
    await card.getByText('按拨打号码').click();
    await expect.poll(() => card.locator('thead').innerText()).toContain('来电量');
    await expect.poll(() => card.locator('tbody').innerText()).toContain('12345（主号）');
    expect(await card.locator('tbody').innerText()).not.toMatch(/^none/m);
    expect(await card.locator('thead').innerText()).toContain('接通率');
    await card.scrollIntoViewIfNeeded();
    await world.screenshot(page, 'dashboard-by-line');
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});

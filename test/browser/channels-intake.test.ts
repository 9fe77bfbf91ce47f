import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { recordCallEvent } from '../../src/calls/call.service.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
const openDropdowns = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible').count();

/**
 * Channels at intake (issue 16): the operator records a window appeal with its window and a call on an
 * original line (双号并行) by keyboard; a call the CTI reports on an original line brings its number.
 */
describe.skipIf(!hasChromium)('intake channels: window and original line', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function operatorPage() {
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await world.login(page, 'operator');
    await page.getByTestId('intake-phone').waitFor();
    return page;
  }

  /** Picker step: type, Enter on the first match; the list closes and the focus moves on to `next`. */
  async function choose(page: Page, text: string, next: string) {
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe(next);
    await expect.poll(() => openDropdowns(page)).toBe(0);
  }

  /** The saved order (the 最近受理 link) as the API shows it. */
  async function savedOrder(page: Page) {
    const href = (await page.getByTestId('intake-last').locator('a').getAttribute('href'))!;
    const id = href.split('/').pop()!;
    return { id, detail: await page.evaluate(async (x) => (await fetch(`/api/orders/${x}`)).json(), id) };
  }

  it('a window appeal: 窗口 → the window → the caller, by keyboard; the order names its window', async () => {
    const page = await operatorPage();
    expect(await page.getByTestId('intake-line').textContent()).toContain('12345');
    await page.getByTestId('intake-channel').locator('input').focus();
    await choose(page, '窗口', 'intake-window');
    await choose(page, '锡林浩特市「办不成事」', 'intake-phone');
    await page.keyboard.type('13704711234');
    await page.keyboard.press('Enter');
    await page.keyboard.type('张女士');
    await page.getByTestId('intake-title').fill('营业执照变更跑了两次没办成');
    await page
      .getByTestId('intake-content')
      .fill('在政务服务中心办理营业执照变更，两次都被告知材料不全，但没有一次性告知缺什么。');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('已联系市场监管窗口，一次性告知所需材料并预约办理。');
    await world.screenshot(page, 'intake-channel-window');
    await page.keyboard.press('Control+Enter');
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并直接办结' }).waitFor();
    const { id, detail } = await savedOrder(page);
    expect(detail.order).toMatchObject({ channel: 'window', sourceNumber: null });
    expect(detail.order.windowId).toEqual(expect.any(String));
    // After saving, the next appeal starts as a call on 12345 again.
    await expect.poll(() => page.getByTestId('intake-line').textContent()).toContain('12345');
    await page.goto(`${world.baseUrl}/orders/${id}`);
    await expect.poll(() => page.getByTestId('order-channel').textContent()).toBe('窗口（锡林浩特市「办不成事」反映窗口）');
    await page.close();
  });

  it('a call on an original line: the number dialled is chosen by keyboard and recorded', async () => {
    const page = await operatorPage();
    await page.getByTestId('intake-line').locator('input').focus();
    await choose(page, '12315', 'intake-phone');
    await page.keyboard.type('13704712345');
    await page.getByTestId('intake-title').fill('超市销售过期食品');
    await page.getByTestId('intake-content').fill('在锡林浩特市某超市购买的酸奶已过保质期三天。');
    await page.keyboard.press('Alt+4');
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '告知法定途径' }).first().click();
    await page.getByTestId('intake-explanation').fill('已告知向市场监管部门依法投诉，来电人接受。');
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理为无效件' }).waitFor();
    const { detail } = await savedOrder(page);
    expect(detail.order).toMatchObject({ channel: 'phone', sourceNumber: '12315', windowId: null });
    await page.close();
  });

  it('a call the CTI reports on an original line pops the intake with that number', async () => {
    await world.runtime.deps.db
      .updateTable('calls')
      .set({ status: 'ended', ended_at: new Date() })
      .where('status', 'in', ['offered', 'answered'])
      .execute();
    const page = await operatorPage();
    await page.goto(`${world.baseUrl}/knowledge`);
    await page.locator('[data-testid="live-status"][data-live="on"]').waitFor();
    const centre = await world.runtime.deps.db.selectFrom('centres').select('id').executeTakeFirstOrThrow();
    const call = await recordCallEvent(
      world.runtime.deps,
      { centreId: centre.id, actor: null },
      {
        callId: `line-pop-${Date.now()}`,
        event: 'answered',
        at: new Date().toISOString(),
        waitSeconds: 6,
        callerNumber: '13704719876',
        hotlineNumber: '12333',
        operator: 'operator',
      },
    );
    await page.waitForURL((url) => url.searchParams.get('call') === String(call.id), { timeout: 15_000 });
    await page.getByTestId('call-banner').waitFor();
    await expect.poll(() => page.getByTestId('intake-phone').inputValue(), { timeout: 15_000 }).toBe('13704719876');
    await expect.poll(() => page.getByTestId('intake-line').textContent(), { timeout: 15_000 }).toContain('12333');
    await page.getByTestId('intake-title').fill('咨询失业保险金申领');
    await page.getByTestId('intake-content').fill('来电咨询失业保险金申领条件和材料。');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('已告知可通过线上平台申领，需身份证和解除劳动合同证明。');
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并直接办结' }).waitFor();
    const { detail } = await savedOrder(page);
    expect(detail.order).toMatchObject({ channel: 'phone', sourceNumber: '12333' });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});

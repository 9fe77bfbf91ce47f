import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { recordCallEvent } from '../../src/calls/call.service.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const HEATING_CALLER = '13704718888';
const POP_CALLER = '13704717777';
const LEAD = '锡林浩特市热力公司';
const ASSIST = '锡林浩特市住房和城乡建设局';

/** Drives the page by keyboard only and counts what it took: every character and key is one key. */
class Keyboard {
  keys = 0;
  arrowDowns = 0;
  tabs = 0;
  constructor(private readonly page: Page) {}
  async type(text: string) {
    this.keys += [...text].length;
    await this.page.keyboard.type(text);
  }
  async press(key: string) {
    this.keys += 1;
    if (key === 'ArrowDown') this.arrowDowns += 1;
    if (key === 'Tab') this.tabs += 1;
    await this.page.keyboard.press(key);
  }
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
const openDropdowns = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible').count();

/** The submit button lies wholly inside the window (no scrolling needed to reach it). */
async function submitInView(page: Page) {
  const box = await page.getByTestId('intake-submit').boundingBox();
  const size = page.viewportSize()!;
  return Boolean(box && box.y >= 0 && box.y + box.height <= size.height);
}

/**
 * The operator's desk as a keyboard user meets it (issue 13): a heating call with a lead and an
 * assisting unit typed end to end without the mouse; pickers choose on Enter, close and move on; the
 * submit bar stays in sight; the success message names what happened.
 */
describe.skipIf(!hasChromium)('intake desk by keyboard', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function operatorAt(width: number, height: number) {
    const page = await world.newPage();
    await page.setViewportSize({ width, height });
    await world.login(page, 'operator');
    await page.getByTestId('intake-phone').waitFor();
    return page;
  }

  /** Picker step: type, Enter; the list must be closed and focus on `next`. */
  async function choose(page: Page, kb: Keyboard, text: string, next: string) {
    await kb.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().waitFor();
    await kb.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe(next);
    await expect.poll(() => openDropdowns(page)).toBe(0);
  }

  it('a heating call with lead + assisting unit reaches a dispatched order by keyboard alone', async () => {
    const page = await operatorAt(1280, 720);
    const kb = new Keyboard(page);
    const started = Date.now();
    await kb.type(HEATING_CALLER);
    await kb.press('Enter');
    await kb.type('王女士');
    await kb.press('Enter'); // → 要求保密
    await kb.press('Enter'); // → 诉求类型 (one stop)
    await kb.press('Enter'); // → 分类
    expect(await focusedTestId(page)).toBe('intake-category');
    await choose(page, kb, '供热', 'intake-priority');
    // The chosen picker stays shut: Enter on the next stop moves on, Escape closes nothing left open.
    await kb.press('Enter'); // → 区域
    await expect.poll(() => openDropdowns(page)).toBe(0);
    await choose(page, kb, '锡林浩特市', 'intake-address');
    await kb.type('锡林浩特市宝力根街道阳光小区5号楼');
    await kb.press('Enter');
    await kb.type('暖气不热');
    await kb.press('Enter');
    await kb.type('5号楼室温只有12度，家有老人，请热力公司尽快处理。');
    await kb.press('Tab'); // the text area keeps Enter for new lines → 处理方式
    await kb.press('Enter'); // → 主办单位
    expect(await focusedTestId(page)).toBe('intake-lead-unit');
    await choose(page, kb, LEAD, 'intake-assist-units');
    // Several assisting units may be chosen: Enter adds the match, Enter on an empty search moves on.
    await kb.type(ASSIST);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().waitFor();
    await kb.press('Enter');
    await kb.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('intake-instructions');
    await expect.poll(() => openDropdowns(page)).toBe(0);
    // Escape closes a list opened by typing.
    await page.getByTestId('intake-region').locator('input').focus();
    await page.keyboard.type('二连');
    await expect.poll(() => openDropdowns(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => openDropdowns(page)).toBe(0);
    await page.getByTestId('intake-instructions').focus();

    expect(await page.getByTestId('intake-submit').textContent()).toContain('受理并派单');
    expect(await submitInView(page)).toBe(true);
    await kb.press('Control+Enter');
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并派单' }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    await world.screenshot(page, 'intake-desk-dispatched');
    const href = (await page.getByTestId('intake-last').locator('a').getAttribute('href'))!;
    const detail = await page.evaluate(async (id) => (await fetch(`/api/orders/${id}`)).json(), href.split('/').pop()!);
    expect(detail.order.state).toBe('dispatched');
    console.log(`intake by keyboard: ${kb.keys} keys, ${kb.arrowDowns} ArrowDown, ${kb.tabs} Tab, ${seconds.toFixed(1)} s`);
    expect(kb.arrowDowns).toBe(0);
    expect(kb.tabs).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('the submit bar is in sight at 1280×720 and 1920×1080 and names the outcome', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      const page = await operatorAt(width, height);
      expect(await submitInView(page)).toBe(true);
      await page.getByTestId('intake-content').focus();
      expect(await submitInView(page)).toBe(true);
      await page.keyboard.press('Alt+2');
      expect(await page.getByTestId('intake-submit').textContent()).toContain('受理并直接办结');
      await page.keyboard.press('Alt+4');
      expect(await page.getByTestId('intake-submit').textContent()).toContain('受理为无效件');
      await world.screenshot(page, `intake-desk-${width}`);
      await page.close();
    }
  });

  it('tab skips the pickers’ clear buttons', async () => {
    const page = await operatorAt(1280, 720);
    await page.getByTestId('intake-category').locator('input').focus();
    await page.keyboard.type('供热');
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-category').locator('input').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).not.toContain('clear');
    expect(await focusedTestId(page)).toBe('intake-priority');
    await page.close();
  });

  it('the success message names the outcome: answered directly, invalid, merged', async () => {
    const page = await operatorAt(1280, 720);
    const common = async (title: string, phone = '13704719999') => {
      await page.getByTestId('intake-phone').fill(phone);
      await page.getByTestId('intake-title').fill(title);
      await page.getByTestId('intake-content').fill(`${title}，请处理。`);
    };
    await common('咨询供暖时间');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('供暖期为每年10月15日至次年4月15日。');
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并直接办结' }).waitFor();
    expect(await page.getByTestId('intake-last').textContent()).toContain('已受理并直接办结');

    await common('打错电话');
    await page.keyboard.press('Alt+4');
    await page.getByTestId('intake-outcome').waitFor();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '不予受理' }).first().click();
    await page.getByTestId('intake-explanation').fill('来电人拨错号码。');
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理为无效件' }).waitFor();

    // The heating caller of the first journey calls again: their open order is offered to merge into.
    await common('暖气不热，再次来电', HEATING_CALLER);
    await page.getByTestId('caller-history').getByRole('button').first().waitFor();
    await page.getByTestId('caller-history').getByRole('button').first().click();
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并并入重复件' }).waitFor();
    await page.close();
  });

  it('a call answered by the operator pops their intake with the number, history and the caller filled in', async () => {
    const page = await operatorAt(1280, 720);
    await page.goto(`${world.baseUrl}/knowledge`);
    // A caller who rang before, with a name and an address on record.
    const earlier = await page.evaluate(async (caller) => {
      const res = await fetch('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'phone',
          appealType: 'complaint',
          priority: 3,
          title: '楼道灯不亮',
          content: '3号楼楼道灯坏了一周。',
          callerName: '李先生',
          callerPhone: caller,
          address: '锡林浩特市阳光小区3号楼',
        }),
      });
      return res.status;
    }, POP_CALLER);
    expect(earlier).toBe(201);
    // The telephone system (here: the operator's own session, which the API accepts) reports the call.
    const reported = await page.evaluate(async (caller) => {
      const res = await fetch('/api/calls', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          callId: `browser-pop-${Date.now()}`,
          event: 'answered',
          at: new Date().toISOString(),
          waitSeconds: 4,
          callerNumber: caller,
          recordingUrl: 'https://cti.example.org/rec/browser-pop.wav',
        }),
      });
      return (await res.json()) as { id: number };
    }, POP_CALLER);
    await page.waitForURL((url) => url.pathname === '/intake' && url.searchParams.get('call') === String(reported.id), {
      timeout: 15_000,
    });
    await page.getByTestId('call-banner').waitFor();
    expect(await page.getByTestId('call-number').textContent()).toBe(POP_CALLER);
    await expect.poll(() => page.getByTestId('intake-phone').inputValue()).toBe(POP_CALLER);
    // A repeat caller: their name and address come back, their orders are listed.
    expect(await page.getByTestId('intake-name').inputValue()).toBe('李先生');
    expect(await page.getByTestId('intake-address').inputValue()).toBe('锡林浩特市阳光小区3号楼');
    await page.getByTestId('caller-history').getByText('楼道灯不亮').first().waitFor();
    const timer = await page.getByTestId('call-timer').textContent();
    await expect.poll(() => page.getByTestId('call-timer').textContent(), { timeout: 5000 }).not.toBe(timer);
    await world.screenshot(page, 'intake-screen-pop');

    await page.getByTestId('intake-title').fill('询问维修进度');
    await page.getByTestId('intake-content').fill('来电询问暖气维修进度。');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('已告知热力公司24小时内上门。');
    await page.getByTestId('intake-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已受理并直接办结' }).waitFor();
    await page.waitForURL((url) => !url.searchParams.has('call'));
    const href = (await page.getByTestId('intake-last').locator('a').getAttribute('href'))!;
    const calls = await page.evaluate(async (id) => (await fetch(`/api/orders/${id}/calls`)).json(), href.split('/').pop()!);
    expect(calls.items).toEqual([
      expect.objectContaining({ id: reported.id, recordingUrl: 'https://cti.example.org/rec/browser-pop.wav' }),
    ]);
    await page.close();
  });

  /** The CTI (server side, as POST /api/calls with the CTI token) offers a call to the demo operator. */
  async function offerCall(caller: string) {
    const centre = await world.runtime.deps.db.selectFrom('centres').select('id').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const call = await recordCallEvent(
      world.runtime.deps,
      { centreId: centre.id, actor: null },
      { callId: `live-pop-${Date.now()}`, event: 'offered', at, callerNumber: caller, operator: 'operator' },
    );
    return Number(call.id);
  }
  /** Earlier journeys' calls are over (a current call would pop on the next page load). */
  const endOpenCalls = () =>
    world.runtime.deps.db
      .updateTable('calls')
      .set({ status: 'ended', ended_at: new Date() })
      .where('status', 'in', ['offered', 'answered'])
      .execute();

  it('a ringing call reaches the operator on the live stream (no polling), and by polling when the stream is down', async () => {
    await endOpenCalls();
    const page = await operatorAt(1280, 720);
    await page.goto(`${world.baseUrl}/knowledge`);
    await page.locator('[data-testid="live-status"][data-live="on"]').waitFor();
    const polls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/calls/current') polls.push(r.url());
    });
    const id = await offerCall('13704716666');
    await page.waitForURL((url) => url.pathname === '/intake' && url.searchParams.get('call') === String(id), {
      timeout: 10_000,
    });
    expect(polls).toEqual([]); // it came on the stream
    await page.getByTestId('call-banner').waitFor();
    expect(await page.getByTestId('call-number').textContent()).toBe('13704716666');
    await world.screenshot(page, 'intake-screen-pop-live');
    await page.close();

    // The stream is down (a proxy that drops it): the console falls back to asking every 3 s.
    await endOpenCalls();
    const fallback = await world.newPage();
    await fallback.setViewportSize({ width: 1280, height: 720 });
    await fallback.route('**/api/live', (route) => route.abort());
    await world.login(fallback, 'operator');
    await fallback.goto(`${world.baseUrl}/knowledge`);
    const second = await offerCall('13704715555');
    await fallback.waitForURL((url) => url.searchParams.get('call') === String(second), { timeout: 15_000 });
    expect(await fallback.getByTestId('live-status').getAttribute('data-live')).toBe('off');
    await fallback.close();
  });
});

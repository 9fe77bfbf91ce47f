import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld, DEMO_PASSWORD } from './harness.js';
import { pickFirstOption, pickTreeNode, submitAction } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

type Made = { id: string; orderNo: string; version: number; deskUnitId: string | null };

async function apiAs(world: BrowserWorld, username: string) {
  const login = await world.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')!.value}`;
  return async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const res = await world.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as T;
  };
}

/**
 * Sub-centres (ADR 0110) as the demo's `subdispatcher` (锡林浩特市12345分中心): the dispatch desk shows
 * only its desk's orders, another county's order is 404, it hands one up with a reason and dispatches
 * another; the league's dispatcher routes the handed-up order across to another sub-centre.
 */
describe.skipIf(!hasChromium)('sub-centres', () => {
  let world: BrowserWorld;
  let own: Made;
  let second: Made;
  let other: Made;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const operator = await apiAs(world, 'operator');
    const regions = await operator<{ items: { id: string; name: string }[] }>('GET', '/api/regions');
    const region = (name: string) => regions.items.find((r) => r.name === name)!.id;
    const appeal = (title: string, regionName: string) => ({
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title,
      content: `${title}，请尽快处理。`,
      callerPhone: '13700005555',
      regionId: region(regionName),
    });
    own = await operator<Made>('POST', '/api/orders', appeal('分中心测试：楼道积水', '锡林浩特市'));
    second = await operator<Made>('POST', '/api/orders', appeal('分中心测试：跨旗县道路破损', '锡林浩特市'));
    other = await operator<Made>('POST', '/api/orders', appeal('分中心测试：牧区供电', '阿巴嘎旗'));
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  const shot = (page: Page, name: string) => world.screenshot(page, `sub-centres-${name}`);

  it('the sub-centre dispatcher sees only its desk: the queue, the order page with its desk, 404 elsewhere', async () => {
    const sub = await apiAs(world, 'subdispatcher');
    const league = await apiAs(world, 'dispatcher');
    const count = async (as: typeof sub) => (await as<{ total: number }>('GET', '/api/orders?state=accepted&limit=1')).total;
    const [subTotal, leagueTotal] = [await count(sub), await count(league)];
    expect(subTotal).toBeGreaterThanOrEqual(2);
    expect(subTotal).toBeLessThan(leagueTotal);

    const page = await world.signedIn('subdispatcher');
    await page.goto(`${world.baseUrl}/dispatch`);
    const badge = page.getByTestId('dispatch-tab-toDispatch').locator('.ant-badge');
    await badge.waitFor();
    expect(Number((await badge.innerText()).replace(/\D/g, ''))).toBe(subTotal);
    await page.getByTestId('dispatch-list-toDispatch').locator('tr[data-testid^="order-row-"]').first().waitFor();
    await shot(page, 'queue');

    await page.goto(`${world.baseUrl}/orders/${own.id}`);
    await expect.poll(() => page.getByTestId('order-desk').innerText()).toBe('锡林浩特市12345分中心');
    expect(await page.getByTestId('action-route_to_desk').count()).toBe(0);
    await page.getByTestId('action-hand_up').waitFor();
    await shot(page, 'order');

    await page.goto(`${world.baseUrl}/orders/${other.id}`);
    await page.getByTestId('order-not-found').waitFor();
    await page.close();
  });

  it('hands an order up with a reason, and dispatches its own order', async () => {
    const page = await world.signedIn('subdispatcher');
    await page.goto(`${world.baseUrl}/orders/${second.id}`);
    await page.getByTestId('action-hand_up').click();
    await page.getByTestId('action-form-hand_up').waitFor();
    await page.getByTestId('action-submit').click();
    // the reason is required: the form says so under the field
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('field-reason').fill('道路跨两个旗县，请中心统筹');
    await shot(page, 'hand-up');
    await submitAction(page, 'hand_up');
    await page.getByTestId('order-not-found').waitFor();

    await page.goto(`${world.baseUrl}/orders/${own.id}`);
    await page.getByTestId('action-dispatch').click();
    // The picker offers only the desk's banner and the league-wide units (ADR 0153): 阿巴嘎旗's
    // departments are not there, the league's power company is.
    await expect.poll(() => page.getByTestId('dispatch-area-hint').innerText()).toContain('锡林浩特市的单位及全盟通办单位');
    await shot(page, 'dispatch-hint');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper');
    await page.getByTestId('field-leadUnitId').click();
    await page.keyboard.type('锡林郭勒供电');
    await options.filter({ hasText: '锡林郭勒供电公司' }).first().waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('阿巴嘎旗');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-list, .ant-select-dropdown:visible .ant-empty')
      .first()
      .waitFor();
    await expect.poll(() => options.count()).toBe(0);
    await shot(page, 'dispatch-area');
    await page.keyboard.press('Escape');
    await pickTreeNode(page, 'field-leadUnitId', '锡林浩特市住房和城乡建设局');
    await submitAction(page, 'dispatch');
    await expect.poll(() => page.getByTestId('order-actions').innerText()).not.toContain('上交中心');
    await page.close();
  });

  it('the league dispatcher sees the handed-up order and routes it across to another sub-centre', async () => {
    const page = await world.signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/orders/${second.id}`);
    await expect.poll(() => page.getByTestId('order-desk').innerText()).toBe('市级中心');
    await page.getByTestId('action-route_to_desk').click();
    await pickFirstOption(page, 'field-deskUnitId', '阿巴嘎旗');
    await shot(page, 'route');
    await submitAction(page, 'route_to_desk');
    await expect.poll(() => page.getByTestId('order-desk').innerText()).toBe('阿巴嘎旗12345分中心');
    const steps = page.locator(
      '[data-testid="timeline-event"][data-action="route_to_desk"], [data-testid="timeline-event"][data-action="hand_up"]',
    );
    await expect.poll(() => steps.count()).toBe(2);
    const text = await page.locator('[data-testid="timeline-event"][data-action="hand_up"]').innerText();
    expect(text).toContain('道路跨两个旗县，请中心统筹');
    expect(text).toContain('锡林浩特市12345分中心 → 市级中心');
    await shot(page, 'routed');
    await page.close();
    // the 404s the sub-centre was meant to get (another county's order, the order it handed up) are the only errors
    const expected = (e: string) => e.includes('status of 404') && (e.includes(other.id) || e.includes(second.id));
    expect(world.consoleErrors.filter((e) => !expected(e))).toEqual([]);
  });
});

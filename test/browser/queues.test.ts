import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld, DEMO_PASSWORD } from './harness.js';
import { pickTreeNode } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const TAG = '队列测试';

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

type Made = { id: string; orderNo: string; version: number };

/** Queues with server paging: the unit inbox (sort, saved filter, 批量签收), 批量派单, the header search. */
describe.skipIf(!hasChromium)('queues', () => {
  let world: BrowserWorld;
  let unitName = '';
  const made: Made[] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const operator = await apiAs(world, 'operator');
    const dispatcher = await apiAs(world, 'dispatcher');
    const handler = await apiAs(world, 'handler');
    const me = await handler<{ unitId: string; unitName: string }>('GET', '/api/auth/me');
    unitName = me.unitName;
    const sample = await dispatcher<{ items: { categoryId: string | null }[] }>('GET', '/api/orders?limit=50');
    const categoryId = sample.items.find((o) => o.categoryId)!.categoryId!;
    for (let i = 0; i < 25; i++) {
      made.push(
        await operator<Made>('POST', '/api/orders', {
          channel: 'phone',
          appealType: 'help',
          priority: 3,
          title: `${TAG}${String(i).padStart(2, '0')}`,
          content: `${TAG}：第 ${i} 件，请处理。`,
          callerPhone: '13700004444',
          categoryId,
        }),
      );
    }
    // 22 go to the handler's unit at once (the API's bulk dispatch); 3 wait for the browser's 批量派单.
    const result = await dispatcher<{ okCount: number }>('POST', '/api/orders/bulk', {
      action: 'dispatch',
      leadUnitId: me.unitId,
      orders: made.slice(0, 22).map((o) => ({ id: o.id, version: o.version })),
    });
    expect(result.okCount).toBe(22);
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username);
  const rowNos = async (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .locator('tr[data-testid^="order-row-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));

  it('the unit inbox pages and sorts on the server, keeps a saved filter and signs in bulk', async () => {
    const page = await signedIn('handler');
    await page.goto(`${world.baseUrl}/unit`);
    const list = 'unit-list-toSign';
    // The table carries the test id; its pager is the table's sibling.
    const pager = page.getByTestId(list).locator('xpath=..').locator('.ant-pagination');
    await pager.waitFor();
    const total = await page.getByTestId('unit-tab-toSign').locator('.ant-badge').innerText();
    expect(Number(total)).toBeGreaterThanOrEqual(22);
    const first = await rowNos(page, list);
    expect(first).toHaveLength(20);
    await pager.locator('.ant-pagination-item-2').click();
    await expect.poll(async () => (await rowNos(page, list))[0]).not.toBe(first[0]);
    await page.getByTestId(list).locator('th').filter({ hasText: '时限' }).click();
    await expect.poll(async () => (await rowNos(page, list))[0]).not.toBe(first[0]);
    await world.screenshot(page, 'queues-inbox-paged');

    await page.getByTestId(`${list}-keyword`).locator('input').fill(TAG);
    await page.getByTestId(`${list}-keyword`).locator('input').press('Enter');
    await expect.poll(async () => (await rowNos(page, list)).length).toBe(20);
    await page.getByTestId(`${list}-save-filter`).click();
    await page.getByTestId(`${list}-filter-name`).fill('我的测试件');
    await page.getByTestId(`${list}-filter-name`).press('Enter');
    await page.getByText('筛选已保存').waitFor();
    await page.reload();
    await page.getByTestId(`${list}-saved`).click();
    await page.getByTestId(`${list}-saved-我的测试件`).click();
    await expect
      .poll(async () => page.getByTestId(list).locator('tr[data-testid^="order-row-"]').first().innerText())
      .toContain(TAG);

    // Two of the rows the filter shows (their order among equal deadlines is the ids').
    const toSign = (await rowNos(page, list)).slice(0, 2).map((id) => id!.replace('order-row-', ''));
    for (const no of toSign) {
      await page.getByTestId(list).locator(`tr[data-testid="order-row-${no}"] .ant-checkbox-input`).check();
    }
    await page.getByTestId('bulk-sign').click();
    await page.getByText('成功 2 件，未执行 0 件').waitFor();
    await expect.poll(async () => rowNos(page, list), { timeout: 15_000 }).not.toContain(`order-row-${toSign[0]}`);
    await world.screenshot(page, 'queues-inbox-signed');
  }, 120_000);

  it('the dispatcher dispatches the selected orders of one category to one unit', async () => {
    const page = await signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/dispatch`);
    const list = 'dispatch-list-toDispatch';
    await page.getByTestId(`${list}-keyword`).locator('input').fill(TAG);
    await page.getByTestId(`${list}-keyword`).locator('input').press('Enter');
    const waiting = made.slice(22).map((o) => o.orderNo);
    await expect.poll(async () => (await rowNos(page, list)).sort()).toEqual(waiting.map((n) => `order-row-${n}`).sort());
    for (const no of waiting)
      await page.getByTestId(list).locator(`tr[data-testid="order-row-${no}"] .ant-checkbox-input`).check();
    await page.getByTestId('bulk-dispatch').click();
    await pickTreeNode(page, 'bulk-dispatch-unit', unitName);
    await world.screenshot(page, 'queues-bulk-dispatch');
    await page.getByTestId('bulk-dispatch-ok').click();
    await page.getByText('成功 3 件，未执行 0 件').waitFor();
    await expect.poll(async () => (await rowNos(page, list)).length).toBe(0);
  }, 120_000);

  it('the header search opens an order by number, lists a caller by phone, or searches words', async () => {
    const page = await signedIn('dispatcher');
    await page.getByTestId('dispatch-list-toDispatch').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type(made[5]!.orderNo);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/orders/${made[5]!.id}`);
    await page.keyboard.press('/');
    await page.keyboard.type('13700004444');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/orders?phone=13700004444');
    await expect
      .poll(async () => page.getByTestId('order-list').locator('tr[data-testid^="order-row-"]').count(), { timeout: 15_000 })
      .toBe(made.length);
    await world.screenshot(page, 'queues-header-phone');

    const handler = await signedIn('handler');
    await handler.getByTestId('header-search').locator('input').fill('13700004444');
    await handler.getByTestId('header-search').locator('input').press('Enter');
    await handler.waitForURL('**/orders?q=13700004444');
    expect(world.consoleErrors.filter((e) => !e.includes('403'))).toEqual([]);
  }, 120_000);
});

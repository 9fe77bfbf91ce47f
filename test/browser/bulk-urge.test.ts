import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserWorld, type BrowserWorld, DEMO_PASSWORD } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const PHONE = '13700005555';
const NOTE = '请于今日内答复来电人（批量催办测试）';

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

/** 批量催办 on 工单查询: a supervisor reminds the selected orders with one note; a stale one is refused. */
describe.skipIf(!hasChromium)('bulk urge', () => {
  let world: BrowserWorld;
  const made: Made[] = [];
  let unitId = '';

  beforeAll(async () => {
    world = await startBrowserWorld();
    const operator = await apiAs(world, 'operator');
    unitId = (await (await apiAs(world, 'handler'))<{ unitId: string }>('GET', '/api/auth/me')).unitId;
    const sample = await operator<{ items: { categoryId: string | null }[] }>('GET', '/api/orders?limit=50');
    const categoryId = sample.items.find((o) => o.categoryId)!.categoryId!;
    for (let i = 0; i < 3; i++) {
      made.push(
        await operator<Made>('POST', '/api/orders', {
          channel: 'phone',
          appealType: 'help',
          priority: 3,
          title: `催办测试${i}`,
          content: `催办测试：第 ${i} 件。`,
          callerPhone: PHONE,
          categoryId,
        }),
      );
    }
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  it('a supervisor selects orders in 工单查询 and urges them with a note, which is required', async () => {
    const page = await world.newPage();
    await world.login(page, 'supervisor');
    await page.goto(`${world.baseUrl}/orders?phone=${PHONE}`);
    const list = page.getByTestId('order-list');
    await expect.poll(async () => list.locator('tr[data-testid^="order-row-"]').count(), { timeout: 15_000 }).toBe(3);
    // The list is the `orders` queue: the toolbar of saved filters and columns sits above it.
    await page.getByTestId('order-list-save-filter').waitFor();
    for (const o of made) await list.locator(`tr[data-testid="order-row-${o.orderNo}"] .ant-checkbox-input`).check();
    // The third changes after the page showed it: its 催办 is refused, the others go on.
    const dispatcher = await apiAs(world, 'dispatcher');
    await dispatcher('POST', `/api/orders/${made[2]!.id}/actions/dispatch`, { version: made[2]!.version, leadUnitId: unitId });

    await page.getByTestId('bulk-urge').click();
    await page.getByTestId('bulk-urge-ok').click();
    await page.getByTestId('bulk-urge-note-error').waitFor();
    expect(await page.getByTestId('bulk-urge-note-error').innerText()).toBe('请填写催办内容');
    await page.waitForTimeout(400); // the help text fades in
    await page.screenshot({ path: '/tmp/bulk-urge-note-required.png' });
    await page.getByTestId('bulk-urge-note').fill(NOTE);
    await world.screenshot(page, 'bulk-urge-dialog');
    await page.getByTestId('bulk-urge-ok').click();
    await page.getByText('成功 2 件，未执行 1 件').waitFor();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(made[2]!.orderNo);
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/bulk-urge-result.png' });

    for (const o of made.slice(0, 2)) {
      await page.goto(`${world.baseUrl}/orders/${o.id}`);
      const urge = page.getByTestId('timeline-event').and(page.locator('[data-action="urge"]'));
      await urge.first().waitFor();
      expect(await urge.first().innerText()).toContain(NOTE);
    }
    await page.screenshot({ path: '/tmp/bulk-urge-timeline.png' });
    expect(world.consoleErrors).toEqual([]);
  }, 120_000);
});

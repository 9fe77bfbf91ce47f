import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/desk13-shots/${name}.png`, fullPage: true });

/** How far the page, and each scrolling table body, reach past their box sideways. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map((el) => el.scrollWidth - el.clientWidth),
  }));

/** Issue 13's remaining desk gaps in Chromium: 工单查询 at 1280×720, the demo's data, figures, portal. */
describe.skipIf(!hasChromium)('desk gaps', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('工单查询 fits 1280×720 without sideways scrolling; long titles end in … with the whole title on hover', async () => {
    const operator = await world.signedIn('operator');
    const long = '浏览器测试：锡林浩特市额尔敦路与团结大街交叉口东北角的人行道护栏被车辆撞坏多日无人修复存在安全隐患';
    const created = await operator.evaluate(async (title) => {
      const res = await fetch('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'phone', appealType: 'complaint', priority: 3, title, content: '护栏被撞坏。' }),
      });
      return (await res.json()) as { orderNo: string };
    }, long);
    await operator.close();
    const page = await world.signedIn('supervisor', { width: 1280, height: 720 });
    await page.goto(`${world.baseUrl}/orders`);
    const list = page.getByTestId('order-list');
    const row = list.getByTestId(`order-row-${created.orderNo}`);
    await row.waitFor();
    await shot(page, 'orders-1280');
    const overflow = await sidewaysOverflow(page);
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(
      overflow.tables.every((o) => o <= 0),
      JSON.stringify(overflow),
    ).toBe(true);
    // The long title is cut with … in its cell and whole in the tooltip.
    const cell = row.locator('td', { hasText: '浏览器测试' });
    const [scroll, client] = await cell.evaluate((td) => [td.scrollWidth, td.clientWidth]);
    expect(scroll).toBeGreaterThan(client!);
    expect(await cell.evaluate((td) => getComputedStyle(td).textOverflow)).toBe('ellipsis');
    await cell.locator('span', { hasText: '浏览器测试' }).last().hover();
    await page.locator('.ant-tooltip-inner', { hasText: long }).waitFor();
    await shot(page, 'orders-1280-tooltip');
    await page.close();
  });

  it("the demo's orders carry street addresses, and the leader's desk has the demo's 盯办 row marked 已超期", async () => {
    const page = await world.signedIn('leader', { width: 1280, height: 720 });
    const followed = page.getByTestId('leader-followed');
    await followed.locator('.ant-table-row').first().waitFor();
    expect(await followed.locator('.ant-table-row').first().textContent()).toContain('已超期');
    await shot(page, 'leader-desk');
    await followed.locator('.ant-table-row a').first().click();
    await page.getByTestId('order-no').waitFor();
    await shot(page, 'leader-followed-order');
    await page.close();
  });

  it('数据看板 and the printable monthly report', async () => {
    const page = await world.signedIn('supervisor', { width: 1280, height: 720 });
    await page.goto(`${world.baseUrl}/dashboard`);
    await page.getByTestId('kpi-units').locator('canvas').waitFor();
    await page.waitForTimeout(1500);
    await shot(page, 'dashboard');
    const month = new Date().toISOString().slice(0, 7);
    await page.goto(`${world.baseUrl}/api/reports/monthly.html?month=${month}`);
    await shot(page, 'report-html');
    fs.writeFileSync('/tmp/desk13-shots/report.html', await page.content());
    await page.close();
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { textPixelsAtTop } from './console-helpers.js';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** Hot issues, monthly assessment and reports screens on the demo hotline (issue 6). */
describe.skipIf(!hasChromium)('analytics pages', () => {
  let world: BrowserWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startBrowserWorld();
    page = await world.newPage();
    await world.login(page, 'analyst');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('shows the hot issues of the last 30 days with their orders', async () => {
    await page.goto(`${world.baseUrl}/hot`);
    await page.getByTestId('HotIssuesPage').waitFor();
    await page.getByText(/共分析 \d+ 件诉求/).waitFor();
    const rows = page.locator('[data-testid="HotIssuesPage"] .ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    await world.screenshot(page, 'analytics-hot-issues');
  });

  it('shows the live ranking of the month with its weights and the freeze button', async () => {
    await page.goto(`${world.baseUrl}/assessment`);
    await page.getByTestId('assessment-status').waitFor();
    expect(await page.getByTestId('assessment-status').textContent()).toContain('未冻结');
    // The page opens on last month, the one the button freezes (the server freezes the month picked).
    const lastMonth = new Date();
    lastMonth.setDate(1);
    lastMonth.setMonth(lastMonth.getMonth() - 1);
    expect(await page.getByTestId('assessment-freeze').textContent()).toBe(
      `冻结 ${lastMonth.getFullYear()}年${lastMonth.getMonth() + 1}月 考核`,
    );
    await page.getByText('响应率 30 · 解决率 35 · 满意率 35').waitFor();
    // No month frozen yet: the history says so instead of drawing empty axes.
    await page.getByTestId('assessment-history-none').getByText('还没有冻结过任何月份的考核', { exact: false }).waitFor();
    await world.screenshot(page, 'analytics-assessment');
  });

  it('offers the monthly report as .xlsx and as a printable page, and the CSV export', async () => {
    await page.goto(`${world.baseUrl}/reports`);
    const xlsx = await page.getByTestId('report-xlsx').getAttribute('href');
    expect(xlsx).toMatch(/^\/api\/reports\/monthly\.xlsx\?month=\d{4}-\d{2}$/);
    const file = await page.request.get(`${world.baseUrl}${xlsx}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    const print = await page.getByTestId('report-print').getAttribute('href');
    const html = await page.request.get(`${world.baseUrl}${print}`);
    expect(await html.text()).toContain('@media print');
    const csv = await page.request.get(`${world.baseUrl}${await page.getByTestId('orders-csv').getAttribute('href')}`);
    expect((await csv.text()).startsWith('\uFEFF工单编号')).toBe(true);
    await world.screenshot(page, 'analytics-reports');
  });

  it('the printable report prints: its 打印 button runs under the Content-Security-Policy and its styles apply', async () => {
    await page.goto(`${world.baseUrl}/reports`);
    const print = await page.getByTestId('report-print').getAttribute('href');
    const sheet = await world.newPage();
    await sheet.context().addCookies(await page.context().cookies());
    await sheet.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const refused: string[] = [];
    sheet.on('console', (msg) => void (/Content Security Policy/i.test(msg.text()) && refused.push(msg.text())));
    await sheet.goto(`${world.baseUrl}${print}`);
    await sheet.getByRole('button', { name: '打印 / Print' }).click();
    await expect.poll(() => sheet.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // The print stylesheet is inline too: a section heading keeps its blue bar.
    expect(
      await sheet
        .locator('h2')
        .first()
        .evaluate((h) => getComputedStyle(h).borderLeftWidth),
    ).toBe('4px');
    expect(refused).toEqual([]);
    await sheet.close();
  });

  it('数据看板: the trend legend names its series in the light theme (not three blank swatches)', async () => {
    await page.goto(`${world.baseUrl}/dashboard`);
    const trend = page.getByTestId('kpi-trend');
    await trend.locator('canvas').waitFor();
    await expect.poll(() => textPixelsAtTop(trend, 30)).toBeGreaterThan(100);
    await world.screenshot(page, 'analytics-dashboard');
  });

  it('no console errors', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const RED = 'rgb(207, 19, 34)';
const GREEN = 'rgb(63, 134, 0)';
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/figures-${name}.png`, fullPage: true });

/** Issue 13, "Colours say the opposite" and "Figures pages", at 1280×720 on the demo hotline. */
describe.skipIf(!hasChromium)('figures pages', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username, { width: 1280, height: 720 });

  it('数据看板 colours a change by what it means: a rise of 重办率/回退率/重复来电率 red, a fall of 办理时长 green', async () => {
    const page = await signedIn('analyst');
    await page.goto(`${world.baseUrl}/dashboard`);
    await page.getByTestId('kpi-change-rehandleRate').waitFor();
    const expected = {
      rehandleRate: 'lower',
      returnRate: 'lower',
      repeatCallRate: 'lower',
      avgHandlingHours: 'lower',
      satisfactionRate: 'higher',
    };
    for (const [key, better] of Object.entries(expected)) {
      const change = page.getByTestId(`kpi-change-${key}`);
      const text = (await change.textContent()) ?? '';
      const value = Number((/([+-]?\d[\d.,]*)/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
      const tone = value === 0 ? 'neutral' : value > 0 === (better === 'higher') ? 'good' : 'bad';
      expect(await change.getAttribute('data-tone'), `${key}: ${text}`).toBe(tone);
      if (tone !== 'neutral') {
        expect(await change.evaluate((el) => getComputedStyle(el).color)).toBe(tone === 'good' ? GREEN : RED);
      }
    }
    // The pie names its categories in a legend, nothing drawn cut off around the ring.
    await page.getByTestId('kpi-category').locator('canvas').waitFor();
    await shot(page, 'dashboard');
  });

  it("a unit admin's dashboard leaves out the centre-only KPIs (接通率, 直办率 …)", async () => {
    const page = await signedIn('unitadmin');
    await page.goto(`${world.baseUrl}/dashboard`);
    await page.getByTestId('kpi-responseRate').waitFor();
    for (const key of ['answerRate', 'answer15sRate', 'directRate', 'repeatCallRate']) {
      expect(await page.getByTestId(`kpi-${key}`).count(), key).toBe(0);
    }
    await shot(page, 'dashboard-unit');
  });

  it('the wall fits 1280×720 without scrolling', async () => {
    const page = await signedIn('leader');
    await page.goto(`${world.baseUrl}/wall`);
    const wall = page.getByTestId('WallScreenPage');
    await page.getByTestId('wall-units').locator('canvas').waitFor();
    await page.getByTestId('kpi-answerRate').waitFor();
    const size = await wall.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    await page.screenshot({ path: '/tmp/figures-wall.png' });
  });

  it('月度考核: scored units ranked first, the 无数据 units folded into one line that opens', async () => {
    const page = await signedIn('analyst');
    await page.goto(`${world.baseUrl}/assessment`);
    const ranking = page.getByTestId('assessment-ranking');
    await ranking.locator('.ant-table-row').first().waitFor();
    const folded = page.getByTestId('assessment-unscored');
    await folded.getByText(/无数据单位 \d+ 个/).waitFor();
    // No 无数据 row among the ranked ones; each ranked row has a rank.
    expect(await ranking.getByText('无数据').count()).toBe(0);
    const ranks = await ranking.locator('.ant-table-row-level-0 td:first-child').allTextContents();
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.every((r) => /^\d+$/.test(r.trim()))).toBe(true);
    await shot(page, 'assessment-folded');
    await folded.getByText(/无数据单位/).click();
    expect(await folded.locator('.ant-tag').count()).toBeGreaterThan(5);
    await shot(page, 'assessment-unfolded');
  });

  it("a county department's admin sees its own row in the assessment", async () => {
    const page = await signedIn('unitadmin');
    const month = await page.request.get(`${world.baseUrl}/api/assessment/months/${lastMonth()}`);
    const rows = (await month.json()).rows as { unitName: string; parentUnitId: string | null }[];
    expect(rows.map((r) => r.unitName)).toEqual(['锡林浩特市', '锡林浩特市住房和城乡建设局']);
    await page.goto(`${world.baseUrl}/assessment`);
    await page.getByTestId('AssessmentPage').waitFor();
    await page.getByTestId('assessment-status').waitFor();
    await shot(page, 'assessment-unit');
  });

  it('工作日历 marks 调休 working days 班 and holidays 休, with a legend (not one 国庆节 tag for both)', async () => {
    const page = await signedIn('admin');
    await page.goto(`${world.baseUrl}/admin/calendar`);
    await page.getByTestId('calendar-grid').waitFor();
    const picker = page.getByTestId('CalendarAdminPage').locator('.ant-picker input').first();
    await picker.click();
    await picker.fill('2026-10');
    await picker.press('Enter');
    const makeup = page.getByTestId('calendar-day-2026-10-10');
    await makeup.getByText('国庆节调休上班').waitFor();
    expect(await makeup.getByTestId('calendar-mark').textContent()).toBe('班');
    const holiday = page.getByTestId('calendar-day-2026-10-01');
    expect(await holiday.getByTestId('calendar-mark').textContent()).toBe('休');
    expect(await holiday.textContent()).not.toContain('调休');
    expect(await page.getByTestId('calendar-day-2026-10-12').getByTestId('calendar-mark').count()).toBe(0);
    const legend = page.getByTestId('calendar-legend');
    expect(await legend.textContent()).toContain('班：调休上班日或加班日');
    expect(await legend.textContent()).toContain('休：法定节假日');
    await shot(page, 'calendar');
  });

  it("the leader's 盯办 list marks an overdue order 已超期", async () => {
    const supervisor = await signedIn('supervisor');
    const red = await supervisor.request.get(`${world.baseUrl}/api/orders?warning=red&limit=1`);
    const order = ((await red.json()).items as { id: string }[])[0]!;
    expect(order).toBeDefined();
    const added = await supervisor.request.post(`${world.baseUrl}/api/orders/${order.id}/leader-followup`, {
      data: { reason: '群众反映强烈，领导盯办' },
    });
    expect(added.status()).toBeLessThan(300);
    const page = await signedIn('leader');
    await page.goto(`${world.baseUrl}/leader`);
    const list = page.getByTestId('leader-followed');
    await list.getByTestId('followup-overdue').first().waitFor();
    expect(await list.getByTestId('followup-overdue').first().textContent()).toBe('已超期');
    await shot(page, 'leader');
  });

  it('no console errors', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

function lastMonth() {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

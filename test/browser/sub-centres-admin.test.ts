import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { apiSession } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * The centre admin's 分中心 screen (ADR 0110): the demo's 13 sub-centres with the region subtree each
 * owns, the routing switch turned off and on (intake follows it), and a sub-centre's region changed.
 */
describe.skipIf(!hasChromium)('sub-centres admin', () => {
  let world: BrowserWorld;
  let page: Page;
  const shot = (name: string) => world.screenshot(page, `sub-centres-admin-${name}`);
  const row = (name: string) => page.getByTestId(`sub-centre-${name}`);

  beforeAll(async () => {
    world = await startBrowserWorld();
    page = await world.signedIn('admin', { width: 1280, height: 720 });
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  it('lists the 13 sub-centres with the region each owns and the regions below it', async () => {
    await page.getByTestId('console-nav').getByText('分中心', { exact: true }).click();
    await page.waitForURL(/\/admin\/sub-centres$/);
    const rows = page.getByTestId('sub-centres-table').locator('tbody tr[data-testid^="sub-centre-"]');
    await expect.poll(() => rows.count()).toBe(13);
    const xilinhot = row('锡林浩特市12345分中心');
    await expect.poll(() => xilinhot.innerText()).toContain('锡林浩特市');
    // its subtree: the county's streets and townships
    expect(await xilinhot.getByTestId('sub-centre-subtree-锡林浩特市12345分中心').innerText()).toContain('希日塔拉街道');
    expect(await page.getByTestId('sub-centres-routing').getAttribute('aria-checked')).toBe('true');
    await shot('list');
  });

  it('switches routing off and on; an order taken meanwhile stays with the league centre', async () => {
    await page.getByTestId('sub-centres-routing').click();
    await expect.poll(() => page.getByTestId('sub-centres-routing').getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => page.getByTestId('sub-centres-routing-hint').innerText()).toContain('已关闭');
    await shot('routing-off');

    const operator = await apiSession(world, 'operator');
    const regions = (await operator('GET', '/api/regions')).items as { id: string; name: string }[];
    const appeal = {
      channel: 'phone',
      appealType: 'consult',
      priority: 3,
      title: '分中心开关测试：社保卡补办地点',
      content: '请问社保卡丢失在哪里补办？',
      callerPhone: '13700007777',
      regionId: regions.find((r) => r.name === '锡林浩特市')!.id,
    };
    const off = await operator('POST', '/api/orders', appeal);
    expect(off.deskUnitId).toBeNull();

    await page.getByTestId('sub-centres-routing').click();
    await expect.poll(() => page.getByTestId('sub-centres-routing').getAttribute('aria-checked')).toBe('true');
    const on = await operator('POST', '/api/orders', appeal);
    expect(on.deskUnitId).not.toBeNull();
  });

  it("changes a sub-centre's region and clears it", async () => {
    const desk = '阿巴嘎旗12345分中心';
    const picker = row(desk).getByTestId(`sub-centre-region-${desk}`);
    await picker.click();
    await page.keyboard.type('别力古台镇');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="别力古台镇"]').first().click();
    // The picker shows the new region at once; the sub-region column changes only after the save returns.
    await expect.poll(() => row(desk).innerText()).toContain('无下级区域');
    expect(await row(desk).innerText()).toContain('别力古台镇');
    await page.locator('.ant-message-notice').first().waitFor();
    await shot('region-changed');
    const listed = await (await apiSession(world, 'admin'))('GET', '/api/sub-centres');
    const items = listed.items as { name: string; regionName: string | null }[];
    expect(items.find((d) => d.name === desk)?.regionName).toBe('别力古台镇');

    await picker.hover();
    await picker.locator('.ant-select-clear').click();
    await expect.poll(() => row(desk).innerText()).toContain('未设区域');
    expect(world.consoleErrors).toEqual([]);
  });

  it('保存期限: reads what the daily erasure did and will do, and sets the period (a shorter one confirmed first)', async () => {
    await page.getByTestId('console-nav').getByText('保存期限', { exact: true }).click();
    await page.waitForURL(/\/admin\/retention$/);
    const facts = page.getByTestId('retention-facts');
    await facts.waitFor();
    // The demo's archive of orders closed four years ago: half erased already, the rest due.
    const api = await apiSession(world, 'admin');
    const view = await api('GET', '/api/retention');
    expect(view.erased).toEqual(expect.any(Number));
    expect(view.erased).toBeGreaterThan(0);
    expect(view.due).toBeGreaterThan(0);
    expect(await page.getByTestId('retention-erased').innerText()).toContain(`${view.erased} 件`);
    expect(await page.getByTestId('retention-due').innerText()).toContain(`${view.due} 件`);
    expect(await facts.innerText()).toContain('上次删除');
    await shot('retention');

    const years = page.getByTestId('retention-years');
    await years.fill('2');
    await page.getByTestId('retention-save').click();
    await page.getByTestId('retention-confirm').click(); // two years is shorter than three: confirmed first
    await page.locator('.ant-message-notice').getByText('保存年限已修改').waitFor();
    await expect.poll(async () => (await api('GET', '/api/retention')).retentionYears).toBe(2);
    await years.fill('10');
    await page.getByTestId('retention-save').click(); // longer: saved at once
    await expect.poll(async () => (await api('GET', '/api/retention')).retentionYears).toBe(10);
    await expect.poll(() => page.getByTestId('retention-due').innerText()).toMatch(/^0 件/);
    expect(world.consoleErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmlOf } from '../helpers/grid-files.js';
import { apiSession } from './console-helpers.js';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

// Grids far from the demo's (which sit around the counties' seats), so nothing drawn here overlaps them.
const sq = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const KML = kmlOf([
  { name: '测试网格甲', data: { code: 'KT-001', region: '希日塔拉街道' }, polygons: [[sq(117.5, 45.0, 117.52, 45.02)]] },
]);
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'GJ-001', name: '测试网格乙', region: '希日塔拉街道' },
      geometry: { type: 'Polygon', coordinates: [sq(117.52, 45.0, 117.54, 45.02)] },
    },
  ],
});

/** Sets the upload's file and sends the import form; waits for its counts. */
async function importFile(page: Page, name: string, mimeType: string, text: string) {
  const form = page.getByTestId('grid-import');
  await form.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  await form.getByTestId('grid-import-submit').click();
  const result = form.getByTestId('grid-import-result');
  await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/新建 1/);
  return (await result.textContent())!;
}

/** 网格管理 (issue 18, ADRs 0185, 0207): import, list and map; draw, rename, split on the map, merge; 相距 N 米. */
describe.skipIf(!hasChromium)('grids in the console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the administrator imports a KML and a GeoJSON file and sees the grids listed and on the map', async () => {
    const page = await world.signedIn('admin', { width: 1400, height: 1000 });
    await page.goto(`${world.baseUrl}/admin/grids`);
    await page.getByTestId('grid-admin').waitFor();
    expect(await importFile(page, '网格.kml', 'application/vnd.google-earth.kml+xml', KML)).toMatch(/^kml/);
    expect(await importFile(page, 'grids.geojson', 'application/geo+json', GEOJSON)).toMatch(/^geojson/);
    await page.getByTestId('grid-list').waitFor();
    // The list pages by 10 in code order: the codes are read through the API, the outlines on the map.
    const map = page.getByTestId('grid-admin-map');
    await expect.poll(() => map.locator('path[data-code="KT-001"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await map.locator('path[data-code="GJ-001"]').count()).toBe(1);
    const apiGrids = await (await apiSession(world, 'admin'))('GET', '/api/grids');
    const codes = (apiGrids.items as { code: string; name: string }[]).map((g) => `${g.code} ${g.name}`);
    expect(codes).toEqual(expect.arrayContaining(['KT-001 测试网格甲', 'GJ-001 测试网格乙']));
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('draws a grid, renames it, splits it by a line clicked on the map and merges the pieces again', async () => {
    const page = await world.signedIn('admin', { width: 1400, height: 1000 });
    await page.goto(`${world.baseUrl}/admin/grids`);
    const map = page.getByTestId('grid-admin-map');
    await expect.poll(() => map.locator('path[data-code="GJ-001"]').count(), { timeout: 15_000 }).toBe(1);

    // Draw: a crossing outline is refused by the server naming the ring; a square next to GJ-001 is saved.
    await page.getByTestId('grid-mode').getByText('绘制新网格').click();
    await page.getByTestId('grid-draw-code').fill('DR-001');
    await page.getByTestId('grid-draw-name').fill('新绘网格');
    await page.getByTestId('grid-draw-town').click();
    await page.keyboard.type('希日塔拉');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('grid-corners').fill('117.54,45.0\n117.56,45.02\n117.56,45.0\n117.54,45.02');
    await page.getByTestId('grid-draw-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('edges cross');
    await page.getByTestId('grid-corners').fill('117.54,45.0\n117.56,45.0\n117.56,45.02\n117.54,45.02');
    await page.getByTestId('grid-draw-save').click();
    await expect.poll(() => map.locator('path[data-code="DR-001"]').count(), { timeout: 15_000 }).toBe(1);

    // The saved grid is picked: rename it (version 2).
    const picked = page.getByTestId('grid-picked');
    await expect.poll(() => picked.textContent()).toContain('DR-001');
    await page.getByTestId('grid-edit-name').fill('新绘网格（改名）');
    await page.getByTestId('grid-edit-save').click();
    await expect.poll(() => picked.textContent(), { timeout: 15_000 }).toContain('新绘网格（改名）');
    await expect.poll(() => page.getByTestId('grid-versions').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('grid-versions').textContent()).toContain('console:edit');

    // Split: the view fits the picked grid; a line clicked from its left edge to its right halves it.
    await page.getByTestId('grid-split').click();
    await page.waitForTimeout(500);
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: 10, y: box.height / 2 } });
    await map.click({ position: { x: box.width - 10, y: box.height / 2 + 1 } });
    await expect.poll(async () => (await page.getByTestId('grid-corners').inputValue()).trim().split('\n').length).toBe(2);
    await page.getByTestId('grid-split-code').fill('DR-002');
    await page.getByTestId('grid-split-name').fill('新绘网格北');
    await page.getByTestId('grid-split-save').click();
    await expect.poll(() => map.locator('path[data-code="DR-002"]').count(), { timeout: 15_000 }).toBe(1);
    await world.screenshot(page, 'grid-admin-split');
    const admin = await apiSession(world, 'admin');
    const shapes = async () =>
      (await admin('GET', '/api/grids/shapes')).items as { code: string; geometry: { coordinates: number[][][][] } }[];
    const halves = (await shapes()).filter((s) => s.code.startsWith('DR-'));
    expect(halves.map((h) => h.code).sort()).toEqual(['DR-001', 'DR-002']);

    // Merge: both pieces are picked after the split; one click makes them one grid again.
    await page.getByTestId('grid-merge').click();
    await expect.poll(() => map.locator('path[data-code="DR-002"]').count(), { timeout: 15_000 }).toBe(0);
    const merged = (await shapes()).filter((s) => s.code.startsWith('DR-'));
    expect(merged.map((m) => m.code)).toEqual(['DR-001']);
    expect(merged[0]!.geometry.coordinates).toHaveLength(1);
    const listed = (await admin('GET', '/api/grids')).items as { id: string; code: string }[];
    const drawn = listed.find((g) => g.code === 'DR-001')!;
    const versions = (await admin('GET', `/api/grids/${drawn.id}/versions`)).items as { source: string }[];
    expect(versions.map((v) => v.source)).toEqual(['console:merge', 'console:split', 'console:edit', 'console:draw']);
    expect(world.consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });

  it('a nearby earlier appeal is a duplicate candidate tagged 相距 N 米 on the order page', async () => {
    const operator = await apiSession(world, 'operator');
    const appeal = (lng: number, phone: string) =>
      operator('POST', '/api/orders', {
        channel: 'phone',
        appealType: 'help',
        priority: 3,
        title: '锡林大街路灯不亮',
        content: '锡林大街路灯连续几晚不亮，请派人维修。',
        callerPhone: phone,
        lat: 43.9442,
        lng,
      });
    const first = await appeal(116.0863, '13700003331');
    // ~96 m east of the first (0.0012° of longitude at 43.94° N).
    const again = await appeal(116.0875, '13700003332');
    const page = await world.signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/orders/${again.id}`);
    const row = page.getByTestId(`duplicate-${first.orderNo}`);
    await row.waitFor({ timeout: 20_000 });
    const tag = await row.getByText(/相距 \d+ 米/).textContent();
    const metres = Number(/相距 (\d+) 米/.exec(tag!)![1]);
    expect(metres).toBeGreaterThan(85);
    expect(metres).toBeLessThan(110);
    await world.screenshot(page, 'order-duplicate-distance');
    await page.close();
  });

  it('the administrator sets a category’s duplicate radius on the category page, and lets it inherit again', async () => {
    const admin = await apiSession(world, 'admin');
    const radii = async () =>
      (await admin('GET', '/api/duplicates/radius')) as unknown as {
        defaultRadiusMetres: number;
        categories: { name: string; radiusMetres: number }[];
      };
    const before = await radii();
    expect(before.categories.map((c) => c.name)).not.toContain('物业管理');
    const page = await world.signedIn('admin', { width: 1400, height: 1000 });
    await page.getByTestId('console-nav').getByText('诉求分类').click();
    await page.getByTestId('categories-tree').getByText('物业管理', { exact: true }).click();
    const form = page.getByTestId('duplicate-radius');
    await expect
      .poll(() => form.getByTestId('duplicate-radius-inherited').textContent())
      .toBe(`当前沿用：${before.defaultRadiusMetres} 米（本中心默认）`);
    await form.locator('input[data-testid=duplicate-radius-own], [data-testid=duplicate-radius-own] input').first().fill('350');
    await form.getByTestId('duplicate-radius-save').click();
    await expect
      .poll(async () => (await radii()).categories.find((c) => c.name === '物业管理')?.radiusMetres, { timeout: 15_000 })
      .toBe(350);
    await form.getByTestId('duplicate-radius-inherit').waitFor();
    expect(await form.getByTestId('duplicate-radius-inherited').count()).toBe(0);
    await world.screenshot(page, 'category-duplicate-radius');
    await form.getByTestId('duplicate-radius-inherit').click();
    await expect.poll(async () => (await radii()).categories.map((c) => c.name), { timeout: 15_000 }).not.toContain('物业管理');
    await form.getByTestId('duplicate-radius-inherited').waitFor();
    expect(world.consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });
});

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './console-helpers.js';
import { PHONE, PHONE_CONTEXT, startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** Every request a page makes, to assert that none leaves this machine (no tiles are configured). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}
const offLoopback = (urls: string[]) =>
  urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  });

// The seat of 锡林浩特市 in the demo geography (src/demo/demo-grids.data.ts), where half its orders are pinned.
const SEAT = { latitude: 43.9442, longitude: 116.0863 };

/** The map (issue 18, ADR 0187) with no base tiles configured, as in the demo: our outlines on a plain background. */
describe.skipIf(!hasChromium)('the map: dispatcher, wall, intake pin and the portal', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the dispatcher opens 地图: points by state over county and town outlines, a dot opens its order, nothing leaves loopback', async () => {
    const page = await world.signedIn('dispatcher');
    const urls = recordRequests(page);
    await page.getByTestId('console-nav').getByText('地图', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/map');
    const map = page.getByTestId('orders-map');
    await expect.poll(() => map.locator('path.lx-point').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await map.locator('path.lx-outline-level-1').count()).toBeGreaterThan(5);
    expect(await map.locator('path.lx-outline-level-2').count()).toBeGreaterThan(5);
    await page.getByTestId('orders-map-no-tiles').waitFor();
    expect(await page.getByTestId('orders-map-counts').textContent()).toMatch(/地图上 [1-9]\d* 件，范围内共 [1-9]\d* 件/);
    await world.screenshot(page, 'map-dispatcher');
    // The last dot is drawn on top of any it overlaps.
    const dot = map.locator('path.lx-point').last();
    const id = await dot.getAttribute('data-id');
    await dot.click();
    await page.waitForURL((u) => u.pathname === `/orders/${id}`);
    expect(offLoopback(urls)).toEqual([]);
    expect(urls.some((u) => u.includes('/api/orders/map?bbox='))).toBe(true);
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('the wall screen has its map: county outlines with live counts, no tiles, nothing off loopback', async () => {
    const page = await world.signedIn('leader');
    const urls = recordRequests(page);
    await page.goto(`${world.baseUrl}/wall`);
    const wall = page.getByTestId('wall-map-canvas');
    await expect.poll(() => wall.locator('path.lx-outline-level-1').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    // Each county's label carries its count of open orders (锡林浩特市 has some).
    await expect
      .poll(() => wall.locator('.lx-region-label').allTextContents())
      .toContainEqual(expect.stringMatching(/^锡林浩特市 [1-9]\d*$/));
    await world.screenshot(page, 'map-wall');
    expect(offLoopback(urls)).toEqual([]);
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('the operator pins the place at intake: the coordinates show, in WGS-84', async () => {
    const page = await world.signedIn('operator');
    await page.getByTestId('intake-pin-toggle').click();
    const map = page.getByTestId('intake-map');
    await expect.poll(() => map.locator('path.lx-outline').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await map.click({ position: { x: 200, y: 150 } });
    await expect
      .poll(() => page.getByTestId('intake-pin-at').textContent())
      .toMatch(/经度 1\d\d\.\d{5}，纬度 4\d\.\d{5}（WGS-84）/);
    await page.getByTestId('intake-pin-clear').click();
    expect(await page.getByTestId('intake-pin-at').count()).toBe(0);
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('a citizen on a 390×844 phone pins the place with the phone’s position, sees nearby appeals (public fields only) and sends', async () => {
    // Another caller's appeal a few hundred metres away, taken in by the operator with its point.
    const operator = await apiSession(world, 'operator');
    await operator('POST', '/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '赵六反映小区门口路灯不亮',
      content: '团结小区门口路灯坏了一周。',
      callerName: '赵六',
      callerPhone: '13700001234',
      lat: 43.9461,
      lng: 116.0889,
    });
    const context = await world.browser.newContext({ ...PHONE_CONTEXT, geolocation: SEAT, permissions: ['geolocation'] });
    const page = await context.newPage();
    page.on('pageerror', (err) => world.consoleErrors.push(err.message));
    const urls = recordRequests(page);
    await page.goto(`${world.baseUrl}/portal/submit`);
    await page.getByTestId('portal-title').fill('路灯不亮');
    // The map's code is not part of the portal's first load: it comes when the citizen opens the map.
    expect(urls.filter((u) => /MapCanvas/.test(u))).toEqual([]);
    await page.getByTestId('portal-map-toggle').click();
    await page.getByTestId('portal-map-locate').click();
    await page.getByTestId('portal-map-marked').waitFor();
    expect(urls.filter((u) => /MapCanvas/.test(u)).length).toBeGreaterThan(0);
    const items = page.getByTestId('portal-nearby-item');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const listed = (await page.getByTestId('portal-nearby').textContent()) ?? '';
    expect(listed).toMatch(/约 \d+ 米/);
    expect(listed).not.toMatch(/赵六|路灯|团结小区|1370000/);
    // A tap on the map moves the pin there.
    const map = page.getByTestId('portal-map');
    await map.click({ position: { x: 180, y: 140 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await world.screenshot(page, 'map-portal-390');
    await page.getByTestId('portal-content').fill('小区门口路灯不亮，晚上很黑。');
    await page.getByTestId('portal-name').fill('钱七');
    await page.getByTestId('portal-phone').fill('13600005678');
    await page.getByTestId('portal-submit').click();
    await page.waitForURL((u) => u.pathname === '/portal/done');
    const stored = await world.runtime.deps.db
      .selectFrom('orders')
      .select(['lat', 'lng'])
      .where('channel', '=', 'web')
      .where('title', '=', '路灯不亮')
      .executeTakeFirstOrThrow();
    // Near the seat (the tap moved it within the zoomed-in view), stored as WGS-84 numbers.
    expect(Math.abs(stored.lat! - SEAT.latitude)).toBeLessThan(0.02);
    expect(Math.abs(stored.lng! - SEAT.longitude)).toBeLessThan(0.02);
    expect(offLoopback(urls)).toEqual([]);
    expect(world.consoleErrors).toEqual([]);
    await context.close();
  });
});

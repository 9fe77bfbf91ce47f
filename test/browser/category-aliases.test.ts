import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** Category aliases (ADR 0085): intake's picker finds 供热 by 供暖; the admin adds an alias that works at once. */
describe.skipIf(!hasChromium)('category aliases in the console', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username);

  const option = (page: Page, name: string) =>
    page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${name}"]`);

  it('typing 供暖 in intake’s category picker finds 供热 and picks it', async () => {
    const page = await signedIn('operator');
    await page.getByTestId('intake-category').click();
    await page.keyboard.type('供暖');
    await option(page, '供热').waitFor();
    await page.screenshot({ path: '/tmp/suggest-intake-alias.png' });
    // By keyboard, as an operator with a caller on the line: the alias match is highlighted, Enter takes it.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-category').textContent()).toContain('供热');
    await page.close();
  });

  it('the admin adds an alias on the category screen; intake finds the category by it', async () => {
    const admin = await signedIn('admin');
    await admin.getByTestId('console-nav').getByText('诉求分类').click();
    await admin.getByTestId('categories-tree').getByText('物业管理', { exact: true }).click();
    await admin.getByTestId('category-aliases').click();
    await admin.keyboard.type('小区管家');
    await admin.keyboard.press('Enter');
    await admin.getByTestId('category-aliases-submit').click();
    await admin.getByText('操作成功').first().waitFor();
    await admin.screenshot({ path: '/tmp/suggest-admin-aliases.png' });
    const categories = await world.app.inject({ method: 'GET', url: '/api/portal/info' });
    const wy = categories.json().categories.find((c: { name: string }) => c.name === '物业管理');
    expect(wy.aliases).toContain('小区管家');
    expect(wy.aliases).toContain('物业');
    await admin.close();

    const page = await signedIn('operator');
    await page.getByTestId('intake-category').click();
    await page.keyboard.type('小区管家');
    await option(page, '物业管理').waitFor();
    await page.close();
  });

  it('a citizen who types 暖气 in the portal’s category choice finds 供热', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-submit').click();
    await page.getByTestId('portal-category-search').fill('暖气');
    const offered = await page.getByTestId('portal-category').locator('option').allTextContents();
    expect(offered.map((o) => o.trim())).toContain('供热');
    expect(offered.map((o) => o.trim())).not.toContain('市政道路与照明');
    const heating = await page
      .getByTestId('portal-category')
      .locator('option', { hasText: '供热' })
      .first()
      .getAttribute('value');
    await page.getByTestId('portal-category').selectOption(heating!);
    await page.screenshot({ path: '/tmp/suggest-portal-alias.png' });
    await page.close();
  });

  it('no console errors', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

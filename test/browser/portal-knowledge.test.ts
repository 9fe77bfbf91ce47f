import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** The public knowledge base on a phone (issue 16): search, read, "不是，我要反映" → the appeal form pre-filled. */
describe.skipIf(!hasChromium)('portal: public knowledge base at 390×844', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a citizen finds the heating answer, reads it (a view), and goes on to report with the form pre-filled', async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-kb').click();
    await page.getByTestId('kb-q').fill('暖气不热室温多少度');
    await page.getByTestId('kb-search').click();
    const hit = page.getByTestId('kb-hit').filter({ hasText: '供暖期及室温标准' });
    await hit.waitFor();
    expect(await page.locator('[data-testid="kb-hits"] mark').count()).toBeGreaterThan(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await world.screenshot(page, 'portal-knowledge-search-390');
    await hit.click();
    await page.getByTestId('kb-article').waitFor();
    expect(await page.getByTestId('kb-body').textContent()).toContain('供暖');
    await expect.poll(() => page.getByTestId('kb-article').textContent()).toContain('1 次阅读');
    await world.screenshot(page, 'portal-knowledge-article-390');
    await page.getByTestId('kb-no').click();
    await page.waitForURL((url) => url.pathname === '/portal/submit');
    await expect.poll(() => page.getByTestId('portal-title').inputValue()).toContain('供暖期及室温标准');
    expect(await page.getByTestId('portal-content').inputValue()).toContain('仍需反映');
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});

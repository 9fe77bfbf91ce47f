import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { pickTreeNode } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * 派单目录 (issue 14): the admin adds a rule and is told in words when a second one overlaps it; the
 * operator's intake shows the catalogue's answer first and takes it into the dispatch fields; the
 * report page shows the follow share and the return rate per rule from the demo's history.
 */
describe.skipIf(!hasChromium)('the dispatch catalogue in the console', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function fillRule(page: Page) {
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-form').waitFor();
    await pickTreeNode(page, 'rule-category', '供热');
    await pickTreeNode(page, 'rule-region', '锡林浩特市');
    // The region's list closes with an animation; a click on the keywords box while it is still going
    // lands on the list (宝力根街道) on a loaded machine.
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
    await page.getByTestId('rule-keywords').click();
    await page.keyboard.type('停暖');
    await page.keyboard.press('Enter');
    await pickTreeNode(page, 'rule-lead', '锡林浩特市住房和城乡建设局');
    await page.getByTestId('rule-note').fill('停暖先由住建局核查供热企业');
    await page.getByTestId('rule-save').click();
  }

  it('the admin adds a rule; the same rule again is refused with the overlap named', async () => {
    const page = await world.signedIn('admin');
    await page.getByTestId('console-nav').getByText('派单目录', { exact: true }).click();
    await page.getByTestId('rules-table').locator('tbody tr').first().waitFor();
    await page.screenshot({ path: '/tmp/catalogue-admin-list.png' });
    await fillRule(page);
    await page.getByText(/已保存规则 #\d+/).waitFor();
    await page.getByTestId('rule-form').waitFor({ state: 'detached' });
    await fillRule(page);
    const overlap = page.getByTestId('rule-overlap');
    await overlap.waitFor();
    const said = await overlap.textContent();
    expect(said).toMatch(/与规则 #\d+（供热 · 锡林浩特市 · 「停暖」 → 锡林浩特市住房和城乡建设局/);
    await world.screenshot(page, 'catalogue-overlap');
    await page.screenshot({ path: '/tmp/catalogue-overlap.png' });
    await page
      .getByTestId('rule-form')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.getByTestId('rule-form').waitFor({ state: 'detached' });
    await page.getByTestId('rule-filter-q').locator('input').fill('停暖');
    await page.getByTestId('rule-filter-q').locator('input').press('Enter');
    const row = page.getByTestId('rules-table').locator('tbody tr', { hasText: '停暖' });
    await row.waitFor();
    await expect.poll(() => page.getByTestId('rules-table').locator('tbody tr').count()).toBe(1);
    await row.locator('[data-testid^="rule-history-"]').click();
    await page.getByTestId('rule-history').getByText('新建').waitFor();
    await page.close();
  });

  it('the operator’s intake shows the catalogue’s answer first and takes it into the dispatch fields', async () => {
    const page = await world.signedIn('operator');
    await pickTreeNode(page, 'intake-category', '供热');
    await pickTreeNode(page, 'intake-region', '锡林浩特市');
    await page.getByTestId('intake-title').fill('小区停暖三天');
    await page.getByTestId('intake-content').fill('我家小区已经停暖三天了，室温只有十二度，请尽快处理。');
    const answer = page.getByTestId('catalogue-answer');
    await expect
      .poll(() => answer.getByTestId('catalogue-answer-unit').textContent(), { timeout: 15_000 })
      .toBe('锡林浩特市住房和城乡建设局');
    // First in the assist panel: above the learned suggestions.
    const order = await page
      .getByTestId('intake-assist')
      .evaluate((el) =>
        [...el.querySelectorAll('[data-testid="catalogue-answer"], [data-testid="nlp-suggestions"]')].map((n) =>
          n.getAttribute('data-testid'),
        ),
      );
    expect(order[0]).toBe('catalogue-answer');
    await answer.getByTestId('catalogue-answer-use').click();
    await expect.poll(() => page.getByTestId('intake-lead-unit').textContent()).toContain('锡林浩特市住房和城乡建设局');
    await world.screenshot(page, 'catalogue-intake');
    await page.screenshot({ path: '/tmp/catalogue-intake.png' });
    await page.close();
  });

  it('the report page shows the follow share and the rules that cause returns first', async () => {
    const page = await world.signedIn('supervisor');
    await page.getByTestId('console-nav').getByText('派单目录执行', { exact: true }).click();
    await page.getByTestId('catalogue-report-totals').waitFor();
    await expect.poll(() => page.getByTestId('catalogue-follow-rate').textContent()).toMatch(/\d+\.\d%/);
    await page.getByTestId('catalogue-report-rules').locator('tbody tr').first().waitFor();
    await world.screenshot(page, 'catalogue-report');
    await page.screenshot({ path: '/tmp/catalogue-report.png' });
    await page.close();
  });

  it('no console errors (but the one refused overlap, a 409 the page reads)', () => {
    expect(
      world.consoleErrors.filter(
        (e) => !e.includes('/admin/catalogue: Failed to load resource: the server responded with a status of 409'),
      ),
    ).toEqual([]);
  });
});

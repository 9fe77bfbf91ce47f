import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { pickFirstOption } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** A previous system's export, made here: the third row names a unit lianxin does not have. */
const FIXTURE = [
  '单号,来源,问题分类,承办单位,反映内容,登记时间,办结时间,状态,回访结果',
  'BRW20250301001,电话,供热,锡林浩特市热力公司,家里暖气不热已三天,2025-03-01 09:00,2025-03-02 10:00,已办结,满意',
  'BRW20250301002,电话,供热,锡林浩特市热力公司,楼道暖气管漏水,2025-03-01 10:00,2025-03-03 10:00,已办结,基本满意',
  'BRW20250301003,电话,供热,老城区供暖公司,暖气片上热下凉,2025-03-01 11:00,2025-03-04 10:00,已办结,满意',
].join('\n');

/**
 * 历史数据导入 in the console (issue 17, ADRs 0183, 0184): the system administrator uploads an old
 * system's file, sees its first rows, maps the column the guess missed, dry-runs and is told which row
 * is bad and why, mends it with a value table, imports while the page follows the run, and reads the
 * orders count; the run is listed and an imported order carries the 已导入 mark.
 */
describe.skipIf(!hasChromium)('import admin', () => {
  let world: BrowserWorld;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-import-'));
  const file = path.join(dir, '旧系统导出.csv');
  const shot = (name: string) => world.screenshot(page, `import-admin-${name}`);

  beforeAll(async () => {
    fs.writeFileSync(file, `\uFEFF${FIXTURE}\n`);
    world = await startBrowserWorld();
    page = await world.signedIn('admin', { width: 1400, height: 900 });
  }, 400_000);
  afterAll(async () => {
    await world?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads, previews, maps and dry-runs: the bad row is named with its field and reason', async () => {
    await page.getByTestId('console-nav').getByText('历史数据导入', { exact: true }).click();
    await page.waitForURL(/\/admin\/import$/);
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-preview-title').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('import-preview-title').innerText()).toContain('共 3 行数据');
    expect(await page.getByTestId('import-preview').innerText()).toContain('老城区供暖公司');
    await page.getByTestId('import-to-mapping').click();

    // The guess maps the usual headers; 反映内容 is this system's own word for the appeal text.
    expect(await page.getByTestId('map-originalNo').innerText()).toContain('单号');
    expect(await page.getByTestId('import-to-dry-run').isDisabled()).toBe(true);
    await pickFirstOption(page, 'map-content', '反映内容');
    await shot('mapping');
    await page.getByTestId('import-to-dry-run').click();

    const problem = page.getByTestId('import-problem-4-unit');
    await expect.poll(() => problem.count(), { timeout: 30_000 }).toBe(1);
    expect(await problem.innerText()).toMatch(/4[\s\S]*承办单位[\s\S]*无法对应到本系统的值[\s\S]*老城区供暖公司/);
    expect(await page.getByTestId('import-bad-rows').innerText()).toContain('1');
    expect(await page.getByTestId('import-start').count()).toBe(0);
    await shot('dry-run-bad-row');
  });

  it('mends the row with a value table, imports with progress, and reads the orders count', async () => {
    await page.getByRole('button', { name: /上一步/ }).click();
    const unitTable = page.getByTestId('values-unit');
    await expect.poll(() => unitTable.count()).toBe(1);
    const words = await unitTable
      .locator('input[data-testid$="-from"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const line = words.indexOf('老城区供暖公司');
    expect(line).toBeGreaterThanOrEqual(0);
    await pickFirstOption(page, `values-unit-${line}-to`, '锡林浩特市热力公司');
    await page.getByTestId('import-to-dry-run').click();
    await expect.poll(() => page.getByTestId('import-report').innerText(), { timeout: 30_000 }).toContain('全部 3 行均可导入');

    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    expect(await result.innerText()).toContain('写入 3 条工单');
    await shot('done');
    const run = page.getByTestId('import-run-旧系统导出.csv');
    await expect.poll(() => run.innerText(), { timeout: 15_000 }).toContain('已完成');
    expect(await run.innerText()).toMatch(/\b3\b/);

    // The imported order carries its mark on its page (read by the centre's staff; the system
    // administrator reads no orders, 三员分立).
    const desk = await world.signedIn('dispatcher', { width: 1400, height: 900 });
    await desk.goto(`${world.baseUrl}/orders/BRW20250301003`);
    const mark = desk.getByTestId('order-imported');
    await expect.poll(() => mark.count(), { timeout: 30_000 }).toBe(1);
    expect(await mark.innerText()).toContain('已导入');
    expect(await mark.innerText()).toContain('旧系统导出.csv');
    await world.screenshot(desk, 'import-admin-imported-order');
    expect(world.consoleErrors).toEqual([]);
  });
});

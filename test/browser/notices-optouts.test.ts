import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const VIEWPORT = { width: 1280, height: 720 };
const POLL = { timeout: 20_000 };

/**
 * 群众通知 → 退订 (issue 16) at 1280×720: a supervisor records a citizen's opt-out, finds it by the
 * whole number (a logged look-up) and removes it at the citizen's request (audited); the
 * administrator, without phone rights, sees the list masked. The knowledge list tags 公开 articles.
 */
describe.skipIf(!hasChromium)('staff: opted-out numbers, and the knowledge list’s 公开 tag', () => {
  let world: BrowserWorld;
  const db = () => world.runtime.deps.db;
  const trail = (purpose: string) =>
    db().selectFrom('pii_access_log').select(['subject']).where('purpose', '=', purpose).orderBy('id').execute();

  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 400_000);
  afterAll(async () => {
    await world?.close();
  });

  it('a supervisor records, finds and removes an opt-out; the administrator sees it masked', async () => {
    const page = await world.signedIn('supervisor', VIEWPORT);
    await page.goto(`${world.baseUrl}/notices`);
    await page.getByRole('tab', { name: '退订' }).click();
    await page.getByTestId('opt-out-address').fill('139 0000 7301');
    await page.getByTestId('opt-out-submit').click();
    const table = page.getByTestId('opt-out-table');
    await expect.poll(() => table.innerText(), POLL).toContain('13900007301');
    expect(await table.innerText()).toContain('工作人员按群众要求记录');
    expect((await trail('citizenOptOut.added')).map((r) => r.subject)).toContain('139****7301');

    // Found by the whole number: one row, and the look-up is in the audit trail.
    await page.getByTestId('opt-out-search').locator('input').fill('13900007301');
    await page.getByTestId('opt-out-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('opt-out-address-cell').allInnerTexts(), POLL).toEqual(['13900007301']);
    await expect.poll(async () => (await trail('citizenOptOut.search')).map((r) => r.subject), POLL).toEqual(['139****7301']);
    expect(await page.getByTestId('opt-out-search').locator('input').inputValue()).toBe('13900007301');
    await world.screenshot(page, 'notices-optouts-supervisor');

    // The administrator: masked, no search, no removal.
    const admin = await world.signedIn('admin', VIEWPORT);
    await admin.goto(`${world.baseUrl}/notices`);
    await admin.getByRole('tab', { name: '退订' }).click();
    await admin.getByTestId('opt-out-masked').waitFor();
    await expect.poll(() => admin.getByTestId('opt-out-table').innerText(), POLL).toContain('139****7301');
    expect(await admin.getByTestId('opt-out-table').innerText()).not.toContain('13900007301');
    expect(await admin.getByTestId('opt-out-search').count()).toBe(0);
    await admin.close();

    // Removed at the citizen's request, confirmed: gone, audited.
    await page.getByTestId('opt-out-remove').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('opt-out-address-cell').count(), POLL).toBe(0);
    expect((await trail('citizenOptOut.removed')).map((r) => r.subject)).toEqual(['139****7301']);
    const left = await db().selectFrom('citizen_opt_outs').select('recipient').where('recipient', '=', '13900007301').execute();
    expect(left).toEqual([]);
    await page.close();
  });

  it('the knowledge list marks the articles citizens can read with 公开', async () => {
    const page = await world.signedIn('admin', VIEWPORT);
    await page.goto(`${world.baseUrl}/knowledge`);
    const tags = page.getByTestId('knowledge-public-tag');
    await tags.first().waitFor(POLL);
    const publicCount = await db()
      .selectFrom('knowledge_articles')
      .select(db().fn.countAll<string>().as('n'))
      .where('public', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(publicCount.n)).toBeGreaterThan(0);
    expect(await tags.first().innerText()).toBe('公开');
    await page.close();
  });
});

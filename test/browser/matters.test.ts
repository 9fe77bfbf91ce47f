import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_CALLER_PHONE } from '../../src/demo/demo-desk.data.js';
import { PHONE_CONTEXT, startBrowserWorld, type BrowserWorld } from './harness.js';
import { noSidewaysScroll, pickFirstEnabled, signInResident } from './console-helpers.js';

// Issue 19, ADR 0206: 民生实事 on screen — a leader creates a matter with milestones and reports progress;
// a citizen on a phone votes in the open 票决 and reads the public list.
const DESK = { width: 1280, height: 720 };
const logLines: string[] = [];
let world: BrowserWorld;

/** The first enabled option; a multiple select's list closed by a click beside it (Escape would close the dialog). */
async function pickFirst(page: Page, testId: string) {
  await pickFirstEnabled(page, testId);
  await page.getByTestId('matter-title').click();
}

beforeAll(async () => {
  world = await startBrowserWorld({ env: { LIANXIN_DEV_LOG_OTP: '1' }, logLines });
});
afterAll(async () => {
  await world?.close();
});

describe('民生实事 (issue 19)', () => {
  it('a leader creates a matter with milestones, adopts it, reports progress and ticks a milestone', async () => {
    const page = await world.signedIn('leader', DESK);
    await page.goto(`${world.baseUrl}/matters`);
    await expect.poll(() => page.getByTestId('matters-table').innerText()).toContain('老旧小区供暖管网改造');
    await page.getByTestId('matter-create').click();
    await page.getByTestId('matter-title').fill('城区公园适老化改造');
    await page.getByTestId('matter-description').fill('为 6 个公园增设扶手、座椅和无障碍坡道。');
    await pickFirst(page, 'matter-leader');
    await pickFirst(page, 'matter-units');
    await page.getByTestId('matter-milestone-add').click();
    await page.getByTestId('matter-milestone-name-0').fill('方案公示');
    await page.getByTestId('matter-milestone-due-0').fill('2026-12-20');
    await page.getByTestId('matter-milestone-add').click();
    await page.getByTestId('matter-milestone-name-1').fill('完工验收');
    await page.getByTestId('matter-milestone-due-1').fill('2026-12-31');
    await page.getByTestId('matter-save').click();
    await expect.poll(() => page.getByTestId('matters-table').innerText()).toContain('城区公园适老化改造');
    await page.getByTestId('matters-table').getByText('城区公园适老化改造').click();
    await expect.poll(() => page.getByTestId('matter-detail-status').innerText()).toBe('候选');
    await page.getByTestId('matter-move-adopted').click();
    await expect.poll(() => page.getByTestId('matter-detail-status').innerText()).toBe('已立项');
    await page.getByTestId('matter-progress-text').fill('方案已征求 300 位老年居民意见');
    await page.getByTestId('matter-progress-save').click();
    await expect.poll(() => page.getByTestId('matter-progress').innerText()).toContain('方案已征求 300 位老年居民意见');
    await page.getByTestId('matter-tick-方案公示').click();
    await expect.poll(() => page.getByTestId('matter-tick-方案公示').count()).toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    await world.screenshot(page, 'matters-detail-1280');
  });

  it('a citizen on a 390×844 phone votes in the open round and sees the public list without names', async () => {
    const context = await world.browser.newContext(PHONE_CONTEXT);
    const page = await context.newPage();
    page.on('pageerror', (err) => world.consoleErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-matters').click();
    await expect.poll(() => page.getByTestId('public-matter').count()).toBeGreaterThan(2);
    const list = await page.getByTestId('public-matters').innerText();
    expect(list).toContain('老旧小区供暖管网改造');
    expect(list).not.toMatch(/巴特尔|赵丽|领导/);
    await page.getByTestId('matter-vote-signin').click();
    await signInResident(page, DEMO_PORTAL_CALLER_PHONE, logLines);
    await expect.poll(() => page.getByTestId('matter-candidate').count()).toBe(3);
    await expect.poll(() => page.getByTestId('matter-picks-left').innerText()).toContain('2');
    await page.getByTestId('matter-vote-公共厕所改造提升').click();
    await expect.poll(() => page.getByTestId('matter-vote-done').count()).toBe(1);
    await expect.poll(() => page.getByTestId('matter-picks-left').innerText()).toContain('1');
    await expect.poll(() => page.getByTestId('matter-vote-公共厕所改造提升').isDisabled()).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: '/tmp/portal/matters-vote-phone.png', fullPage: true });
    await context.close();
  });
});

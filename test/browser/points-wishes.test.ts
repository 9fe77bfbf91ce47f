import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_CALLER_PHONE } from '../../src/demo/demo-desk.data.js';
import { PHONE_CONTEXT, startBrowserWorld, type BrowserWorld } from './harness.js';
import { noSidewaysScroll, pickFirstEnabled, signInResident } from './console-helpers.js';

// Issue 19: 积分 and 微心愿 on screen — staff award and redeem, a claimer claims and fulfils, a resident on a phone.
const DESK = { width: 1280, height: 720 };
// a 1×1 PNG: the proof photo
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const logLines: string[] = [];
let world: BrowserWorld;

beforeAll(async () => {
  world = await startBrowserWorld({ env: { LIANXIN_DEV_LOG_OTP: '1' }, logLines });
});
afterAll(async () => {
  await world?.close();
});

describe('points and wishes (issue 19)', () => {
  it('community staff award points with evidence and redeem at the 爱心超市 for a resident', async () => {
    const page = await world.signedIn('townhandler', DESK);
    await page.goto(`${world.baseUrl}/points`);
    await page.getByTestId('resident-open-王秀英').click();
    const balance = async () =>
      Number((await page.getByTestId('resident-balance').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
    await expect.poll(() => page.getByTestId('ledger-entries').locator('tbody tr').count()).toBeGreaterThan(1);
    const before = await balance();
    await page.getByTestId('points-award').click();
    await pickFirstEnabled(page, 'award-rule');
    const rule = await page.getByTestId('award-rule').innerText();
    const points = Number(/\+(\d+)/.exec(rule)?.[1]);
    await page.getByTestId('award-evidence').fill('网格员入户查看，庭院整洁，照片 IMG_0412');
    await page.getByTestId('award-save').click();
    await expect.poll(balance).toBe(before + points);
    await expect.poll(() => page.getByTestId('ledger-entries').innerText()).toContain('IMG_0412');
    await page.getByTestId('points-redeem').click();
    await pickFirstEnabled(page, 'redeem-item');
    const item = await page.getByTestId('redeem-item').innerText();
    const cost = Number(/（(\d+) 分/.exec(item)?.[1]);
    await page.getByTestId('redeem-save').click();
    await expect.poll(balance).toBe(before + points - cost);
    await page.getByTestId('points-statement-tab').click();
    await expect.poll(() => page.getByTestId('statement-closing').innerText()).toContain(String(before + points - cost));
    expect(await noSidewaysScroll(page)).toBe(true);
    await world.screenshot(page, 'points-ledger-1280');
  });

  it('a party member claims an open wish in their rank window and fulfils it with a photo', async () => {
    const page = await world.signedIn('handler', DESK);
    await page.goto(`${world.baseUrl}/wishes`);
    await expect.poll(() => page.getByTestId('wish-rank-rule').innerText()).toContain('普通党员可立即认领');
    await page.getByTestId('wish-state-open').click();
    const claimable = page.locator('tr', { has: page.getByTestId('wish-claim') }).first();
    const title = await claimable.getByTestId('wish-row').getAttribute('data-title');
    expect(title).toBeTruthy();
    await claimable.getByTestId('wish-claim').click();
    await page.getByTestId('wish-state-claimed').click();
    const row = page.locator('tr', { has: page.locator(`[data-title="${title}"]`) });
    await row.getByTestId('wish-fulfil').click();
    await page.getByTestId('wish-proof-text').fill('已买好送到居民家中并教会使用');
    await page.getByTestId('wish-proof-photo').setInputFiles({ name: 'proof.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('wish-fulfil-save').click();
    await page.getByTestId('wish-state-fulfilled').click();
    await expect.poll(() => row.getByTestId('wish-state').innerText()).toBe('待确认');
    await expect.poll(() => row.getByTestId('wish-photo').count()).toBe(1);
    await page.getByTestId('wishes-tab-rates').click();
    // a department's claimer reads their own unit's completion (its communities' table is the towns')
    await expect.poll(() => page.getByTestId('wish-rates-units').innerText()).toMatch(/\d+(\.\d)?%/);
    expect(await noSidewaysScroll(page)).toBe(true);
    await world.screenshot(page, 'wishes-rates-1280');
  });

  it('a resident on a 390×844 phone sees the wall, posts a wish and sees the points', async () => {
    const context = await world.browser.newContext(PHONE_CONTEXT);
    const page = await context.newPage();
    page.on('pageerror', (err) => world.consoleErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-wishes').click();
    await expect.poll(() => page.getByTestId('wall-wish').count()).toBeGreaterThan(0);
    // names masked on the wall: no demo resident's full name
    expect(await page.getByTestId('wall-list').innerText()).not.toMatch(
      /王秀英|王建华|李桂兰|张福山|张淑芬|巴特尔|其木格|刘玉梅/,
    );
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: '/tmp/portal/wish-wall-phone.png', fullPage: true });
    await page.getByTestId('wall-go-mine').click();
    await signInResident(page, DEMO_PORTAL_CALLER_PHONE, logLines);
    await page.getByTestId('wish-title').fill('想请人帮忙换个灯泡');
    await page.getByTestId('wish-detail').fill('楼道和厨房的灯泡坏了，够不着。');
    await page.getByTestId('wish-send').click();
    await expect.poll(() => page.getByTestId('my-wishes').innerText()).toContain('想请人帮忙换个灯泡');
    await expect.poll(() => page.getByTestId('my-wishes').innerText()).toContain('待审核');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.goto(`${world.baseUrl}/portal/points`);
    await expect.poll(async () => Number(await page.getByTestId('my-balance').innerText())).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('my-entries').locator('li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('portal-shop').count()).toBeGreaterThan(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: '/tmp/portal/my-points-phone.png', fullPage: true });
    await context.close();
    expect(world.consoleErrors).toEqual([]);
  });
});

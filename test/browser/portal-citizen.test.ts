import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_LIMITS } from '../../src/contract/portal.js';
import { actorFromSession, login } from '../../src/users/auth.service.js';
import { transitionOrder } from '../../src/orders/order-transition.service.js';
import type { OrderAction, ActionPayload } from '../../src/orders/order-actions.schemas.js';
import type { Actor } from '../../src/users/roles.js';
import { DEMO_PASSWORD, startBrowserWorld, type BrowserWorld, PHONE, PHONE_CONTEXT } from './harness.js';

// Issue 13, the portal on a phone: counter, own tab title, 承诺时限, own comment shown back, my appeals.
const CALLER_PHONE = '13847900001';
const logLines: string[] = [];
let world: BrowserWorld;
let page: Page;
let orderNo = '';

async function phonePage(): Promise<Page> {
  const context = await world.browser.newContext(PHONE_CONTEXT);
  const p = await context.newPage();
  p.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('status of 400')) world.consoleErrors.push(`${p.url()}: ${msg.text()}`);
  });
  p.on('pageerror', (err) => world.consoleErrors.push(`${p.url()}: ${err.message}`));
  return p;
}

async function demoActor(username: string): Promise<Actor> {
  const deps = world.runtime.deps;
  return (await actorFromSession(deps, (await login(deps, username, DEMO_PASSWORD)).token))!;
}

async function step<A extends OrderAction>(username: string, action: A, payload: (actor: Actor) => ActionPayload<A>) {
  const deps = world.runtime.deps;
  const actor = await demoActor(username);
  const order = await deps.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();
  await transitionOrder(deps, { orderId: order.id, action, version: order.version, payload: payload(actor), actor });
}

const contentCounter = () => page.locator('.p-field', { has: page.getByTestId('portal-content') }).getByTestId('portal-counter');

const countOrders = async () =>
  Number(
    (
      await world.runtime.deps.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  world = await startBrowserWorld({ env: { LIANXIN_DEV_LOG_OTP: '1' }, logLines });
  page = await phonePage();
});
afterAll(async () => {
  await world?.close();
});

describe('citizen portal, issue 13 (phone, 390×844)', () => {
  it('names its own browser tab, in Chinese and in English', async () => {
    await page.goto(`${world.baseUrl}/portal`);
    await expect.poll(() => page.title()).toBe('12345 网上诉求');
    await page.getByTestId('portal-lang').click();
    await expect.poll(() => page.title()).toBe('12345 Online appeals');
    await page.getByTestId('portal-lang').click();
    await expect.poll(() => page.title()).toBe('12345 网上诉求');
  });

  it('keeps 10,000 pasted characters, counts them and says the limit, and sends nothing', async () => {
    await page.getByTestId('portal-go-submit').click();
    const before = await countOrders();
    await page.getByTestId('portal-title').fill('楼下烧烤店油烟太大');
    await page.getByTestId('portal-content').fill('油烟'.repeat(5000));
    expect((await page.getByTestId('portal-content').inputValue()).length).toBe(10_000);
    await expect.poll(() => contentCounter().innerText()).toBe(`10000 / ${PORTAL_LIMITS.content} 字`);
    const contentError = page.locator('.p-field', { has: page.getByTestId('portal-content') }).locator('.p-error');
    await expect.poll(() => contentError.innerText()).toBe(`最多 ${PORTAL_LIMITS.content} 字，现在 10000 字，请删减 5000 字`);
    await page.getByTestId('portal-name').fill('<script>alert(1)</script>');
    await page.getByTestId('portal-phone').fill(CALLER_PHONE);
    await page.getByTestId('portal-submit').click();
    await expect
      .poll(() => page.locator('.p-error').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('请删减 5000 字'), expect.stringContaining('请填写真实姓名')]));
    await page.getByTestId('portal-content').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/portal/portal-counter-phone.png' });
    expect(await countOrders()).toBe(before);
  });

  it('sends the appeal once it fits, and shows 承诺时限 after dispatch', async () => {
    await page.getByTestId('portal-content').fill('楼下烧烤店每晚油烟很大，窗户都不能开。');
    await expect.poll(() => contentCounter().innerText()).toMatch(/\d+ \/ 5000 字/);
    await page.getByTestId('portal-name').fill('赵淑芬');
    await page.getByTestId('portal-submit').click();
    orderNo = (await page.getByTestId('portal-order-no').innerText()).trim();
    expect(orderNo).toMatch(/^\d{10}$/);
    const handler = await demoActor('handler');
    await step('dispatcher', 'dispatch', () => ({ leadUnitId: handler.unitId! }));
    await page.getByTestId('portal-view-progress').click();
    await expect
      .poll(() => page.getByTestId('portal-promised').innerText())
      .toMatch(/承诺办理时限\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.getByTestId('portal-promised').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/portal/portal-promised-phone.png' });
  });

  it('shows the citizen’s own rating comment back after rating', async () => {
    await step('handler', 'sign', () => ({}));
    await step('handler', 'reply', () => ({ result: 'resolved', text: '已督促商户安装油烟净化器。' }));
    await step('supervisor', 'review_accept', () => ({}));
    await page.getByTestId('portal-refresh').click();
    const form = page.getByTestId('portal-rate-form');
    await form.getByRole('radio', { name: '基本满意', exact: true }).check();
    await form.getByRole('radio', { name: '已解决', exact: true }).check();
    await page.getByTestId('portal-rate-comment').fill('希望以后定期检查');
    await page.getByTestId('portal-rate-submit').click();
    await expect.poll(() => page.getByTestId('portal-rating-comment').innerText()).toContain('希望以后定期检查');
    await page.getByTestId('portal-rating').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/portal/portal-comment-phone.png' });
  });

  it('lists my appeals after the one-time code taken from the server log', async () => {
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-mine').click();
    await page.getByTestId('portal-my-phone').fill(CALLER_PHONE);
    await page.getByTestId('portal-my-send').click();
    await expect.poll(() => page.getByTestId('portal-my-sent').isVisible()).toBe(true);
    const line = logLines.findLast((l) => l.includes('LIANXIN_DEV_LOG_OTP'));
    const code = (JSON.parse(line!) as { devOtp: string }).devOtp;
    await page.getByTestId('portal-my-code').fill(code);
    await page.getByTestId('portal-my-verify').click();
    await expect.poll(() => page.getByTestId('portal-my-item').count()).toBe(1);
    expect(await page.getByTestId('portal-my-list').innerText()).toContain('楼下烧烤店油烟太大');
    await page.screenshot({ path: '/tmp/portal/portal-my-phone.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('portal-my-item').getByRole('button').click();
    await expect.poll(() => page.getByTestId('portal-stage').getAttribute('data-stage')).toBe('closed');
  });

  it('the sign-in page has no white frame around it', async () => {
    const desktop = await world.newPage();
    await desktop.goto(`${world.baseUrl}/login`);
    await expect.poll(() => desktop.getByTestId('login-username').isVisible()).toBe(true);
    expect(await desktop.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    await desktop.screenshot({ path: '/tmp/portal/login.png' });
    // The console's screens now load after sign-in: they still arrive.
    await world.login(desktop, 'dispatcher');
    await expect.poll(() => desktop.getByTestId('current-user').isVisible(), { timeout: 20_000 }).toBe(true);
    await desktop.close();
  });

  it('printed no errors to the browser console', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

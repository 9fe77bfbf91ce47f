import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/users/roles.js';
import { actorFromSession, login } from '../../src/users/auth.service.js';
import { transitionOrder } from '../../src/orders/order-transition.service.js';
import type { OrderAction, ActionPayload } from '../../src/orders/order-actions.schemas.js';
import { DEMO_PASSWORD, startBrowserWorld, type BrowserWorld, PHONE, PHONE_CONTEXT } from './harness.js';

// A real 1×1 PNG, so the photo preview renders without errors.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let world: BrowserWorld;
let page: Page;
let receipt: { orderNo: string; code: string };

/** A phone-sized page (the harness's pages are desktop-sized) that reports errors the same way. */
async function phonePage(): Promise<Page> {
  const context = await world.browser.newContext(PHONE_CONTEXT);
  const p = await context.newPage();
  p.on('console', (msg) => {
    if (msg.type() === 'error') world.consoleErrors.push(`${p.url()}: ${msg.text()}`);
  });
  p.on('pageerror', (err) => world.consoleErrors.push(`${p.url()}: ${err.message}`));
  return p;
}

async function demoActor(username: string): Promise<Actor> {
  const { token } = await login(world.runtime.deps, username, DEMO_PASSWORD);
  const actor = await actorFromSession(world.runtime.deps, token);
  if (!actor) throw new Error(`no session for ${username}`);
  return actor;
}

async function step<A extends OrderAction>(orderNo: string, actor: Actor, action: A, payload: ActionPayload<A>) {
  const db = world.runtime.deps.db;
  const order = await db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();
  return transitionOrder(world.runtime.deps, { orderId: order.id, action, version: order.version, payload, actor });
}

/** Fits the phone: nothing wider than the screen, so no sideways scrolling. */
const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  world = await startBrowserWorld();
  page = await phonePage();
});
afterAll(async () => {
  await world?.close();
});

describe('citizen portal journey (phone, 390×844)', () => {
  it('submits an appeal with a photo and gets a big order number and query code', async () => {
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-submit').click();
    await page.getByRole('radio', { name: '投诉', exact: true }).check();
    await page.getByTestId('portal-title').fill('小区门口路灯不亮');
    await page.getByTestId('portal-content').fill('小区南门的两盏路灯已经一周不亮了，晚上老人出门很不方便，请尽快修理。');
    await page.getByTestId('portal-address').fill('锡林浩特市宝力根街道某小区南门');
    await page.getByTestId('portal-name').fill('张桂兰');
    await page.getByTestId('portal-phone').fill('13847912345');
    await page.getByTestId('portal-confidential').check();
    await page.locator('input[type=file]').setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('.p-photo').count()).toBe(1);
    await world.screenshot(page, 'portal-submit-phone');
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('portal-submit').click();

    const orderNo = (await page.getByTestId('portal-order-no').innerText()).trim();
    const code = (await page.getByTestId('portal-query-code').innerText()).trim();
    expect(orderNo).toMatch(/^\d{10}$/);
    expect(code).toMatch(/^\d{6}$/);
    receipt = { orderNo, code };
    await world.screenshot(page, 'portal-receipt-phone');

    const order = await world.runtime.deps.db
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ channel: 'web', query_code: code, caller_confidential: true, state: 'accepted' });
    const photos = await world.runtime.deps.db.selectFrom('attachments').selectAll().where('order_id', '=', order.id).execute();
    expect(photos.map((p) => p.content_type)).toEqual(['image/png']);
  });

  it('looks the appeal up and sees the progress in plain words, the phone masked', async () => {
    await page.getByTestId('portal-view-progress').click();
    await expect.poll(() => page.getByTestId('portal-stage').getAttribute('data-stage')).toBe('received');
    const text = await page.getByTestId('portal-progress').innerText();
    expect(text).toContain('已收到');
    expect(text).toContain('诉求已受理');
    expect(text).toContain('138****2345');
    expect(text).not.toContain('13847912345');
    expect(text).toContain('您上传了 1 张照片');
    // The photo itself, fetched with the number + code, decoded by the browser.
    await expect
      .poll(() => page.locator('[data-testid=portal-photos] img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1);

    // A fresh visit looks it up by typing the two numbers.
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-lookup').click();
    await page.getByTestId('portal-lookup-no').fill(receipt.orderNo);
    await page.getByTestId('portal-lookup-code').fill(receipt.code);
    await page.getByTestId('portal-lookup-submit').click();
    await expect.poll(() => page.getByTestId('portal-stage').getAttribute('data-stage')).toBe('received');
    await world.screenshot(page, 'portal-progress-phone');
  });

  it('follows the order through the units to the return visit, then the citizen rates it', async () => {
    const [dispatcher, handler, supervisor] = await Promise.all([
      demoActor('dispatcher'),
      demoActor('handler'),
      demoActor('supervisor'),
    ]);
    await step(receipt.orderNo, dispatcher, 'dispatch', { leadUnitId: handler.unitId! });
    await step(receipt.orderNo, handler, 'sign', {});
    await step(receipt.orderNo, handler, 'record_contact', { method: 'phone', summary: '与张女士电话沟通，约定周五维修' });
    await step(receipt.orderNo, handler, 'reply', { result: 'resolved', text: '南门两盏路灯已更换灯泡，恢复照明。' });
    await step(receipt.orderNo, supervisor, 'review_accept', {});

    await page.getByTestId('portal-refresh').click();
    await expect.poll(() => page.getByTestId('portal-stage').getAttribute('data-stage')).toBe('awaiting_rating');
    const text = await page.getByTestId('portal-progress').innerText();
    expect(text).toContain('南门两盏路灯已更换灯泡，恢复照明。');
    expect(text).toContain('工作人员已与您联系');
    expect(text).not.toContain('约定周五维修');
    expect(text).not.toContain(handler.label);
    await world.screenshot(page, 'portal-reply-phone');

    const form = page.getByTestId('portal-rate-form');
    await form.getByRole('radio', { name: '满意', exact: true }).check();
    await form.getByRole('radio', { name: '已解决', exact: true }).check();
    await page.getByTestId('portal-rate-comment').fill('修得很快，谢谢！');
    await page.getByTestId('portal-rate-submit').click();
    await expect.poll(() => page.getByTestId('portal-stage').getAttribute('data-stage')).toBe('closed');
    expect(await page.getByTestId('portal-rating').innerText()).toContain('满意');
    await world.screenshot(page, 'portal-rated-phone');

    const order = await world.runtime.deps.db
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', receipt.orderNo)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ state: 'closed', satisfaction: 'satisfied', resolved: true });
    const visit = await world.runtime.deps.db
      .selectFrom('return_visits')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ method: 'web', note: '修得很快，谢谢！' });
  });

  it('large-text, high-contrast mode: bigger text and targets, still fits the phone, remembered', async () => {
    const before = await page.getByTestId('portal-stage').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.getByTestId('portal-large-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('portal-large'))).toBe(true);
    const after = await page.getByTestId('portal-stage').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThanOrEqual(30);
    expect(after).toBeGreaterThan(before);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await world.screenshot(page, 'portal-large-progress-phone');

    await page.goto(`${world.baseUrl}/portal`);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('portal-large'))).toBe(true);
    const button = await page.getByTestId('portal-go-submit').boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(80);
    const bodyText = await page.getByTestId('portal-lead').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(bodyText).toBeGreaterThanOrEqual(22);
    const header = await page.locator('.portal-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe('rgb(0, 0, 0)');
    await page.getByTestId('portal-go-submit').click();
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await world.screenshot(page, 'portal-large-submit-phone');
  });

  it('switches to English and back', async () => {
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-lang').click();
    await expect.poll(() => page.getByTestId('portal-go-submit').innerText()).toBe('Report a problem');
    await world.screenshot(page, 'portal-home-en-phone');
    await page.getByTestId('portal-lang').click();
    await expect.poll(() => page.getByTestId('portal-go-submit').innerText()).toBe('我要反映问题');
  });

  it('also works on a desktop screen', async () => {
    const desktop = await world.newPage();
    await desktop.goto(`${world.baseUrl}/portal`);
    await expect.poll(() => desktop.getByTestId('portal-go-submit').isVisible()).toBe(true);
    await world.screenshot(desktop, 'portal-home-desktop');
    await desktop.getByTestId('portal-go-lookup').click();
    await desktop.getByTestId('portal-lookup-no').fill(receipt.orderNo);
    await desktop.getByTestId('portal-lookup-code').fill(receipt.code);
    await desktop.getByTestId('portal-lookup-submit').click();
    await expect.poll(() => desktop.getByTestId('portal-stage').getAttribute('data-stage')).toBe('closed');
    await world.screenshot(desktop, 'portal-closed-desktop');
    await desktop.close();
  });

  it('printed no errors to the browser console', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

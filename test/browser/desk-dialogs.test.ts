import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { acceptOrder } from '../../src/orders/order-intake.service.js';
import { transitionOrder } from '../../src/orders/order-transition.service.js';
import type { ActionPayload, OrderAction } from '../../src/orders/order-actions.schemas.js';
import type { Order } from '../../src/db/schema.js';
import { actorFromSession, login } from '../../src/users/auth.service.js';
import type { Actor } from '../../src/users/roles.js';
import { DEMO_PASSWORD, startBrowserWorld, type BrowserWorld } from './harness.js';
import { pickRadio, submitAction } from './console-helpers.js';
import { DEMO_RECORDING_URL, DEMO_SAVED_FILTERS } from '../../src/demo/demo-desk.data.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const HANDLER_UNIT = '锡林浩特市住房和城乡建设局';
const CTI_TOKEN = 'cti-browser-desk-dialogs-0123456';
const RECORDING = 'https://cti.example.org/rec/browser-desk-1.wav'; // only an address: nothing fetches it
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/deskdialogs-${name}.png`, fullPage: true });

/**
 * Issue 13's desk tools in the supervisor's dialogs: `::` inserts a text module in the review and
 * the 回访 dialog (the reply dialog is covered in agent-tools.test.ts), and the recording of the
 * call an order was taken on shows in the 回访 panel.
 */
describe.skipIf(!hasChromium)('desk tools in the review and visit dialogs', () => {
  let world: BrowserWorld;
  let order: Order;

  async function demoActor(username: string): Promise<Actor> {
    const { token } = await login(world.runtime.deps, username, DEMO_PASSWORD);
    const actor = await actorFromSession(world.runtime.deps, token);
    if (!actor) throw new Error(`no session for ${username}`);
    return actor;
  }
  const step = async <A extends OrderAction>(actor: Actor, action: A, payload: ActionPayload<A>) =>
    (order = await transitionOrder(world.runtime.deps, { orderId: order.id, action, version: order.version, payload, actor }));
  const cti = (url: string, body: object) =>
    fetch(`${world.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CTI_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const signedIn = (username: string) => world.signedIn(username);

  /** Types `::` and the keyword in a dialog's field, takes the single offer with Enter, returns the text. */
  async function insertModule(page: Page, field: string, keyword: string, before = '') {
    const input = page.getByTestId(field);
    await input.click();
    await page.keyboard.type(`${before}::${keyword}`);
    const popup = page.getByTestId('text-module-popup');
    await popup.getByTestId(`text-module-${keyword}`).waitFor();
    expect(await popup.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'detached' });
    return input.inputValue();
  }

  beforeAll(async () => {
    world = await startBrowserWorld({ env: { LIANXIN_CTI_TOKEN: CTI_TOKEN } });
    const db = world.runtime.deps.db;
    const unit = await db.selectFrom('units').select('id').where('name', '=', HANDLER_UNIT).executeTakeFirstOrThrow();
    order = await acceptOrder(world.runtime.deps, await demoActor('operator'), {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '浏览器测试：小区路灯不亮',
      content: '阳光小区东门路灯坏了两周。',
      callerName: '李桂兰',
      callerPhone: '13900002222',
    });
    const handler = await demoActor('handler');
    await step(await demoActor('dispatcher'), 'dispatch', { leadUnitId: unit.id });
    await step(handler, 'sign', {});
    await step(handler, 'record_contact', { method: 'phone', summary: '已电话联系市民。' });
    await step(handler, 'reply', { result: 'resolved', text: '已更换东门路灯灯泡，照明恢复。' });
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  it('typing :: in the review dialog inserts the filled module into its note', async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/review`);
    await page.getByTestId(`review-open-${order.order_no}`).click();
    await page.getByTestId('review-accept').click();
    await page.getByTestId('action-form-review_accept').waitFor();
    // The review dialog offers the modules scoped to 审核 (the demo's 回访 script is kept for the visit dialog).
    const value = await insertModule(page, 'field-note', 'buchong', '审核通过。');
    expect(value).toBe(
      `审核通过。答复未写明现场核实情况和整改结果，请${HANDLER_UNIT}补充上门核实时间、处理措施和市民意见后重新答复。`,
    );
    // Enter inserted the module; the dialog is still open.
    expect(await page.getByTestId('action-form-review_accept').isVisible()).toBe(true);
    await shot(page, 'review');
    await submitAction(page, 'review_accept');
    await page.close();
  });

  it('the 回访 panel shows the recording of the call, and :: inserts a module in the visit dialog', async () => {
    const offered = await cti('/api/calls', {
      callId: 'BROWSER-DESK-1',
      event: 'ended',
      offeredAt: new Date(Date.now() - 300_000).toISOString(),
      answeredAt: new Date(Date.now() - 290_000).toISOString(),
      at: new Date().toISOString(),
      callerNumber: '13900002222',
      operator: 'operator',
      recordingUrl: RECORDING,
    });
    expect(offered.status).toBe(200);
    const call = (await offered.json()) as { id: number };
    expect((await cti(`/api/calls/${call.id}/link`, { orderId: order.id })).status).toBe(200);

    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/visits`);
    await page.getByTestId(`visit-open-${order.order_no}`).click();
    const recording = page.getByTestId('visit-recordings').getByTestId('call-recording');
    await recording.waitFor();
    expect(await recording.getAttribute('href')).toBe(RECORDING);
    // On a line of its own, above the panel's buttons (not squeezed beside them).
    const recordingBox = (await page.getByTestId('visit-recordings').boundingBox())!;
    const buttonBox = (await page.getByTestId('visit-close').boundingBox())!;
    expect(recordingBox.y + recordingBox.height).toBeLessThanOrEqual(buttonBox.y);
    await shot(page, 'visit-panel');

    await page.getByTestId('visit-close').click();
    await pickRadio(page, 'field-satisfaction', '满意');
    await pickRadio(page, 'field-resolved', '已解决');
    const value = await insertModule(page, 'field-note', 'huifang');
    expect(value).toContain(`就工单 ${order.order_no} 的办理情况回访`);
    expect(value).not.toContain('::');
    await shot(page, 'visit-dialog');
    await submitAction(page, 'visit_close');
    await page.getByTestId(`visit-open-${order.order_no}`).waitFor({ state: 'detached' });
    await page.close();
    expect(world.consoleErrors).toEqual([]);
  });

  it("the demo's saved filters wait in the handler's inbox and the dispatcher's queue", async () => {
    const places = { handler: ['/unit', 'unit-list-toSign'], dispatcher: ['/dispatch', 'dispatch-list-toDispatch'] };
    for (const f of DEMO_SAVED_FILTERS) {
      const [path, list] = places[f.username as keyof typeof places];
      const page = await signedIn(f.username);
      await page.goto(`${world.baseUrl}${path}`);
      await page.getByTestId(`${list}-saved`).click();
      await page.getByTestId(`${list}-saved-${f.name}`).click();
      if (f.query.q) await expect.poll(() => page.getByTestId(`${list}-keyword`).locator('input').inputValue()).toBe(f.query.q);
      if (f.query.warning) await page.getByTestId(`${list}-warning`).getByText('黄灯').waitFor();
      await shot(page, `saved-${f.username}`);
      await page.close();
    }
    expect(world.consoleErrors).toEqual([]);
  });

  it("the demo's recorded call shows on its order's page", async () => {
    const link = await world.runtime.deps.db
      .selectFrom('call_order_links')
      .innerJoin('calls', 'calls.id', 'call_order_links.call_id')
      .select('call_order_links.order_id')
      .where('calls.recording_url', '=', DEMO_RECORDING_URL)
      .executeTakeFirstOrThrow();
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/orders/${link.order_id}`);
    const recording = page.getByTestId('order-calls').getByTestId('call-recording');
    await recording.waitFor();
    expect(await recording.getAttribute('href')).toBe(DEMO_RECORDING_URL);
    await shot(page, 'demo-call');
    await page.close();
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { acceptOrder } from '../../src/orders/order-intake.service.js';
import { transitionOrder } from '../../src/orders/order-transition.service.js';
import type { ActionPayload, OrderAction } from '../../src/orders/order-actions.schemas.js';
import type { Order } from '../../src/db/schema.js';
import { actorFromSession, login } from '../../src/users/auth.service.js';
import type { Actor } from '../../src/users/roles.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { DEMO_PASSWORD, startBrowserWorld, type BrowserWorld } from './harness.js';
import { pickRadio } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const HANDLER_UNIT = '锡林浩特市住房和城乡建设局';
const HANDLER_NAME = '承办人 张志强';
const DISPATCHER_NAME = '派单员 李建国';
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/agenttools-${name}.png`, fullPage: true });

/**
 * Agent tools in Chromium: `::` inserts a filled text module in the reply dialog, an internal note's
 * @mention reaches the other user's bell, and two people on one order each see the other.
 */
describe.skipIf(!hasChromium)('agent tools', () => {
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

  const signedIn = (username: string) => world.signedIn(username);

  beforeAll(async () => {
    world = await startBrowserWorld();
    const db = world.runtime.deps.db;
    const unit = await db.selectFrom('units').select('id').where('name', '=', HANDLER_UNIT).executeTakeFirstOrThrow();
    order = await acceptOrder(world.runtime.deps, await demoActor('operator'), {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '浏览器测试：楼道灯不亮',
      content: '三号楼二单元楼道灯坏了一个月。',
      callerName: '王秀英',
      callerPhone: '13912345678',
    });
    await step(await demoActor('dispatcher'), 'dispatch', { leadUnitId: unit.id });
    await step(await demoActor('handler'), 'sign', {});
  });
  afterAll(async () => {
    await world?.close();
  });

  it('typing :: in the reply dialog offers the modules and Enter inserts the filled text', async () => {
    const page = await signedIn('handler');
    await page.goto(`${world.baseUrl}/orders/${order.id}`);
    await page.getByTestId('action-reply').click();
    await pickRadio(page, 'field-result', '已解决');
    const text = page.getByTestId('field-text');
    await text.click();
    await page.keyboard.type('您好。::');
    const popup = page.getByTestId('text-module-popup');
    await popup.getByTestId('text-module-banjie').waitFor();
    // The reply dialog offers reply and unlimited modules, not the 回访 or 审核 ones (ADR 0141).
    expect(await popup.getByTestId('text-module-shouli').count()).toBe(1);
    expect(await popup.getByTestId('text-module-huifang').count()).toBe(0);
    expect(await popup.getByTestId('text-module-buchong').count()).toBe(0);
    await page.keyboard.type('ban');
    await expect.poll(() => popup.getByRole('option').count()).toBe(1);
    expect(await popup.getByRole('option').count()).toBe(1);
    await shot(page, 'popup');
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'detached' });
    const value = await text.inputValue();
    expect(value).toMatch(/^您好。王\*\*您好，关于您反映的“浏览器测试：楼道灯不亮”/);
    expect(value).toContain(order.order_no);
    expect(value).toContain(HANDLER_UNIT);
    expect(value).not.toContain('::');
    // The dialog is still open (Enter inserted, it did not submit).
    expect(await page.getByTestId('action-form-reply').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('a note with @mention shows in the bell of the mentioned user and leads to the order', async () => {
    const dispatcher = await signedIn('dispatcher');
    await dispatcher.goto(`${world.baseUrl}/orders/${order.id}`);
    const note = dispatcher.getByTestId('note-text');
    await note.click();
    await dispatcher.keyboard.type('@张志');
    await dispatcher.getByTestId(`mention-option-${HANDLER_NAME}`).click();
    await dispatcher.keyboard.type('请今天联系市民，浏览器测试备注');
    await dispatcher.getByTestId('note-submit').click();
    await dispatcher.getByText('已通知 1 人').waitFor();
    await dispatcher.getByText('请今天联系市民，浏览器测试备注').first().waitFor(); // on the timeline
    await drainOutbox(
      { ...world.runtime.deps, config: loadConfig({}), settings: domainSettings(loadConfig({})), log: () => {} },
      {
        handlers: outboxHandlers,
        batchSize: 50,
      },
    );

    const handler = await signedIn('handler');
    await handler.getByTestId('mention-bell').click();
    const item = handler.getByTestId('mention-item').filter({ hasText: order.order_no });
    await item.waitFor();
    expect(await item.textContent()).toContain(DISPATCHER_NAME);
    await shot(handler, 'bell');
    await item.click();
    await handler.waitForURL(`**/orders/${order.id}`);
    await dispatcher.close();
    await handler.close();
  });

  it('a typed @name (no picker) notifies, and a name that fits nobody is named in a warning', async () => {
    const dispatcher = await signedIn('dispatcher');
    await dispatcher.goto(`${world.baseUrl}/orders/${order.id}`);
    const note = dispatcher.getByTestId('note-text');
    await note.click();
    await dispatcher.keyboard.type('@张志强 ');
    await dispatcher.keyboard.press('Escape');
    await dispatcher.keyboard.type('请今天回电，@王不存在 也看看。打字提及测试');
    await dispatcher.getByTestId('note-submit').click();
    await dispatcher.getByText('已通知 1 人').waitFor();
    const warning = dispatcher.getByTestId('note-unresolved');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('@王不存在');
    await shot(dispatcher, 'typed-mention');
    await dispatcher.close();
  });

  it('the admin adds a module, is told which variable is unknown, and deactivates it', async () => {
    const page = await signedIn('admin');
    await page.goto(`${world.baseUrl}/admin/text-modules`);
    await page.getByTestId('modules-table').getByText('::shouli').waitFor();
    await page.getByTestId('module-add').click();
    await page.getByTestId('module-name').fill('测试模块');
    await page.getByTestId('module-keyword').fill('ceshi');
    await page.getByTestId('module-body').fill('{{citizen.phone}} 您好');
    const before = world.consoleErrors.length;
    await page.getByTestId('module-save').click();
    await page
      .getByTestId('module-form')
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '{{citizen.phone}}' })
      .waitFor();
    expect(world.consoleErrors.splice(before)).toEqual([expect.stringContaining('400')]);
    await page.getByTestId('module-body').fill('{{citizen.name}} 您好，工单 {{order.number}}');
    await page.getByTestId('module-dialogs').getByText('回访').click();
    await page.getByTestId('module-save').click();
    await page.getByTestId('modules-table').getByText('::ceshi').waitFor();
    expect(await page.getByTestId('modules-table').locator('tr', { hasText: '::ceshi' }).textContent()).toContain('回访');
    await page.getByTestId('module-toggle-ceshi').click();
    await page.getByTestId('modules-table').locator('tr', { hasText: '::ceshi' }).getByText('已停用').waitFor();
    await shot(page, 'admin');
    await page.close();
  });

  it('two people on one order each see the other', async () => {
    const handler = await signedIn('handler');
    await handler.goto(`${world.baseUrl}/orders/${order.id}`);
    await handler.getByTestId('order-no').waitFor();
    const dispatcher = await signedIn('dispatcher');
    await dispatcher.goto(`${world.baseUrl}/orders/${order.id}`);
    const seenByDispatcher = dispatcher.getByTestId('presence-banner');
    await seenByDispatcher.waitFor();
    expect(await seenByDispatcher.textContent()).toContain(`另一位同事（${HANDLER_NAME}`);
    const seenByHandler = handler.getByTestId('presence-banner');
    await seenByHandler.waitFor({ timeout: 20_000 }); // the next heartbeat, ≤ 10 s
    expect(await seenByHandler.textContent()).toContain(DISPATCHER_NAME);
    await shot(dispatcher, 'presence');
    // Leaving the page tells the others at once.
    await dispatcher.goto(`${world.baseUrl}/orders`);
    await seenByHandler.waitFor({ state: 'detached', timeout: 20_000 });
    await dispatcher.close();
    await handler.close();
    expect(world.consoleErrors).toEqual([]);
  });
});

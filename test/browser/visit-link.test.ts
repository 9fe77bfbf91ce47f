import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenEventHandler, citizenSendHandler } from '../../src/notifications/citizen-notice.handlers.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { workerDeps } from '../helpers/worker.js';
import { startBrowserWorld, type BrowserWorld, PHONE, PHONE_CONTEXT } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const LINK = /\/portal\/v\/([A-Za-z0-9_-]{22})/;

/**
 * Return visits by SMS link (issue 16, ADR 0202): the 回访 desk sends the link instead of calling, the
 * citizen opens it on a 390×844 phone and rates, and the desk sees it answered. No SMS gateway: the
 * notice is held on the staff outbox page, whose text carries the link.
 */
describe.skipIf(!hasChromium)('return visit by SMS link', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });
  const db = () => world.runtime.deps.db;

  /** Of the call list's rows, an order whose caller may get a link (a mobile, not confidential, none sent yet). */
  async function linkable(page: Page) {
    const ids = await page
      .getByTestId('visit-list')
      .locator('[data-testid^="visit-open-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('visit-open-', '')));
    const rows = await db()
      .selectFrom('orders')
      .select(['id', 'order_no', 'state', 'caller_phone', 'caller_confidential'])
      .where('order_no', 'in', ids)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('visit_links as l').select('l.id').whereRef('l.order_id', '=', 'orders.id'))),
      )
      .execute();
    // 待回访 first (the sampled 直办 orders follow them in the list).
    const ok = rows.filter((r) => !r.caller_confidential && /^1\d{10}$/.test(r.caller_phone ?? ''));
    return ok.find((r) => r.state === 'visiting') ?? ok[0]!;
  }

  /** The link in the order's notice, once the worker's citizen-notice steps have run. */
  async function tokenOf(orderId: string): Promise<string> {
    await drainOutbox(workerDeps(world.runtime.deps), { handlers: [citizenEventHandler, citizenSendHandler] });
    const notice = await db()
      .selectFrom('citizen_notices')
      .select(['body', 'status'])
      .where('order_id', '=', orderId)
      .where('event', '=', 'visit_invite')
      .executeTakeFirstOrThrow();
    // Held (no gateway), or still queued for the end of the quiet hours: its text carries the link either way.
    expect(['held', 'queued']).toContain(notice.status);
    return LINK.exec(notice.body)![1]!;
  }

  it('the desk sends the link, the citizen rates on a phone, the desk sees it answered', async () => {
    const staff = await world.signedIn('supervisor');
    await staff.goto(`${world.baseUrl}/visits`);
    // The demo's links: waiting, answered, and one unanswered and back for a phone call.
    const links = staff.getByTestId('visit-links');
    await links.locator('[data-state="sent"]').first().waitFor();
    await links.locator('[data-state="answered"]').first().waitFor();
    await links.locator('[data-state="fell_back"]').first().waitFor();

    const list = staff.getByTestId('visit-list');
    await list.locator('[data-testid^="visit-open-"]').first().waitFor();
    const order = await linkable(staff);
    await staff.getByTestId(`visit-open-${order.order_no}`).click();
    await staff.getByTestId('visit-panel').waitFor();
    await staff.getByTestId('visit-send-link').click();
    await staff.getByText('回访短信已发送').waitFor();
    await expect.poll(() => list.getByTestId(`visit-link-state-${order.order_no}`).getAttribute('data-state')).toBe('sent');
    expect(await staff.getByTestId('visit-send-link').isDisabled()).toBe(true);
    await world.screenshot(staff, 'visit-link-sent');
    const token = await tokenOf(order.id);

    const context = await world.browser.newContext(PHONE_CONTEXT);
    const phone: Page = await context.newPage();
    phone.on('pageerror', (err) => world.consoleErrors.push(`${phone.url()}: ${err.message}`));
    await phone.goto(`${world.baseUrl}/portal/v/${token}`);
    await expect.poll(() => phone.getByTestId('visit-link-order').innerText()).toBe(order.order_no);
    expect(await phone.getByTestId('visit-link-reply').innerText()).not.toBe('');
    expect(await phone.locator('body').innerText()).not.toContain(order.caller_phone!);
    // zh-CN first; the English switch reads the same page.
    await phone.getByTestId('portal-lang').click();
    await phone.getByRole('heading', { name: 'Rate the handling' }).waitFor();
    await phone.getByTestId('portal-lang').click();
    await phone.getByRole('heading', { name: '回访评价' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await world.screenshot(phone, 'visit-link-phone');

    const form = phone.getByTestId('portal-rate-form');
    await form.getByRole('radio', { name: '满意', exact: true }).check();
    await form.getByRole('radio', { name: '已解决', exact: true }).check();
    await phone.getByTestId('portal-rate-comment').fill('回访短信很方便');
    await phone.getByTestId('portal-rate-submit').click();
    await expect.poll(() => phone.getByTestId('visit-link-stage').innerText()).toBe('已办结');
    await world.screenshot(phone, 'visit-link-thanks-phone');
    const visit = await db().selectFrom('return_visits').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ method: 'sms_link', satisfaction: 'satisfied', resolved: true, note: '回访短信很方便' });

    // The link works once.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('visit-link-error').innerText()).toContain('已经用过');
    await context.close();

    // The desk: the order has left the call list; its link reads 已通过短信评价.
    await staff.reload();
    await expect.poll(() => links.getByTestId(`visit-link-state-${order.order_no}`).getAttribute('data-state')).toBe('answered');
    await expect.poll(() => staff.getByTestId(`visit-open-${order.order_no}`).count()).toBe(0);
    await world.screenshot(staff, 'visit-link-answered');
    await staff.close();
    expect(world.consoleErrors).toEqual([]);
  });
});

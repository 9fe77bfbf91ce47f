import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startBrowserWorld, type BrowserWorld } from './harness.js';
import { forwardDown, pickRadio, replyResolved, submitAction, timelineActions } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const TITLE = '希日塔拉街道小区门口路灯不亮';
const STREET = '锡林浩特市希日塔拉街道';

/**
 * Forwarding down the tree (下派, issue 14) in Chromium with the demo accounts: 锡林浩特市人民政府's
 * countyadmin forwards an order to a street office, the street's townhandler signs for it and replies,
 * countyadmin accepts the reply and replies up to the centre. The chain and every hop show on the page.
 */
describe.skipIf(!hasChromium)('forwarding journey', () => {
  let world: BrowserWorld;
  let order: { id: string; orderNo: string };

  beforeAll(async () => {
    world = await startBrowserWorld();
    const login = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dispatcher', password: DEMO_PASSWORD },
    });
    const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')?.value ?? ''}`;
    const list = await world.app.inject({
      method: 'GET',
      url: `/api/orders?q=${encodeURIComponent(TITLE)}`,
      headers: { cookie },
    });
    order = (list.json().items as { id: string; orderNo: string; state: string }[]).find((o) => o.state === 'handling')!;
    expect(order).toBeDefined();
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username, { width: 1280, height: 800 });
  const shot = (page: Page, name: string) => world.screenshot(page, `forwarding-${name}`);

  it('countyadmin forwards the order to a street office with a note and a deadline inside its own', async () => {
    const page = await signedIn('countyadmin');
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.getByTestId('forward-inbox').waitFor();
    await shot(page, 'county-inbox');
    await page.goto(`${world.baseUrl}/orders/${order.id}`);
    await page.getByTestId('forward-chain').waitFor();
    await expect.poll(() => page.getByTestId('forward-holder').innerText()).toBe('锡林浩特市人民政府');
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
    // Only the county's departments and towns are offered, never another county's units nor the
    // street's village committees (their names hold '希日塔拉' too).
    await forwardDown(
      page,
      {
        typed: '希日塔拉',
        offered: `${STREET}（苏木乡镇/街道）`,
        instructions: '请街道到现场核实路灯损坏情况并答复',
        deadline: `${tomorrow} 18:00:00`,
      },
      () => shot(page, 'forward-dialog'),
    );
    await page.getByTestId('hop-1-pending').waitFor();
    await expect.poll(() => page.getByTestId('forward-holder').innerText()).toBe(STREET);
    expect(await page.getByTestId('hop-due-1').innerText()).toBe(`${tomorrow} 18:00`);
    const forwarded = page.locator('[data-testid=timeline-event][data-action=forward]');
    await expect.poll(() => forwarded.innerText()).toContain(`锡林浩特市人民政府 → ${STREET}`);
    await shot(page, 'forwarded');
    await page.close();
  });

  it('townhandler signs for it in the unit inbox and replies to the forwarding unit', async () => {
    const page = await signedIn('townhandler');
    await page.getByTestId('forward-inbox-incoming').waitFor();
    await page.getByTestId(`forward-quick-hop_sign-${order.orderNo}`).click();
    await submitAction(page, 'hop_sign');
    await page.getByTestId(`forward-quick-hop_reply-${order.orderNo}`).click();
    await pickRadio(page, 'field-result', '已解决');
    await page.getByTestId('field-text').fill('街道已联系供电维修，三盏路灯已更换，照明恢复。');
    await submitAction(page, 'hop_reply');
    await page.goto(`${world.baseUrl}/orders/${order.id}`);
    await page.getByTestId('hop-1-replied').waitFor();
    await expect.poll(() => page.getByTestId('forward-holder').innerText()).toBe('锡林浩特市人民政府');
    await shot(page, 'street-replied');
    await page.close();
  });

  it('countyadmin accepts the reply and replies up to the centre', async () => {
    const page = await signedIn('countyadmin');
    await page.getByTestId('forward-tab-toAccept').click();
    await page.getByTestId(`forward-quick-hop_accept-${order.orderNo}`).click();
    await submitAction(page, 'hop_accept');
    await page.goto(`${world.baseUrl}/orders/${order.id}`);
    await page.getByTestId('hop-1-accepted').waitFor();
    await replyResolved(page, 'reply', '经希日塔拉街道办理，路灯已修复。');
    await expect
      .poll(async () => (await timelineActions(page)).slice(-5))
      .toEqual(['forward', 'hop_sign', 'hop_reply', 'hop_accept', 'reply']);
    await shot(page, 'replied-up');
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { startBrowserWorld, type BrowserWorld } from './harness.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * The system administrator's 接口客户端 screen (ADR 0180): register an outside system, see its key once,
 * the system submits an appeal through Open311 with it (a real HTTP request), the key is revoked on
 * the screen and the next submission is refused. Its 回调 (ADR 0182): a webhook to the server's own
 * receiver, the signing secret shown once, a test ping signed, sent and seen in the delivery log.
 */
describe.skipIf(!hasChromium)('API clients admin', () => {
  let world: BrowserWorld;
  let page: Page;
  let key = '';
  const shot = (name: string) => world.screenshot(page, `api-clients-${name}`);

  const submit = (apiKey: string) =>
    fetch(`${world.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({
        jurisdiction_id: 'xilingol',
        api_key: apiKey,
        service_code: 'C0101',
        address_string: '锡林浩特市某小区',
        description: '小区物业不打扫楼道。',
      }).toString(),
    });

  beforeAll(async () => {
    world = await startBrowserWorld();
    page = await world.signedIn('admin', { width: 1400, height: 900 });
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });

  it('lists the demo client and registers a new one; the key is shown once', async () => {
    await page.getByTestId('console-nav').getByText('接口客户端', { exact: true }).click();
    await page.waitForURL(/\/admin\/api-clients$/);
    await expect.poll(() => page.getByTestId('api-client-蒙速办（演示）').count()).toBe(1);
    await page.getByTestId('api-client-name').fill('网格化治理平台');
    await page.getByTestId('api-client-submit').click();
    const shown = page.getByTestId('api-key-shown');
    await expect.poll(async () => (await shown.count()) > 0 && (await shown.innerText())).toMatch(/^lx_[0-9a-f]{8}_/);
    key = (await shown.innerText()).trim();
    await shot('key-shown');
    await page.getByRole('button', { name: /OK|确/ }).click();
    await expect.poll(() => page.getByTestId('api-client-网格化治理平台').innerText()).toContain(`lx_${key.slice(3, 11)}_…`);
    expect(await page.getByTestId('api-clients-admin').innerText()).not.toContain(key);
  });

  it('the outside system submits with the key; revoked on the screen, the key is refused', async () => {
    const service = (await (await fetch(`${world.baseUrl}/open311/v2/services.json?jurisdiction_id=xilingol`)).json()) as {
      service_code: string;
      service_name: string;
    }[];
    const code = service.find((s) => s.service_name === '物业管理')!.service_code;
    const first = await fetch(`${world.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({
        api_key: key,
        service_code: code,
        address_string: '锡林浩特市某小区',
        description: '小区物业不打扫楼道。',
      }).toString(),
    });
    expect(first.status).toBe(200);
    const [receipt] = (await first.json()) as { service_request_id: string }[];
    expect(receipt!.service_request_id).toMatch(/^\d+$/);
    await page.reload();
    const row = page.getByTestId('api-client-网格化治理平台');
    await page.getByTestId(`revoke-key-${key.slice(3, 11)}`).click();
    // A key in use is revoked only after the confirmation.
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => row.innerText()).toContain('已停用');
    await shot('key-revoked');
    expect((await submit(key)).status).toBe(403);
    expect(world.consoleErrors).toEqual([]);
  });

  it('adds a webhook to the demo client, sees its secret once, sends a test ping and sees it delivered', async () => {
    const url = `${world.baseUrl}/api/webhooks/loopback`;
    await page.getByTestId('webhooks-蒙速办（演示）').click();
    const drawer = page.getByTestId('client-webhooks');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('/api/webhooks/loopback'); // the demo's own subscription
    await drawer.getByTestId('webhook-url').fill(url);
    await drawer.getByTestId('webhook-submit').click();
    const shown = page.getByTestId('webhook-secret-shown');
    await expect.poll(async () => (await shown.count()) > 0 && (await shown.innerText())).toMatch(/^whsec_[\w-]{43}/);
    const secret = (await shown.innerText()).trim();
    await shot('webhook-secret');
    await page.getByRole('button', { name: /OK|确/ }).click();
    const row = drawer.getByTestId(`webhook-${url}`);
    await row.waitFor();
    expect(await drawer.innerText()).not.toContain(secret);
    await row.getByTestId('webhook-ping').click();
    await drawer.getByTestId('webhook-deliveries').waitFor();
    // The worker's part, run here (the journey's server has no worker role): sign and send the ping.
    const config = loadConfig({});
    await drainOutbox(
      { ...world.runtime.deps, config, settings: domainSettings(config), log: () => {} },
      { handlers: outboxHandlers, topics: ['client.webhook'] },
    );
    const delivered = drawer.getByTestId('delivery-delivered-ping');
    await expect.poll(() => delivered.count(), { timeout: 15_000 }).toBe(1);
    expect(await delivered.innerText()).toContain('204');
    await shot('webhook-delivered');
    expect(world.consoleErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { apiSession, submitAction } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/**
 * 协办 and 阶段性答复 with the demo accounts (issue 14, ADRs 0120, 0121): the heating company's
 * assisthandler signs its task and writes its opinion; the lead handler reads it on the order page and
 * files a progress report; the citizen's progress page shows it.
 */
describe.skipIf(!hasChromium)('assisting units and progress reports', () => {
  let world: BrowserWorld;
  let order: { id: string; orderNo: string; code: string };
  const company = '锡林浩特市热力公司';

  beforeAll(async () => {
    world = await startBrowserWorld();
    const handlerUnit = (await (await apiSession(world, 'handler'))('GET', '/api/auth/me')).unitId as string;
    const companyUnit = (await (await apiSession(world, 'assisthandler'))('GET', '/api/auth/me')).unitId as string;
    const operator = await apiSession(world, 'operator');
    const o = await operator('POST', '/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 4,
      title: '额尔敦街道某小区整栋楼暖气不热',
      content: '整栋楼暖气不热，室温只有十四度，物业说是管网问题，请热力公司一起处理。',
      callerName: '李女士',
      callerPhone: '13700006666',
    });
    const dispatcher = await apiSession(world, 'dispatcher');
    const dispatched = await dispatcher('POST', `/api/orders/${o.id}/actions/dispatch`, {
      version: o.version,
      leadUnitId: handlerUnit,
      assistUnitIds: [companyUnit],
    });
    const handler = await apiSession(world, 'handler');
    await handler('POST', `/api/orders/${o.id}/actions/sign`, { version: dispatched.version });
    const row = await world.runtime.deps.db
      .selectFrom('orders')
      .select('query_code')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    order = { id: o.id, orderNo: o.orderNo, code: row.query_code };
  });
  afterAll(async () => {
    await world?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join('/tmp', `assist-${name}.png`), fullPage: true });

  it('the assisting unit signs its task in its inbox and writes its opinion', async () => {
    const page = await world.signedIn('assisthandler', { width: 1280, height: 800 });
    await page.goto(`${world.baseUrl}/unit`);
    await page.getByTestId('unit-tab-assist').click();
    const inbox = page.getByTestId('assist-inbox');
    await inbox.getByTestId(`assist-order-${order.orderNo}`).waitFor();
    // The demo's own heating appeals are there too, with their deadlines.
    expect(await inbox.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'inbox');
    await page.getByTestId(`assist-sign-${order.orderNo}-${company}`).click();
    await expect.poll(() => page.getByTestId(`assist-sign-${order.orderNo}-${company}`).count()).toBe(0);
    await page.getByTestId(`assist-opinion-${order.orderNo}-${company}`).click();
    await page
      .getByTestId('assist-opinion-text')
      .fill('经排查，该楼供热入口阀门开度不足，已调大并加装临时循环泵，室温预计明日回升至18度以上。');
    await page.getByTestId('assist-submit').click();
    await expect.poll(() => page.getByTestId(`assist-opinion-${order.orderNo}-${company}`).count()).toBe(0);
    await expect.poll(() => inbox.innerText()).toContain('已提交意见');
    await shot(page, 'inbox-submitted');
    await page.close();
  });

  it('the lead handler reads the opinion before replying and files a 阶段性答复 instead', async () => {
    const page = await world.signedIn('handler', { width: 1280, height: 900 });
    await page.goto(`${world.baseUrl}/orders/${order.id}`);
    const card = page.getByTestId('assist-card');
    await card.waitFor();
    await expect.poll(() => card.getByTestId(`assist-opinion-of-${company}`).innerText()).toContain('临时循环泵');
    expect(await card.getByTestId(`assist-state-${company}`).innerText()).toBe('已提交意见');
    // The deadline table names a task's clock with its unit (two assisting units: two rows told apart).
    await expect.poll(() => page.getByTestId('order-deadlines').innerText()).toContain(`协办意见（${company}）`);
    await shot(page, 'order-opinion');

    await page.getByTestId('action-progress_report').click();
    await page.getByTestId('field-progress').fill('已会同热力公司排查，入口阀门已调整，临时循环泵已安装。');
    await page.getByTestId('field-reason').fill('楼内主管道需整体更换，须等待材料和施工许可，预计两周。');
    await submitAction(page, 'progress_report');
    await expect.poll(() => page.getByTestId('order-timeline').innerText()).toContain('阶段性答复');
    // Still 办理中, and the final reply is still offered.
    await page.getByTestId('action-reply').waitFor();
    await shot(page, 'order-progress-report');
    await page.close();
  });

  it("shows the report on the citizen's progress page, with the next feedback date", async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${world.baseUrl}/portal`);
    await page.getByTestId('portal-go-lookup').click();
    await page.getByTestId('portal-lookup-no').fill(order.orderNo);
    await page.getByTestId('portal-lookup-code').fill(order.code);
    await page.getByTestId('portal-lookup-submit').click();
    const report = page.getByTestId('portal-progress-report');
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toContain('楼内主管道需整体更换');
    expect(text).toContain('下次反馈进展不晚于');
    expect(await page.getByTestId('portal-steps').innerText()).toContain('阶段性办理进展');
    await report.scrollIntoViewIfNeeded();
    await shot(page, 'portal');
    await page.close();
    expect(world.consoleErrors).toEqual([]);
  });
});

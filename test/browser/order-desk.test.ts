import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserWorld, type BrowserWorld } from './harness.js';
import { apiSession, pickTreeNode, submitAction, tinyPng } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** The orders desks in Chinese at 1280×720: words, not codes; the 督办看板; the order page's tools. */
describe.skipIf(!hasChromium)('order desk', () => {
  let world: BrowserWorld;
  let handlerUnit: { id: string; name: string };

  beforeAll(async () => {
    world = await startBrowserWorld();
    const handler = await apiSession(world, 'handler');
    const me = await handler('GET', '/api/auth/me');
    handlerUnit = { id: me.unitId as string, name: me.unitName as string };
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username, { width: 1280, height: 720 });
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join('/tmp', `order-desk-${name}.png`) });

  /** An order accepted by the operator, with the given title; `then` moves it on through the API. */
  async function order(title: string) {
    const operator = await apiSession(world, 'operator');
    return operator('POST', '/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title,
      content: `${title}：小区供暖不热，室温只有十二度，已经持续一周。`,
      callerName: '王先生',
      callerPhone: '13700004444',
    });
  }
  async function act(username: string, o: { id: string; version: number }, action: string, body: object = {}) {
    const send = await apiSession(world, username);
    return send('POST', `/api/orders/${o.id}/actions/${action.replace(/_/g, '-')}`, { version: o.version, ...body });
  }

  it('督办看板 for a dispatcher: no 领导盯办 tab and no refused request; the red list names the unit and links', async () => {
    const refused: string[] = [];
    const page = await signedIn('dispatcher');
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await page.goto(`${world.baseUrl}/supervision`);
    await page.getByTestId('SupervisionBoardPage').waitFor();
    await page.getByTestId('board-red').waitFor();
    await page.waitForLoadState('networkidle');
    expect(refused).toEqual([]);
    expect(await page.getByRole('tab', { name: '领导盯办' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('board-red').locator('th').allTextContents()).toContain('主办单位');
    // Each red row links to its order.
    const redRow = page.getByTestId('board-red').locator('.ant-table-row').first();
    await redRow.waitFor();
    expect(await redRow.locator('a').first().getAttribute('href')).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    await shot(page, 'board-dispatcher');
    await page.close();
  });

  it('time-limit defaults name the appeal types and the limits in words', async () => {
    const page = await signedIn('admin');
    await page.goto(`${world.baseUrl}/admin/timelimits`);
    await page.getByTestId('TimeLimitAdminPage').waitFor();
    await page.getByText('紧急件 1 小时内派单').waitFor();
    const text = await page.getByTestId('TimeLimitAdminPage').innerText();
    expect(text).not.toMatch(/\b(consult|complaint|report|hours|working_days)\b/);
    expect(text).toContain('1 小时');
    expect(text).not.toContain('办不成事 window');
    await shot(page, 'timelimits');
    await page.close();
  });

  it('the dispatch dialog shows the appeal; the dispatch event names the assisting unit; labels stay on one line', async () => {
    const o = await order('供暖温度不达标（派单对话框）');
    const page = await signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/orders/${o.id}`);
    await page.getByTestId('action-dispatch').click();
    await page.getByTestId('dispatch-appeal-text').getByText('室温只有十二度').waitFor();
    await page.locator('[data-testid=dispatch-suggestions], [data-testid=dispatch-no-suggestions]').first().waitFor();
    await shot(page, 'dispatch-dialog');
    await pickTreeNode(page, 'field-leadUnitId', handlerUnit.name);
    const units = (await (await apiSession(world, 'dispatcher'))('GET', '/api/units')).items as { name: string; kind: string }[];
    const assist =
      units.find((u) => u.kind === 'company')?.name ??
      units.find((u) => u.name !== handlerUnit.name && u.kind !== 'centre')!.name;
    await pickTreeNode(page, 'field-assistUnitIds', assist);
    await submitAction(page, 'dispatch');
    const event = page.locator('[data-testid=timeline-event][data-action=dispatch]');
    await expect.poll(() => event.innerText()).toContain(`协办单位: ${assist}`);
    const label = page.locator('.ant-descriptions-item-label', { hasText: '来电人' });
    const box = await label.boundingBox();
    expect(box!.height).toBeLessThan(40); // one line, not 来/电/人
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect((await label.boundingBox())!.height).toBeLessThan(40);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'order-page');
    await page.close();
  });

  it('同意并改派: approving a 退单 re-dispatches in one go', async () => {
    let o = await order('供暖退单改派');
    o = await act('dispatcher', o, 'dispatch', { leadUnitId: handlerUnit.id });
    o = await act('handler', o, 'request_return', { reason: '不属于本单位职责' });
    const page = await signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/orders/${o.id}`);
    await page.getByTestId('action-approve_return').click();
    await page.getByTestId('request-context').waitFor();
    await pickTreeNode(page, 'field-redispatchLeadUnitId', handlerUnit.name);
    await expect.poll(() => page.getByTestId('action-submit').innerText()).toContain('同意并改派');
    await page.locator('.ant-modal-title').click(); // closes the tree dropdown for the screenshot
    await shot(page, 'approve-redispatch');
    await submitAction(page, 'approve_return');
    await expect.poll(() => page.getByTestId('state-tag').first().getAttribute('data-state')).toBe('dispatched');
    await page.locator('[data-testid=timeline-event][data-action=approve_return]').waitFor();
    await page.close();
  });

  it('a 重办 order is tagged in the unit inbox; a requested deadline reads 新时限 on the timeline', async () => {
    let o = await order('供暖重办标记');
    o = await act('dispatcher', o, 'dispatch', { leadUnitId: handlerUnit.id });
    o = await act('handler', o, 'sign');
    o = await act('handler', o, 'record_contact', { method: 'phone', summary: '已电话联系' });
    o = await act('handler', o, 'reply', { result: 'resolved', text: '已调整供暖阀门' });
    o = await act('supervisor', o, 'review_accept');
    o = await act('supervisor', o, 'visit_rehandle', { resolved: false, reason: '群众反映仍不热' });
    const page = await signedIn('handler');
    await page.goto(`${world.baseUrl}/unit`);
    await page.getByTestId(`unit-tab-${o.state === 'dispatched' ? 'toSign' : 'handling'}`).click();
    const row = page.locator('tr', { hasText: o.orderNo });
    try {
      await row.getByTestId('rehandle-tag').waitFor();
    } finally {
      await shot(page, 'unit-inbox');
    }
    // The page shows times in the browser's zone (UTC under TZ=UTC).
    o = await act('handler', o, 'request_extension', { reason: '需更换管道', newDeadline: '2030-12-08T09:00:00.000Z' });
    await page.goto(`${world.baseUrl}/orders/${o.id}`);
    const ext = page.locator('[data-testid=timeline-event][data-action=request_extension]');
    await expect.poll(() => ext.innerText()).toContain('新时限 2030-12-08 09:00');
    expect(await ext.innerText()).not.toContain('newDeadline');
    await page.close();
  });

  it('a 重办 order is tagged in the review queue, the review panel and the 督办看板 deadline lists', async () => {
    let o = await order('供暖重办审核标记');
    o = await act('dispatcher', o, 'dispatch', { leadUnitId: handlerUnit.id });
    o = await act('handler', o, 'sign');
    o = await act('handler', o, 'record_contact', { method: 'phone', summary: '已电话联系' });
    o = await act('handler', o, 'reply', { result: 'resolved', text: '已调整供暖阀门' });
    o = await act('supervisor', o, 'review_accept');
    o = await act('supervisor', o, 'visit_rehandle', { resolved: false, reason: '群众反映仍不热' });
    if (o.state === 'dispatched') o = await act('handler', o, 'sign');
    o = await act('handler', o, 'record_contact', { method: 'phone', summary: '再次联系' });
    o = await act('handler', o, 'reply', { result: 'resolved', text: '已更换阀门' });
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/review`);
    const row = page.getByTestId('review-list').locator('tr', { hasText: o.orderNo });
    await row.getByTestId('rehandle-tag').waitFor();
    await page.getByTestId(`review-open-${o.orderNo}`).click();
    await page.getByTestId('review-panel').getByTestId('rehandle-tag').waitFor();
    // Its fact labels stay on one line beside the queue (诉求内容 wrapped 诉求内/容).
    const wrappedLabels = await page
      .getByTestId('review-panel')
      .locator('.ant-descriptions-item-label')
      .evaluateAll((labels) =>
        labels
          .filter((label) => {
            const text = document.createRange();
            text.selectNodeContents(label);
            return text.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(label).lineHeight);
          })
          .map((label) => label.textContent),
      );
    expect(wrappedLabels).toEqual([]);
    await shot(page, 'review-rehandled');

    // The board's red list shows the mark of a late order that came back (its API row says so).
    await page.route('**/api/orders?warning=red*', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { items: { rehandleCount: number }[] };
      if (body.items[0]) body.items[0].rehandleCount = 1;
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${world.baseUrl}/supervision`);
    const red = page.getByTestId('board-red');
    await red.locator('.ant-table-row').first().getByTestId('rehandle-tag').waitFor();
    expect(await red.getByTestId('rehandle-tag').count()).toBe(1);
    await page.close();
  });

  it('the reply dialog shows a picked image as a thumbnail', async () => {
    let o = await order('供暖答复附件');
    o = await act('dispatcher', o, 'dispatch', { leadUnitId: handlerUnit.id });
    o = await act('handler', o, 'sign');
    o = await act('handler', o, 'record_contact', { method: 'phone', summary: '已电话联系' });
    const page = await signedIn('handler');
    await page.goto(`${world.baseUrl}/orders/${o.id}`);
    await page.getByTestId('action-reply').click();
    const form = page.getByTestId('action-form-reply');
    await page.getByTestId('field-files').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: tinyPng() });
    await form.locator('.ant-upload-list-item-thumbnail img').waitFor();
    await shot(page, 'reply-upload');
    await page.close();
  });

  it('the header stays one line at 1280 for a unit handler with a long unit name', async () => {
    const page = await signedIn('handler');
    const user = page.getByTestId('current-user');
    await user.waitFor();
    const lineHeight = await user.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 22);
    expect((await user.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 2);
    const header = page.locator('.ant-layout-header');
    await shot(page, 'header-1280');
    const [scrollWidth, clientWidth] = await header.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
    expect(await user.getAttribute('title')).toContain('锡林浩特市住房和城乡建设局');
    await page.close();
  });
});

import fs from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSitePhoto } from '../../src/demo/demo-verification.data.js';
import { DEMO_PASSWORD, PHONE_CONTEXT, startBrowserWorld, type BrowserWorld } from './harness.js';

// Issue 18, the grid desk on a 360×640 phone: the demo grid worker sees the nearly due task of
// 希日塔拉街道's grid, answers it on site with a photo and the browser's GPS (set by the test), and
// reports an issue with a photo and a video; the 联户长 sees only 上报, and without location access
// is told so; the dispatcher sees the verification result on the order's timeline.
const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const SMALL_PHONE = { width: 360, height: 640 };
const TASK_TITLE = '团结小区3号楼楼道堆放杂物';
// A few bytes of an MP4 (ftyp box, brand isom): what the server recognises a video by.
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(400, 1)]);

describe.skipIf(!hasChromium)('grid worker desk (issue 18)', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 240_000);
  afterAll(async () => {
    await world?.close();
  });
  const db = () => world.runtime.deps.db;

  async function phone(username: string, options: BrowserContextOptions): Promise<Page> {
    const context = await world.browser.newContext({ ...PHONE_CONTEXT, viewport: SMALL_PHONE, ...options });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') world.consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => world.consoleErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${world.baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/grid');
    return page;
  }
  /** Nothing wider than the phone: no sideways scrolling at 360 px. */
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('the grid worker answers the nearly due task on site with a photo and GPS, then reports an issue', async () => {
    const task = await db()
      .selectFrom('verification_tasks as t')
      .innerJoin('orders as o', 'o.id', 't.order_id')
      .select(['t.id', 'o.id as order_id', 'o.order_no', 'o.lat', 'o.lng'])
      .where('o.title', '=', TASK_TITLE)
      .executeTakeFirstOrThrow();
    // The phone stands 20 m north of the appeal's point.
    const page = await phone('gridworker', {
      geolocation: { latitude: task.lat! + 0.00018, longitude: task.lng!, accuracy: 8 },
      permissions: ['geolocation'],
    });
    const card = page.getByTestId(`grid-task-${task.order_no}`);
    await card.waitFor();
    await expect.poll(() => card.getByTestId('grid-task-clock').innerText()).toMatch(/剩余 \d+ 分钟/);
    expect(await card.getAttribute('data-state')).toBe('pending');
    expect(await fitsWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await world.screenshot(page, 'grid-desk-tasks');

    await card.getByTestId('grid-task-open').click();
    const position = page.getByTestId('grid-position');
    await expect.poll(() => position.getAttribute('data-state')).toBe('ok');
    await expect.poll(() => position.innerText()).toMatch(/距诉求地点约 \d+ 米/);
    await page.getByTestId('grid-answer-result').getByText('属实', { exact: true }).click();
    await page.getByTestId('grid-answer-note').fill('楼道确有纸箱和旧家具堆放，已拍照。');
    await page
      .getByTestId('grid-answer-photo')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: demoSitePhoto() });
    await page.getByTestId('grid-thumbs').locator('img').waitFor();
    // A large touch target: the submit button is at least 48 px high.
    const submit = page.getByTestId('grid-answer-submit');
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect(await fitsWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await world.screenshot(page, 'grid-desk-answer');
    await submit.click();
    await page.getByText('核实结果已提交').waitFor();
    await expect.poll(() => page.getByTestId(`grid-task-${task.order_no}`).getAttribute('data-state')).toBe('answered');
    const answered = await db()
      .selectFrom('verification_tasks')
      .select(['state', 'result', 'photo_id', 'far', 'distance_m', 'answer_note'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(answered).toMatchObject({
      state: 'answered',
      result: 'confirmed',
      far: false,
      answer_note: '楼道确有纸箱和旧家具堆放，已拍照。',
    });
    expect(answered.distance_m!).toBeGreaterThan(10);
    expect(answered.distance_m!).toBeLessThan(30);
    expect(answered.photo_id).not.toBeNull();

    // 上报: words, a photo and a short video, the position from the phone.
    await page.getByRole('tab', { name: '上报' }).click();
    await expect.poll(() => page.getByTestId('grid-position').getAttribute('data-state')).toBe('ok');
    await page.getByTestId('grid-report-text').fill('团结小区北门路灯杆倾斜，随时可能倒下');
    await page.getByTestId('grid-report-pick').setInputFiles([
      { name: 'pole.png', mimeType: 'image/png', buffer: demoSitePhoto() },
      { name: 'pole.mp4', mimeType: 'video/mp4', buffer: MP4 },
    ]);
    await expect.poll(() => page.getByTestId('grid-thumbs').locator('> div').count()).toBe(2);
    expect(await fitsWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await page.getByTestId('grid-report-submit').click();
    const done = page.getByTestId('grid-report-done');
    await done.waitFor();
    const orderNo = /工单编号 (\d+)/.exec(await done.innerText())![1]!;
    await world.screenshot(page, 'grid-desk-reported');
    const report = await db()
      .selectFrom('grid_reports as r')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .innerJoin('users as u', 'u.id', 'r.reporter_id')
      .select(['o.id', 'o.channel', 'o.title', 'o.grid_id', 'u.username', 'r.urgent'])
      .where('o.order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ channel: 'grid', username: 'gridworker', urgent: false });
    expect(report.grid_id).not.toBeNull();
    const files = await db().selectFrom('attachments').select('content_type').where('order_id', '=', report.id).execute();
    expect(files.map((f) => f.content_type).sort()).toEqual(['image/png', 'video/mp4']);
    await page.getByTestId('grid-report-another').click();
    await page.getByTestId('grid-my-reports').getByText(orderNo).waitFor();
    await page.context().close();

    // The dispatcher sees the answer on the order's timeline and its 现场核实 card.
    const desk = await world.signedIn('dispatcher');
    await desk.goto(`${world.baseUrl}/orders/${task.order_id}`);
    const verify = desk.locator('[data-testid="timeline-event"][data-action="verify_answer"]');
    await verify.waitFor();
    await expect.poll(() => verify.innerText()).toContain('属实');
    expect(await verify.getByTestId('timeline-verify-photo').count()).toBe(1);
    const onOrder = desk.getByTestId('verification-card');
    await expect.poll(() => onOrder.innerText()).toMatch(/已核实[\s\S]*属实/);
    await world.screenshot(desk, 'grid-verification-on-order');
    await desk.context().close();
    expect(world.consoleErrors).toEqual([]);
  });

  it('the 联户长 sees only 上报, and is told plainly when location access is refused', async () => {
    const page = await phone('gridreporter', {});
    await page.getByTestId('grid-report').waitFor();
    expect(await page.getByTestId('grid-tabs').count()).toBe(0);
    await expect.poll(() => page.getByTestId('grid-position').getAttribute('data-state')).toBe('denied');
    await expect.poll(() => page.getByTestId('grid-position').innerText()).toContain('拒绝了定位权限');
    await page.getByTestId('grid-report-text').fill('楼道灯坏了');
    expect(await page.getByTestId('grid-report-submit').isDisabled()).toBe(true);
    expect(await fitsWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await world.screenshot(page, 'grid-desk-reporter-denied');
    // The demo 联户长's own reports are listed (one urgent).
    await expect.poll(() => page.getByTestId('grid-my-reports').innerText()).toContain('紧急');
    await page.context().close();
    expect(world.consoleErrors).toEqual([]);
  });

  it('the dispatcher sends an order with a point to its grid from the order page', async () => {
    const order = await db()
      .selectFrom('orders')
      .select(['id', 'order_no'])
      .where('channel', '=', 'grid')
      .where('state', '=', 'accepted')
      .where('grid_id', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('verification_tasks').select('id').whereRef('verification_tasks.order_id', '=', 'orders.id'))),
      )
      .executeTakeFirstOrThrow();
    const desk = await world.signedIn('dispatcher');
    await desk.goto(`${world.baseUrl}/orders/${order.id}`);
    await desk.getByTestId('verification-request').click();
    await desk.getByTestId('verification-note').fill('请到现场看看');
    await desk.getByTestId('verification-submit').click();
    await desk.locator('[data-testid="verification-task"][data-state="pending"]').waitFor();
    await desk.locator('[data-testid="timeline-event"][data-action="verify_request"]').waitFor();
    const made = await db()
      .selectFrom('verification_tasks')
      .select(['state', 'request_note'])
      .where('order_id', '=', order.id)
      .execute();
    expect(made).toEqual([{ state: 'pending', request_note: '请到现场看看' }]);
    await desk.context().close();
    expect(world.consoleErrors).toEqual([]);
  });
});

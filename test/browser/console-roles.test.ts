import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserWorld, type BrowserWorld, DEMO_PASSWORD } from './harness.js';
import { columnsSideBySide, pickTreeNode, submitAction } from './console-helpers.js';

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

/** Creates an order through the API as the operator (another person's work, seen live by the page). */
async function acceptThroughApi(world: BrowserWorld, title: string) {
  const login = await world.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'operator', password: DEMO_PASSWORD },
  });
  const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')!.value}`;
  const res = await world.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { cookie },
    payload: {
      channel: 'phone',
      appealType: 'help',
      priority: 3,
      title,
      content: `${title}，请派单处理。`,
      callerPhone: '13700002222',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; orderNo: string };
}

/** Signs in through the API (the page is not involved) and sends requests with that session. */
async function apiSession(world: BrowserWorld, username: string, password = DEMO_PASSWORD) {
  const login = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')?.value ?? ''}`;
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await world.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as unknown };
  };
  return {
    status: login.statusCode,
    send,
    get: async (url: string) => (await send('GET', url)).body as { items: unknown[] },
  };
}

/** The other desks: dispatcher (with live updates), unit admin, leader, admin; the English switch. */
describe.skipIf(!hasChromium)('console desks', () => {
  let world: BrowserWorld;
  let dispatched: { id: string; orderNo: string };

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const signedIn = (username: string) => world.signedIn(username);

  it('the operator answers a consultation directly (直办) by keyboard: Alt+2, Ctrl+Enter', async () => {
    const page = await signedIn('operator');
    await page.getByTestId('intake-phone').fill('13600003333');
    await page.getByTestId('intake-title').fill('咨询供暖开始时间');
    await page.getByTestId('intake-content').fill('请问今年锡林浩特市什么时候开始供暖？');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-answer').fill('锡林浩特市供暖期为每年10月15日至次年4月15日，遇寒潮可提前。');
    await page.keyboard.press('Control+Enter');
    const link = page.getByTestId('intake-last').locator('a');
    await link.waitFor();
    await page.goto(`${world.baseUrl}${await link.getAttribute('href')}`);
    await expect.poll(() => page.getByTestId('state-tag').first().getAttribute('data-state')).toBe('closed');
    await page.locator('[data-testid=timeline-event][data-action=answer_directly]').waitFor();
    await page.close();
  });

  it('the operator answers from the knowledge base suggested for the text being typed; the article counts the use', async () => {
    const page = await signedIn('operator');
    await page.getByTestId('intake-phone').fill('13600004444');
    await page.getByTestId('intake-title').fill('暖气不热');
    await page.getByTestId('intake-content').fill('家里暖气不热，排过气了还是凉的，想问问热力公司什么时候能来修。');
    const suggestion = page.getByTestId('assist-articles').getByText('锡林浩特市供暖期及室温标准');
    await suggestion.waitFor();
    await world.screenshot(page, 'console-intake-knowledge');
    await page.getByTestId('assist-articles').getByTestId('assist-use').first().click();
    await page.getByTestId('intake-used-article').waitFor();
    expect(await page.getByTestId('intake-answer').inputValue()).toContain('供暖期');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('intake-last').locator('a').waitFor();
    const supervisor = await apiSession(world, 'supervisor');
    const articles = (await supervisor.get('/api/knowledge/articles?limit=200')).items as { title: string; usageCount: number }[];
    expect(articles.find((a) => a.title === '锡林浩特市供暖期及室温标准')?.usageCount).toBe(1);
    await page.close();
  });

  it('the dispatch queue shows a new order without reload, and the dispatcher sends it to a unit', async () => {
    const page = await signedIn('dispatcher');
    expect(new URL(page.url()).pathname).toBe('/dispatch');
    await page.getByTestId('dispatch-list-toDispatch').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-live'), { timeout: 30_000 }).toBe('on');
    const order = await acceptThroughApi(world, '实时派单测试：供水管道漏水');
    dispatched = order;
    // No reload: the live stream makes the queue refetch.
    await page.getByTestId(`order-row-${order.orderNo}`).waitFor({ timeout: 30_000 });
    await world.screenshot(page, 'console-dispatch');
    await page.getByTestId(`quick-dispatch-${order.orderNo}`).click();
    await pickTreeNode(page, 'field-leadUnitId', '锡林浩特市住房和城乡建设局');
    await submitAction(page, 'dispatch');
    await page.getByTestId(`order-row-${order.orderNo}`).waitFor({ state: 'detached' });
    // A return request is ruled on with its reason in view.
    await page.getByTestId('dispatch-tab-returns').click();
    const first = page.getByTestId('dispatch-list-returns').locator('[data-testid^=order-row-]').first();
    const returned = (await first.getAttribute('data-testid'))!.replace('order-row-', '');
    await page.getByTestId(`quick-reject_return-${returned}`).click();
    await page.getByTestId('request-context').waitFor();
    await page.getByTestId('field-reason').fill('属于本单位职责，请继续办理');
    await submitAction(page, 'reject_return');
    await page.getByTestId(`order-row-${returned}`).waitFor({ state: 'detached' });
    await page.close();
  });

  it('the supervisor urges the unit (催办) and puts the order on the leader list; both are in the timeline', async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/orders/${dispatched.id}`);
    await page.getByTestId('supervise-urge').waitFor();
    // The card offers 催办 / 督办: it does not also say that nothing can be done.
    expect(await page.getByTestId('order-actions').textContent()).not.toContain('当前无可执行操作');
    await page.getByTestId('supervise-urge').click();
    await page.getByTestId('supervise-note').fill('请尽快签收处理');
    await page.getByTestId('supervise-submit').click();
    await page.locator('[data-testid=timeline-event][data-action=urge]').waitFor();
    await page.getByTestId('supervise-followup').click();
    await page.getByTestId('supervise-reason').fill('群众反映强烈，领导盯办');
    await page.getByTestId('supervise-submit').click();
    await page.locator('[data-testid=timeline-event][data-action=leader_followup]').waitFor();
    await page.close();
  });

  it('督办看板 writes time left and times as the rest of the console does (超期 9小时37分, 2026-11-24 18:00)', async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/supervision`);
    const red = page.getByTestId('board-red');
    await red.locator('.ant-table-row').first().waitFor();
    const left = await red.locator('.ant-table-row [data-testid=board-remaining]').allTextContents();
    expect(left.every((text) => /^超期 (\d+天)?(\d+小时)?\d+分$/.test(text))).toBe(true);
    const rowText = await red.locator('.ant-table-row').first().textContent();
    expect(rowText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rowText).not.toMatch(/\d+[hmd]\b|\d{4}\/\d{1,2}\//);
    // The order put on the leader list in the test before shows when it was added, in the same format.
    await page.getByRole('tab', { name: '领导盯办' }).click();
    await expect
      .poll(() => page.getByTestId('board-leader').locator('.ant-table-row').first().textContent())
      .toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await world.screenshot(page, 'console-supervision-board');
    await page.close();
  });

  it('finds orders by words (ranked, highlighted, filtered by unit) and by number on 工单查询', async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/orders`);
    await page.getByTestId('order-list').waitFor();
    const words = page.getByPlaceholder('工单编号、标题或内容');
    await words.fill('供水管道 漏水');
    await page.keyboard.press('Enter');
    const hit = page.getByTestId(`hit-row-${dispatched.orderNo}`);
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['供水', '管道', '漏水']));
    await pickTreeNode(page, 'order-search-unit', '锡林浩特市住房和城乡建设局');
    await expect.poll(() => page.getByTestId('order-hits').locator('[data-testid^=hit-row-]').count()).toBeGreaterThan(0);
    await hit.waitFor();
    await world.screenshot(page, 'console-order-search');
    await words.fill(dispatched.orderNo);
    await page.keyboard.press('Enter');
    await page.getByTestId(`order-row-${dispatched.orderNo}`).waitFor();
    await page.close();
  });

  it('知识库: the supervisor writes an article (Enter in a date field does not save it); an operator only reads', async () => {
    const page = await signedIn('supervisor');
    await page.goto(`${world.baseUrl}/knowledge`);
    await page.getByTestId('knowledge-new').click();
    await page.getByTestId('knowledge-title').fill('冬季供暖报修流程');
    await page.getByTestId('knowledge-body').fill('暖气不热先排气，仍不热请拨打热力公司报修电话，24小时内上门。');
    await pickTreeNode(page, 'knowledge-owner', '锡林浩特市住房和城乡建设局');
    const from = page.locator('input[data-testid=knowledge-valid-from], [data-testid=knowledge-valid-from] input').first();
    await from.fill('2026-10-15');
    await from.press('Enter');
    await page.waitForTimeout(500);
    await page.getByTestId('knowledge-save').waitFor(); // the drawer is still open: nothing saved yet
    const supervisor = await apiSession(world, 'supervisor');
    const titles = async () =>
      ((await supervisor.get('/api/knowledge/articles?limit=200')).items as { title: string }[]).map((a) => a.title);
    expect(await titles()).not.toContain('冬季供暖报修流程');
    await page.getByTestId('knowledge-save').click();
    await page.getByTestId('knowledge-save').waitFor({ state: 'detached' });
    await expect.poll(titles).toContain('冬季供暖报修流程');
    await page.close();

    const reader = await signedIn('operator');
    await reader.goto(`${world.baseUrl}/knowledge`);
    await reader.getByText('冬季供暖报修流程').click();
    await reader.getByTestId('knowledge-title').waitFor();
    expect(await reader.getByTestId('knowledge-title').isDisabled()).toBe(true);
    expect(await reader.getByTestId('knowledge-save').count()).toBe(0);
    expect(await reader.getByTestId('knowledge-new').count()).toBe(0);
    await reader.close();
  });

  it('an order page lists its possible duplicates, and one confirmed click merges it', async () => {
    const first = await acceptThroughApi(world, '幸福家园小区电梯困人');
    const again = await acceptThroughApi(world, '幸福家园小区电梯困人');
    const page = await signedIn('dispatcher');
    await page.goto(`${world.baseUrl}/orders/${again.id}`);
    const row = page.getByTestId(`duplicate-${first.orderNo}`);
    await row.waitFor();
    await world.screenshot(page, 'console-order-duplicates');
    await row.getByTestId(`merge-into-${first.orderNo}`).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('state-tag').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('merged');
    await page.close();
  });

  it('the unit admin sees the unit inbox and its figures', async () => {
    const page = await signedIn('unitadmin');
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.getByTestId('unit-figures').waitFor();
    await expect.poll(() => page.getByTestId('unit-figures').textContent()).toMatch(/待签收\s*\d+/);
    await world.screenshot(page, 'console-unit-admin');
    await page.close();
  });

  it('intake: Enter stops once per radio group, a bad number is named in words, 清空 asks and resets the outcome', async () => {
    const page = await signedIn('operator');
    await page.getByTestId('intake-phone').fill('12345');
    await page.getByTestId('intake-name').focus();
    await page.getByText('请输入正确的电话号码').waitFor();
    // From the name to the title by Enter: every stop is a field or the checked radio of a group.
    const stops: { id: string | null; radio: boolean; checked: boolean }[] = [];
    for (let i = 0; i < 15; i += 1) {
      await page.keyboard.press('Enter');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
        return { id: testId, radio: el.type === 'radio', checked: el.checked };
      });
      stops.push(at);
      if (at.id === 'intake-title') break;
    }
    expect(stops.at(-1)?.id).toBe('intake-title');
    expect(stops.filter((s) => s.radio && !s.checked)).toEqual([]);
    expect(stops.length).toBeLessThanOrEqual(8);
    // 清空 with an appeal typed asks first; confirmed, the outcome is back to 派单.
    await page.getByTestId('intake-title').fill('楼上漏水');
    await page.getByTestId('intake-outcome').getByText('无效件').click();
    await page.getByTestId('intake-reset').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    expect(await page.getByTestId('intake-title').inputValue()).toBe('');
    expect(await page.getByTestId('intake-outcome').locator('.ant-radio-button-wrapper-checked').textContent()).toContain('派单');
    await page.close();
  });

  it('a unit that only assists (协办) sees the order tagged, without sign or reply buttons the server would refuse', async () => {
    const order = await acceptThroughApi(world, `协办测试：路灯不亮 ${Date.now() % 100000}`);
    const dispatcher = await apiSession(world, 'dispatcher');
    const units = (await dispatcher.get('/api/units')).items as { id: string; parentId: string | null; name: string }[];
    const helper = units.find((u) => u.name === '锡林浩特市住房和城乡建设局')!;
    const lead = units.find((u) => u.id !== helper.id && u.parentId !== helper.id && u.parentId !== null)!;
    const sent = await dispatcher.send('POST', `/api/orders/${order.id}/actions/dispatch`, {
      version: 1,
      leadUnitId: lead.id,
      assistUnitIds: [helper.id],
    });
    expect(sent.status).toBe(200);
    const page = await signedIn('handler');
    await page.getByTestId('unit-tab-toSign').click();
    await page.getByTestId(`assisting-${order.orderNo}`).waitFor();
    expect(await page.getByTestId(`quick-sign-${order.orderNo}`).count()).toBe(0);
    await page.close();
  });

  it('at 1280×720 the queues fit: no sideways scrolling, the countdown beside the pinned actions', async () => {
    const unit = await signedIn('unitadmin');
    await unit.setViewportSize({ width: 1280, height: 720 });
    const toSign = unit.getByTestId('unit-list-toSign');
    await toSign.locator('thead').waitFor();
    expect(await columnsSideBySide(toSign, '时限', '操作')).toEqual({ scrolls: false, apart: true });
    await world.screenshot(unit, 'console-unit-1280');
    await unit.close();

    // Review and return visits: a narrow list beside the panel still shows each order's countdown,
    // the most urgent first.
    const supervisor = await signedIn('supervisor');
    await supervisor.setViewportSize({ width: 1280, height: 720 });
    for (const [path, list] of [
      ['/review', 'review-list'],
      ['/visits', 'visit-list'],
    ]) {
      await supervisor.goto(`${world.baseUrl}${path}`);
      const table = supervisor.getByTestId(list);
      await table.locator('thead').waitFor();
      expect(await columnsSideBySide(table, '时限', '操作')).toEqual({ scrolls: false, apart: true });
      expect(await table.locator('th[aria-sort]').textContent()).toBe('时限');
      expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      // A sampled 直办 order is closed: it has no deadline left, and says so by its tag instead.
      const rows = await table.locator('.ant-table-row').filter({ hasNotText: '直办抽样' }).count();
      expect(rows).toBeGreaterThan(0);
      expect(await table.locator('.ant-table-row [data-testid=deadline-tag]').count()).toBe(rows);
    }
    await world.screenshot(supervisor, 'console-visits-1280');
    await supervisor.close();
  });

  it('the leader sees followed orders, difficult cases and the month', async () => {
    const page = await signedIn('leader');
    expect(new URL(page.url()).pathname).toBe('/leader');
    await page.getByTestId('leader-followed').getByText('实时派单测试：供水管道漏水').waitFor();
    await page.getByTestId('leader-escalated').waitFor();
    await page.getByTestId('DashboardPage').first().waitFor();
    await world.screenshot(page, 'console-leader');
    await page.close();
  });

  it('the admin adds a sub-unit in the unit tree and lists users', async () => {
    const page = await signedIn('admin');
    expect(new URL(page.url()).pathname).toBe('/admin/units');
    await page.getByPlaceholder('搜索单位').fill('锡林浩特市住房');
    await page.getByTestId('units-tree').getByText('锡林浩特市住房和城乡建设局', { exact: true }).click();
    await page.getByTestId('unit-new-name').fill('锡林浩特市住建局物业科');
    await page.getByTestId('unit-new-code').fill('XLHT-ZJ-WY');
    await page.getByTestId('unit-new-submit').click();
    await page.getByPlaceholder('搜索单位').fill('物业科');
    await page.getByTestId('units-tree').getByText('锡林浩特市住建局物业科', { exact: true }).waitFor();
    await world.screenshot(page, 'console-admin-units');
    // 三员分立: accounts are the security administrator's, not the system administrator's.
    expect(await page.getByTestId('console-nav').getByText('用户与角色').count()).toBe(0);
    await page.close();
    const sec = await signedIn('secadmin');
    expect(new URL(sec.url()).pathname).toBe('/admin/users');
    await sec.getByTestId('users-table').getByText('handler', { exact: true }).waitFor();
    await sec.getByTestId('users-table').getByText('安全管理员', { exact: true }).first().waitFor();
    await world.screenshot(sec, 'console-admin-users');
    await sec.close();
  });

  it('the security admin renames a user, refuses combined administrator roles, deactivates them; the admin disables a new category', async () => {
    const admin = await apiSession(world, 'admin');
    const secadmin = await apiSession(world, 'secadmin');
    const units = (await admin.get('/api/units')).items as { id: string; kind: string }[];
    const created = await secadmin.send('POST', '/api/users', {
      username: 'temp.operator',
      displayName: '临时座席',
      password: 'Temp@12345',
      unitId: units.find((u) => u.kind === 'centre')!.id,
      roles: ['operator'],
    });
    expect(created.status).toBe(201);
    const temp = await apiSession(world, 'temp.operator', 'Temp@12345');
    expect(temp.status).toBe(200);

    const page = await signedIn('secadmin');
    // The demo has more staff than one page shows: the security admin finds the account by searching.
    await page.locator('input[data-testid="users-search"], [data-testid="users-search"] input').first().fill('temp.op');
    const row = page.getByTestId('user-actions-temp.operator');
    await row.getByTestId('user-edit').click();
    await page.getByTestId('user-edit-name').fill('临时座席（张）');
    await page.getByTestId('user-edit-submit').click();
    await page.getByTestId('users-table').getByText('临时座席（张）', { exact: true }).waitFor();
    // 三员分立: an administrator role with another role is refused, in words, before anything is sent.
    await row.getByTestId('user-edit').click();
    await page.getByTestId('user-edit-roles').click();
    await page.locator('.ant-select-item-option').getByText('系统管理员', { exact: true }).click();
    await page.locator('.ant-modal-title').click(); // closes the role list
    await page.getByTestId('user-edit-submit').click();
    await page.getByText('三员分立：系统管理员、安全管理员、审计管理员不能相互兼任', { exact: false }).first().waitFor();
    await page.keyboard.press('Tab'); // the role list closes for the picture
    await page.locator('.ant-modal-title').click();
    await world.screenshot(page, 'console-admin-users-separated');
    await page.locator('.ant-modal-close').first().click();
    await row.getByTestId('user-deactivate').click();
    await page.getByTestId('user-deactivate-ok').click();
    await row.getByTestId('user-activate').waitFor();
    await world.screenshot(page, 'console-admin-users-deactivated');
    // Their session ended and they cannot sign in again.
    expect((await temp.send('GET', '/api/auth/me')).status).toBe(401);
    expect((await apiSession(world, 'temp.operator', 'Temp@12345')).status).toBe(401);
    const roles = (await secadmin.get('/api/users')).items as { username: string; roles: string[] }[];
    expect(roles.find((u) => u.username === 'temp.operator')?.roles).toEqual(['operator']);
    await page.close();

    const sys = await signedIn('admin');
    await sys.getByTestId('console-nav').getByText('诉求分类').click();
    await sys.getByTestId('categories-tree').getByText('物业管理', { exact: true }).click();
    await sys.getByTestId('category-new-name').fill('电梯停运');
    await sys.getByTestId('category-new-code').fill('WY-DT');
    await sys.getByTestId('category-new-submit').click();
    // The new category is shown under its (now opened) parent and selected.
    await sys.getByTestId('categories-tree').getByText('电梯停运', { exact: true }).waitFor();
    await sys.getByTestId('category-panel').getByText('WY-DT', { exact: true }).waitFor();
    await sys.getByTestId('category-toggle').click();
    await expect.poll(() => sys.getByTestId('category-state').textContent()).toBe('已停用');
    await world.screenshot(sys, 'console-admin-categories');
    const categories = (await admin.get('/api/categories')).items as { name: string; active: boolean }[];
    expect(categories.find((c) => c.name === '电梯停运')?.active).toBe(false);
    expect(categories.find((c) => c.name === '物业管理')?.active).toBe(true);
    await sys.close();
  });

  it('the audit administrator lands on the audit trail and sees who viewed a caller unmasked; no order screens', async () => {
    const order = await acceptThroughApi(world, '审计查看测试');
    const operator = await apiSession(world, 'operator');
    expect((await operator.send('GET', `/api/orders/${order.id}`)).status).toBe(200); // an unmasked view, logged
    const page = await signedIn('auditor');
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await page.getByTestId('console-nav').getByText('工单查询').count()).toBe(0);
    // Nor the header's order search (it only led to 无权执行此操作); a reader of orders keeps it.
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('header-search').count()).toBe(0);
    await page.locator('[data-testid="audit-order"] input, input[data-testid="audit-order"]').first().fill(order.orderNo);
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-entries').getByText('operator', { exact: true }).first().waitFor();
    await world.screenshot(page, 'console-audit');
    await page.close();
  });

  it('switches the console to English and back', async () => {
    const page = await signedIn('supervisor');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('console-nav').getByText('Reply review').waitFor();
    await page.getByTestId('console-nav').getByText('Find orders').click();
    await page.getByTestId('order-list').waitFor();
    await world.screenshot(page, 'console-orders-en');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('console-nav').getByText('答复审核').waitFor();
    await page.close();
  });

  it('no console errors', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});

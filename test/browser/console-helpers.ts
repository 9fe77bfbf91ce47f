import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type BrowserWorld } from './harness.js';

/** Picks a node in an antd TreeSelect by typing part of its name and clicking the exact title. */
export async function pickTreeNode(page: Page, testId: string, name: string) {
  const picker = page.getByTestId(testId);
  // Under load a click can land while the list is still filtering and select nothing; check the picker
  // shows the node and try once more only if it does not (a second click in a multi picker would
  // otherwise deselect it).
  for (let attempt = 1; ; attempt++) {
    await picker.click();
    await page.keyboard.type(name);
    await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${name}"]`).first().click();
    if (await showsWithin(picker, name, 5_000)) return closeDropdowns(page);
    if (attempt === 2) throw new Error(`the picker ${testId} did not take ${name}`);
    await closeDropdowns(page);
  }
}

/**
 * Closes an open picker list, and only that: an Escape pressed when no list is open reaches the dialog
 * and closes it (a single picker closes its list on the pick; with reduced motion, at once).
 */
export async function closeDropdowns(page: Page) {
  const open = page.locator('.ant-select-dropdown:visible');
  if ((await open.count()) === 0) return;
  await page.keyboard.press('Escape');
  await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0);
}

/**
 * Picks the first option an antd Select offers for the typed text and checks the picker shows it
 * (its label holds the typed text); under load a click has landed while the list was still filtering,
 * so a pick that did not take is tried once more with the search typed afresh.
 */
export async function pickFirstOption(page: Page, testId: string, typed: string) {
  const picker = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await searchIn(page, picker, typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    if (await showsWithin(picker, typed, 5_000)) return;
    if (attempt === 2) throw new Error(`the picker ${testId} did not take an option for ${typed}`);
    await closeDropdowns(page);
  }
}

/**
 * Opens a Select and types its search: keys typed before the picker holds the focus would filter
 * nothing, and a retry replaces what an earlier attempt typed (appended, it would match nothing).
 */
async function searchIn(page: Page, picker: Locator, typed: string) {
  await picker.click();
  await expect.poll(() => picker.evaluate((el) => el.contains(document.activeElement)), { timeout: 10_000 }).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(typed);
}

async function showsWithin(picker: Locator, text: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await picker.innerText()).includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** Clicks the radio button (antd Radio.Group button style) with this label inside the group. */
export async function pickRadio(page: Page, groupTestId: string, label: string) {
  await page.getByTestId(groupTestId).getByText(label, { exact: true }).click();
}

/**
 * Waits until the action dialog holding this form has finished opening: antd zooms a modal in, and
 * a click or key press that lands during that motion has been seen to go nowhere (stop 25's CI: a
 * 签收 click sent no request; typed picker text filtered nothing).
 */
export async function dialogSettled(page: Page, form: Locator) {
  await form.waitFor();
  const moving = page.locator('.ant-modal[class*="zoom-appear"], .ant-modal[class*="zoom-enter"]');
  await expect.poll(() => moving.count(), { timeout: 10_000 }).toBe(0);
}

/** Submits the open action dialog and waits for it to close (the server accepted the action). */
export async function submitAction(page: Page, action: string) {
  const form = page.getByTestId(`action-form-${action}`);
  await dialogSettled(page, form);
  const submit = page.getByTestId('action-submit');
  for (let attempt = 1; ; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && /\/api\/orders\/.*\/(actions\/|attachments)/.test(r.url()), {
        timeout: 15_000,
      })
      .then(
        () => true,
        () => false,
      );
    await submit.click();
    // A click that sent nothing and left the form as it was is pressed once more; a form the
    // browser refused (a field's error) or a request the server answered is never resubmitted.
    if ((await sent) || attempt === 2 || (await form.locator('.ant-form-item-explain-error').count()) > 0) break;
    if (!(await form.isVisible())) break;
  }
  try {
    // Generous: on a loaded 2-core machine one action (a transaction on the in-process database plus
    // the list refetches) has taken over 20 s; a dialog that really stays open still fails.
    await form.waitFor({ state: 'detached', timeout: 45_000 });
  } catch (e) {
    // Say why the dialog stayed open: a field the form refused, or the server's answer.
    const said = await page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents();
    throw new Error(`the ${action} dialog stayed open; on screen: ${JSON.stringify(said)}`, { cause: e });
  }
}

/** A tiny valid PNG (1×1 pixel), so the attachment's type sniffing accepts it. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/**
 * Counts the neutral dark pixels (text drawn in the theme's grey) in the top `rows` CSS pixels of an
 * ECharts canvas. Charts draw on a canvas, so a legend's labels are not in the DOM: this is how a test
 * sees that they were drawn at all (the coloured swatches alone count nothing).
 */
export async function textPixelsAtTop(chart: Locator, rows: number) {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement, cssRows: number) => {
      const height = Math.round(cssRows * window.devicePixelRatio);
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const max = Math.max(data[i], data[i + 1], data[i + 2]);
        const min = Math.min(data[i], data[i + 1], data[i + 2]);
        if (data[i + 3] >= 128 && max < 160 && max - min < 16) count++;
      }
      return count;
    }, rows);
}

/**
 * How a table's columns lie on a screen: whether the table scrolls sideways, and whether the column
 * `before` ends where `fixed` (a column pinned to the right) begins, so nothing sits under the pinned one.
 */
export async function columnsSideBySide(table: Locator, before: string, fixed: string) {
  return table.evaluate(
    (el, names) => {
      const heads = [...el.querySelectorAll('thead th')];
      const box = (name: string) => heads.find((th) => th.textContent?.trim() === name)?.getBoundingClientRect();
      const scroller = el.querySelector('.ant-table-content, .ant-table-body');
      const left = box(names.before);
      const right = box(names.fixed);
      return {
        scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false,
        apart: Boolean(left && right && left.right <= right.left + 1),
      };
    },
    { before, fixed },
  );
}

/**
 * Types a date-time into an antd DatePicker (showTime) inside an action dialog and confirms it with
 * 确定; tried up to three times until the panel is closed and the input holds the typed value.
 */
export async function fillDateTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  const panel = page.locator('.ant-picker-dropdown:visible');
  const moving = page.locator('.ant-picker-dropdown[class*="slide-up-appear"], .ant-picker-dropdown[class*="slide-up-enter"]');
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await panel.waitFor();
    // Text filled while the panel still slides in, then confirmed, has left the panel open for good
    // (stop 26: it closed and opened again, through five presses of its OK button).
    await expect.poll(() => moving.count(), { timeout: 10_000 }).toBe(0);
    await input.fill(value);
    await panel
      .locator('.ant-picker-ok button')
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await panel.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A panel open again after the confirm is closed by a click on the dialog's title (Escape would
    // close the dialog too); the confirmed value stays, an unconfirmed text reverts and is typed again.
    if ((await panel.count()) > 0) {
      await page.locator('.ant-modal-title:visible').last().click();
      await panel.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    const shown = await input.inputValue();
    if (shown === value && (await panel.count()) === 0) return;
    if (attempt === 3) throw new Error(`the date picker ${testId} shows "${shown}", not ${value}`);
  }
}

/** Signs in through the API and sends requests with that session (another person's work); a non-2xx answer fails. */
export async function apiSession(world: BrowserWorld, username: string) {
  const login = await world.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')?.value ?? ''}`;
  return async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect(`${method} ${url}: ${res.statusCode}`).toMatch(/: 20[01]$/);
    return res.json() as Record<string, unknown> & { id: string; version: number; orderNo: string };
  };
}

/** Types into the forward dialog's sub-unit picker (下派); the options the server's rule table then offers (ADR 0116). */
export async function typeForwardTarget(page: Page, typed: string): Promise<Locator> {
  await dialogSettled(page, page.getByTestId('action-form-forward'));
  await searchIn(page, page.getByTestId('field-toUnitId'), typed);
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option');
}

/**
 * Forwards the open order down one level from its page: the typed text must offer exactly `offered`
 * (a sub-unit's name and kind as the picker shows them), then the instructions and a deadline
 * (`YYYY-MM-DD HH:mm:ss`, no later than the forwarder's own). `beforeSubmit` may take a screenshot.
 */
export async function forwardDown(
  page: Page,
  to: { typed: string; offered: string; instructions: string; deadline: string },
  beforeSubmit?: () => Promise<void>,
) {
  await page.getByTestId('action-forward').click();
  // Under load a click can land while the list is still filtering and select nothing (as in
  // pickTreeNode): the picker must show the unit, else it is picked once more.
  for (let attempt = 1; ; attempt++) {
    const options = await typeForwardTarget(page, to.typed);
    // expect.poll gives up after 1 s by default; the list waits for the chain's targets.
    await expect.poll(() => options.allTextContents(), { timeout: 15_000 }).toEqual([to.offered]);
    await options.first().click();
    if (await showsWithin(page.getByTestId('field-toUnitId'), to.offered, 5_000)) break;
    if (attempt === 2) throw new Error(`the forward dialog did not take ${to.offered}`);
  }
  await page.getByTestId('field-instructions').fill(to.instructions);
  await fillDateTime(page, 'field-deadline', to.deadline);
  await beforeSubmit?.();
  await submitAction(page, 'forward');
}

/** Replies as resolved (已解决) with a text: `hop_reply` to the forwarding unit, or the lead unit's `reply`. */
export async function replyResolved(page: Page, action: 'reply' | 'hop_reply', text: string) {
  await page.getByTestId(`action-${action}`).click();
  await pickRadio(page, 'field-result', '已解决');
  await page.getByTestId('field-text').fill(text);
  await submitAction(page, action);
}

/** The actions of the order page's timeline events, oldest first. */
export async function timelineActions(page: Page): Promise<(string | null)[]> {
  return page.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
}

/** Whether the page fits its width (no sideways scrolling). */
export const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Opens an antd Select by its test id and picks its first option that is not disabled. */
export async function pickFirstEnabled(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
    .first()
    .click();
}

/**
 * The portal's resident sign-in on an open phone-code form: the number, the code the server wrote to its
 * log under LIANXIN_DEV_LOG_OTP (the world's `logLines`), verified.
 */
export async function signInResident(page: Page, phone: string, logLines: string[]) {
  await page.getByTestId('resident-phone').fill(phone);
  await page.getByTestId('resident-send').click();
  await expect.poll(() => logLines.some((l) => l.includes('LIANXIN_DEV_LOG_OTP'))).toBe(true);
  const code = (JSON.parse(logLines.findLast((l) => l.includes('LIANXIN_DEV_LOG_OTP'))!) as { devOtp: string }).devOtp;
  await page.getByTestId('resident-code').fill(code);
  await page.getByTestId('resident-verify').click();
}

import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type BrowserWorld } from './harness.js';

/** Picks a node in an antd TreeSelect by typing part of its name and clicking the exact title. */
export async function pickTreeNode(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${name}"]`).first().click();
}

/** Clicks the radio button (antd Radio.Group button style) with this label inside the group. */
export async function pickRadio(page: Page, groupTestId: string, label: string) {
  await page.getByTestId(groupTestId).getByText(label, { exact: true }).click();
}

/** Opens an action dialog's form, fills what is given, and submits it. */
export async function submitAction(page: Page, action: string) {
  const form = page.getByTestId(`action-form-${action}`);
  await form.waitFor();
  await page.getByTestId('action-submit').click();
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
 * Types a date-time into an antd DatePicker (showTime) and confirms it with 确定. Under load the first
 * click can land while the panel is still animating in and the panel stays open, so the click is
 * retried until the panel has closed; the input must then hold the typed value.
 */
export async function fillDateTime(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  const panel = page.locator('.ant-picker-dropdown:visible');
  for (let attempt = 0; attempt < 5 && (await panel.count()) > 0; attempt++) {
    await panel
      .locator('.ant-picker-ok button')
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await panel.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  }
  await panel.waitFor({ state: 'hidden' });
  expect(await input.inputValue()).toBe(value);
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

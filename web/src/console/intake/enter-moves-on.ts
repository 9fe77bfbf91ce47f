import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), button[type=submit]';

/** The one radio of a group that Enter stops at, as Tab does: the checked one, else the first. */
function stopOf(el: HTMLElement): HTMLElement {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return el;
  const group = el.closest('.ant-radio-group') ?? el.parentElement ?? el;
  const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'));
  return radios.find((r) => r.checked) ?? radios[0] ?? el;
}

/**
 * Call-centre habit: Enter in a one-line field moves to the next field instead of submitting the form
 * half-filled (Ctrl+Enter submits; in the text area Enter is a new line). Open dropdowns keep Enter
 * for choosing an option. A radio group is one stop (7 appeal types are not 7 fields).
 */
export function enterMovesOn(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
  e.preventDefault();
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.offsetParent !== null && stopOf(el) === el,
  );
  const next = fields[fields.indexOf(stopOf(target)) + 1];
  next?.focus();
}

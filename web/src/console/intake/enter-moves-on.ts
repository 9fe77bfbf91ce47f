import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), button[type=submit]';

/**
 * Call-centre habit: Enter in a one-line field moves to the next field instead of submitting the form
 * half-filled (Ctrl+Enter submits; in the text area Enter is a new line). Open dropdowns keep Enter
 * for choosing an option.
 */
export function enterMovesOn(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
  e.preventDefault();
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
  const next = fields[fields.indexOf(target) + 1];
  next?.focus();
}

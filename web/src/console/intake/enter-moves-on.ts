import type { KeyboardEvent } from 'react';
import { focusNextField } from '../common/focus-next';

/**
 * Call-centre habit: Enter in a one-line field moves to the next field instead of submitting the form
 * half-filled (Ctrl+Enter submits; in the text area Enter is a new line). Open dropdowns keep Enter
 * for choosing an option (the pickers move on themselves once chosen). A radio group is one stop.
 */
export function enterMovesOn(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
  e.preventDefault();
  focusNextField(target, e.currentTarget);
}

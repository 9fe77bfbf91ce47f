const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), button[type=submit]';

/** The one radio of a group that Enter stops at, as Tab does: the checked one, else the first. */
function stopOf(el: HTMLElement): HTMLElement {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return el;
  const group = el.closest('.ant-radio-group') ?? el.parentElement ?? el;
  const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'));
  return radios.find((r) => r.checked) ?? radios[0] ?? el;
}

/**
 * Moves focus from a field to the next one of its form, as Enter does on a call-centre screen: a
 * radio group is one stop, hidden fields and a picker's clear (×) button are none.
 */
export function focusNextField(from: HTMLElement, scope: HTMLElement | null = from.closest('form')) {
  if (!scope) return;
  const fields = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.offsetParent !== null && stopOf(el) === el,
  );
  fields[fields.indexOf(stopOf(from)) + 1]?.focus();
}

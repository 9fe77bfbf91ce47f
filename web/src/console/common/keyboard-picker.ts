import { useCallback, useRef, useState } from 'react';
import { focusNextField } from './focus-next';

interface PickerState {
  open: boolean;
  /** Enter was pressed on the open list: the change it makes is a keyboard choice. */
  enterChose: boolean;
  /** The operator walked the list with arrows: Enter then picks the highlighted node. */
  arrowed: boolean;
  input: HTMLElement | null;
}

const plainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;

/** A picker's clear (×) is for the mouse: Tab goes from field to field, not through it. */
function keepClearOutOfTabOrder(root: HTMLElement) {
  const mark = () => root.querySelectorAll('.ant-select-clear').forEach((b) => b.setAttribute('tabindex', '-1'));
  mark();
  const observer = new MutationObserver(mark);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * Keyboard-true tree pickers on a form: Enter on the open list chooses and (single choice) closes it
 * and moves on; Enter on a closed picker, or on a multiple one with nothing typed, moves on instead of
 * reopening the list; Escape and leaving the field close it. The listener runs in the capture phase
 * so it decides before the select's own Enter handling (which would reopen the list).
 */
export function useKeyboardPicker<V>(multiple: boolean, onChange?: (value: V) => void) {
  const [open, setOpen] = useState(false);
  const state = useRef<PickerState>({ open: false, enterChose: false, arrowed: false, input: null });
  const show = useCallback((next: boolean) => {
    state.current.open = next;
    setOpen(next);
  }, []);

  const ref = useCallback(
    (select: { nativeElement: HTMLElement } | null) => {
      const root = select?.nativeElement;
      if (!root) return;
      const onKey = (e: KeyboardEvent) => {
        const s = state.current;
        s.input = e.target as HTMLElement;
        if (e.key === 'Escape' && s.open) show(false);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') s.arrowed = true;
        if (!plainEnter(e)) return;
        const typed = (e.target as HTMLInputElement).value ?? '';
        const movesOn = !s.open || (multiple && typed === '' && !s.arrowed);
        if (!movesOn) {
          s.enterChose = true;
          return;
        }
        if (!s.input.closest('form')) return;
        e.preventDefault();
        e.stopPropagation();
        show(false);
        focusNextField(s.input);
      };
      root.addEventListener('keydown', onKey, true);
      const untab = keepClearOutOfTabOrder(root);
      return () => {
        untab();
        root.removeEventListener('keydown', onKey, true);
      };
    },
    [multiple, show],
  );

  const change = (value: V) => {
    onChange?.(value);
    const s = state.current;
    if (s.enterChose && !multiple && s.input) {
      const from = s.input;
      show(false);
      // After the select has settled its own state, so its focus handling does not pull focus back.
      setTimeout(() => focusNextField(from), 0);
    }
    s.enterChose = false;
    s.arrowed = false;
  };

  return { ref, open, onOpenChange: show, onBlur: () => show(false), onChange: change };
}

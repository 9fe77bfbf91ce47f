import { useEffect } from 'react';
import type { Outcome } from './submit-intake';

/** The outcomes of a call, in the order of their shortcuts Alt+1…4. */
export const OUTCOMES: Outcome[] = ['dispatch', 'answer', 'merge', 'reject'];

/** Ctrl+Enter submits, Alt+1…4 switch the outcome, wherever the focus is. */
export function useIntakeShortcuts(submit: () => void, setOutcome: (o: Outcome) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        submit();
      } else if (e.altKey && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        setOutcome(OUTCOMES[Number(e.key) - 1]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, setOutcome]);
}

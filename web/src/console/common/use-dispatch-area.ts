import { useMemo } from 'react';
import { useDispatchArea, useUnits } from '../api/queries';
import { dispatchAreaUnitIds } from './dispatch-area';

/**
 * The signed-in dispatcher's area as the console uses it (ADR 0153, 0192): `allowed` the unit ids it may
 * dispatch to (null: anywhere, or not known), `inArea` a test for one unit, `loading` while it is read.
 */
export function useMyDispatchArea(enabled = true) {
  const units = useUnits();
  const area = useDispatchArea(enabled);
  const allowed = useMemo(
    () => (enabled ? dispatchAreaUnitIds(units.data?.items, area.data) : null),
    [enabled, units.data, area.data],
  );
  return {
    allowed,
    inArea: (unitId: string) => allowed === null || allowed.has(unitId),
    loading: enabled && area.isLoading,
  };
}

import { receivesDispatch } from '../contract/forwarding.js';
import type { UnitKind } from '../contract/vocabulary.js';
import { domainError, invalidField } from '../shared/errors.js';

/**
 * The tree says who may receive a dispatch (派单, and the catalogue's rules): an active unit that is
 * not the centre and not a village committee (ADR 0116 — villages receive only their town's own work,
 * by forwarding). A refusal is a 400 naming `field`, in words for a village.
 */
export function assertReceivesDispatch<U extends { active: boolean; kind: UnitKind }>(
  unit: U | undefined,
  field: string,
): asserts unit is U {
  if (unit?.kind === 'village') throw domainError('VALIDATION', 'dispatch.villageRefused', { field }, { field });
  if (!unit || !unit.active || !receivesDispatch(unit.kind)) throw invalidField(field);
}

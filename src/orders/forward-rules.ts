import {
  FORWARD_ACROSS_COUNTY,
  FORWARD_RECEIVE_RULES,
  FUNCTIONAL_DEPARTMENT_KINDS,
  UNIT_KIND_LABELS,
} from '../contract/forwarding.js';
import type { UnitKind } from '../contract/vocabulary.js';
import type { MessageKey } from '../i18n/messages.js';
import { isInSubtree } from '../shared/subtree.js';

/** What the forwarding rules need of a unit. */
export interface RuleUnit {
  id: string;
  name: string;
  path: string;
  kind: UnitKind;
  active: boolean;
}

/** The ids of a materialised path, root first ("/a/b/c/" → [a, b, c]). */
export const pathIds = (path: string) => path.split('/').filter((s) => s.length > 0);

/**
 * The subtree a forwarder passes work into (ADR 0116): its county's for a county government or a
 * county department (the topmost county-kind unit on its path: the county's node), its own for anyone else.
 * `ancestors` are the units on the forwarder's path, itself included.
 */
export function forwardRoot(forwarder: RuleUnit, ancestors: readonly RuleUnit[]): RuleUnit {
  if (!FORWARD_ACROSS_COUNTY.includes(forwarder.kind)) return forwarder;
  const byId = new Map(ancestors.map((u) => [u.id, u]));
  const line = pathIds(forwarder.path)
    .map((id) => byId.get(id))
    .filter((u): u is RuleUnit => u !== undefined);
  // The topmost county-kind unit: the county's node, also for its government office seated under it.
  return line.find((u) => u.kind === 'county') ?? forwarder;
}

export interface ForwardFacts {
  forwarder: RuleUnit;
  root: RuleUnit;
  /** Units already on the chain: the lead unit and every unit an open hop came from or went to. */
  chainUnitIds: ReadonlySet<string>;
  /** A functional department leads the order or forwarded it on the way down. */
  departmentWork: boolean;
}

export type ForwardRefusal = { key: MessageKey; vars?: Record<string, string> };

/** Why this target may not receive the order from this forwarder, or null when it may. */
export function forwardRefusal(facts: ForwardFacts, target: RuleUnit): ForwardRefusal | null {
  const { forwarder, root } = facts;
  const below = isInSubtree(target.path, root.path) && target.id !== root.id;
  if (!target.active || !below || isInSubtree(forwarder.path, target.path)) return { key: 'forward.notSubUnit' };
  if (facts.chainUnitIds.has(target.id)) return { key: 'forward.inChain' };
  const rule = FORWARD_RECEIVE_RULES[target.kind];
  if (!rule || !rule.from.includes(forwarder.kind)) {
    const to = UNIT_KIND_LABELS[target.kind];
    const from = UNIT_KIND_LABELS[forwarder.kind];
    return { key: 'forward.kindRefused', vars: { toKind: to.zh, fromKind: from.zh, toKindEn: to.en, fromKindEn: from.en } };
  }
  if (rule.noDepartmentWork && facts.departmentWork) return { key: 'forward.noDepartmentWork' };
  return null;
}

export const isDepartment = (kind: UnitKind) => FUNCTIONAL_DEPARTMENT_KINDS.includes(kind);

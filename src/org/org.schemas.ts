import { Type } from '@sinclair/typebox';
import type { CategoryNodeView, RegionNodeView, UnitNodeView } from '../contract/org.js';
import { Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the reference-data and unit-admin routes, as src/contract/org.ts declares them.

/** Every node of the three trees: its id, its parent (null at the top), its code and name. */
const Node = { id: Type.String(), parentId: Nullable(Type.String()), code: Type.String(), name: Type.String() };

export const UnitNodeViewSchema = wireSchema<UnitNodeView>()(
  Type.Object({
    ...Node,
    kind: Type.String(),
    active: Type.Boolean(),
  }),
);

export const CategoryNodeViewSchema = wireSchema<CategoryNodeView>()(
  Type.Object({
    ...Node,
    level: Type.Integer(),
    active: Type.Boolean(),
    aliases: Type.Array(Type.String()),
  }),
);

const RegionNodeViewSchema = wireSchema<RegionNodeView>()(Type.Object({ ...Node, level: Type.Integer() }));

export const UnitTreeSchema = wireSchema<{ items: UnitNodeView[] }>()(Type.Object({ items: Type.Array(UnitNodeViewSchema) }));
export const CategoryTreeSchema = wireSchema<{ items: CategoryNodeView[] }>()(
  Type.Object({ items: Type.Array(CategoryNodeViewSchema) }),
);
export const RegionTreeSchema = wireSchema<{ items: RegionNodeView[] }>()(
  Type.Object({ items: Type.Array(RegionNodeViewSchema) }),
);

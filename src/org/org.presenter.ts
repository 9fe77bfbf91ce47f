import type { CategoryNodeView, RegionNodeView, UnitNodeView } from '../contract/org.js';

/** A unit as the API shows it (the tree, the unit admin's answers). */
export const presentUnit = (u: {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}): UnitNodeView => ({ id: u.id, parentId: u.parent_id, code: u.code, name: u.name, kind: u.kind, active: u.active });

/** A category as the API shows it (the tree, the category admin's answers). */
export const presentCategory = (c: {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: number;
  active: boolean;
  aliases: string[];
}): CategoryNodeView => ({
  id: c.id,
  parentId: c.parent_id,
  code: c.code,
  name: c.name,
  level: c.level,
  active: c.active,
  aliases: c.aliases,
});

export const presentRegion = (r: {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: number;
}): RegionNodeView => ({ id: r.id, parentId: r.parent_id, code: r.code, name: r.name, level: r.level });

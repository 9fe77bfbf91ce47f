/** Builds antd tree data from flat rows with parentId (units, categories, regions). */
export interface TreeNode {
  title: string;
  value: string;
  key: string;
  disabled?: boolean;
  children?: TreeNode[];
  /** What a typed search is matched against when it is more than the title (a category's aliases). */
  searchText?: string;
}

/** The same tree with each node's search text filled in (the picker's first-match highlight reads it). */
export function withSearchText(nodes: readonly TreeNode[], textOf: (id: string) => string): TreeNode[] {
  return nodes.map((n) => ({
    ...n,
    searchText: textOf(n.value),
    children: n.children && withSearchText(n.children, textOf),
  }));
}

export function buildTree<T extends { id: string; parentId: string | null; name: string }>(
  rows: readonly T[],
  isDisabled: (row: T) => boolean = () => false,
): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const row of rows) nodes.set(row.id, { title: row.name, value: row.id, key: row.id, disabled: isDisabled(row) });
  const roots: TreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export const nameIndex = <T extends { id: string; name: string }>(rows: readonly T[] | undefined) =>
  new Map((rows ?? []).map((r) => [r.id, r.name]));

/** The ids of a row and of every row below it (a unit and its sub-units). */
export function subtreeIds<T extends { id: string; parentId: string | null }>(rows: readonly T[] | undefined, rootId: string) {
  const children = new Map<string, string[]>();
  for (const r of rows ?? []) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const ids = new Set<string>();
  for (const stack = [rootId]; stack.length > 0;) {
    const id = stack.pop()!;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/**
 * The tree without its unselectable nodes, their children lifted to their place: the select's
 * keyboard search skips a disabled node together with everything below it, so a disabled branch
 * (the centre above every unit) would leave Enter with nothing to choose.
 */
export function selectableOnly(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => {
    const children = n.children ? selectableOnly(n.children) : undefined;
    if (n.disabled) return children ?? [];
    return [{ ...n, children: children && children.length > 0 ? children : undefined }];
  });
}

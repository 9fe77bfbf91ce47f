import { sql, type RawBuilder } from 'kysely';

/**
 * The one subtree rule of the unit and category trees (materialised paths). A path lists its
 * ancestors' ids and ends with a separator, so a prefix match keeps to whole segments: a node is
 * inside the subtree of `rootPath` when its path starts with `rootPath` (the root itself included).
 */

/** JS: true when `path` lies inside the subtree whose root path is `rootPath`. */
export const isInSubtree = (path: string, rootPath: string): boolean => path.startsWith(rootPath);

/** The LIKE pattern of every path inside the subtree of `rootPath`. */
export const subtreePattern = (rootPath: string): string => `${rootPath}%`;

/** SQL: `column like 'rootPath%'`, for `.where(inSubtree('units.path', actor.unitPath))` or inside sql``. */
export const inSubtree = (column: string, rootPath: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} like ${subtreePattern(rootPath)}`;

/** SQL: the row's `column` lies inside the subtree rooted at another row's `rootColumn` (a join on two trees' paths). */
export const inSubtreeOfColumn = (column: string, rootColumn: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} like ${sql.ref(rootColumn)} || '%'`;

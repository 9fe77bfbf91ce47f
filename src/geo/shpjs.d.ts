// shpjs ships no types: the two readers grid-file.ts uses (lib/index.js), untyped output.
declare module 'shpjs' {
  /** The shapes of a .shp as GeoJSON geometries (null for a null shape); no reprojection without `prj`. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): unknown[];
  /** The records of a .dbf, decoded with `cpg` (a .cpg's encoding label) or UTF-8. */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}

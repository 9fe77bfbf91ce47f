import type { GeoPoint, GridShape } from '../../../../src/contract/geo';
import type { MapBinView, MapTilesView, RegionOutlineView } from '../../../../src/contract/map';

/** A box in WGS-84 degrees: [minLng, minLat, maxLng, maxLat] (the API's bbox). */
export type Box = [number, number, number, number];

/** One dot on the map: its colour says the state, a red ring says overdue. */
export interface MapPointSpec {
  id: string;
  lat: number;
  lng: number;
  color: string;
  overdue?: boolean;
  /** Shown on hover and to screen readers. */
  tooltip?: string;
  /** A class suffix (the state), for styling and for tests. */
  kind?: string;
}

/** Counts per cell of a division of a box (GET /api/orders/map's bins). */
export interface MapDensity {
  bbox: Box;
  binsPerSide: number;
  bins: MapBinView[];
}

/** Corners placed on the map by the grid editor: an outline (closed) or a dividing line. */
export interface MapSketch {
  points: GeoPoint[];
  closed: boolean;
}

export interface GeoMapProps {
  tiles: MapTilesView | null;
  height: number | string;
  /** The first view: this box, else `center` at `zoom`. */
  fitBox?: Box | null;
  center?: GeoPoint;
  zoom?: number;
  regions?: RegionOutlineView[];
  /** Grid outlines, drawn from `gridsFromZoom` on (a league's 25,000 are noise further out). */
  grids?: GridShape[];
  gridsFromZoom?: number;
  points?: MapPointSpec[];
  density?: MapDensity | null;
  /** With `onPin`, a tap places the pin and it can be dragged; the point given back is WGS-84. */
  pin?: GeoPoint | null;
  onPin?: (point: GeoPoint) => void;
  /** Moves the view to this point when it changes (the citizen's own position, say). */
  focus?: GeoPoint | null;
  onPointClick?: (id: string) => void;
  /** The view after every move, as a WGS-84 box. */
  onView?: (box: Box, zoom: number) => void;
  /** A region's label (its name by default; the wall adds its count). */
  regionLabel?: (outline: RegionOutlineView) => string;
  dark?: boolean;
  testId?: string;
  /** Every tap on the map, as WGS-84 (the grid editor places corners with it). */
  onMapClick?: (point: GeoPoint) => void;
  /** With `onGridClick` the grids can be picked; `selectedGrids` are drawn bold. */
  onGridClick?: (id: string) => void;
  selectedGrids?: string[];
  sketch?: MapSketch | null;
}

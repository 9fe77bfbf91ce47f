import L from 'leaflet';
import type { GridShape } from '../../../../src/contract/geo';
import type { RegionOutlineView } from '../../../../src/contract/map';
import { ringToMap, type MapProjection } from './map-crs';
import type { MapDensity, MapPointSpec, MapSketch } from './map-types';

/** The map's own styles: the pin, labels, the "no base map" note, the dark wall variant. */
export const MAP_CSS = `
.lx-map .leaflet-container { background: #eef2f5; font: inherit; }
.lx-map-dark .leaflet-container { background: #0a1f38; }
.lx-map-note { position: absolute; left: 8px; bottom: 8px; z-index: 500; max-width: calc(100% - 16px);
  background: rgba(255,255,255,.9); color: #444; border-radius: 4px; padding: 2px 8px; font-size: 12px; }
.lx-map-dark .lx-map-note { background: rgba(5,20,38,.85); color: #9cc3e6; }
.lx-pin span { display: block; width: 28px; height: 28px; border-radius: 50% 50% 50% 0; transform: rotate(-45deg);
  background: #d4380d; border: 3px solid #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); box-sizing: border-box; }
.lx-region-label { white-space: nowrap; font-size: 12px; color: #1f3a5f; text-shadow: 0 0 3px #fff, 0 0 3px #fff;
  width: auto !important; height: auto !important; transform-origin: center; }
.lx-region-label span { display: inline-block; transform: translate(-50%, -100%); }
.lx-map-dark .lx-region-label { color: #ffd666; text-shadow: 0 0 3px #051426; font-size: 14px; }
.lx-region-level-2 { display: none; }
.lx-zoom-near .lx-region-level-2 { display: block; }
`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** County outlines solid, towns dashed (drawn from their grids: an extent, not a surveyed boundary). */
export function drawRegions(
  group: L.LayerGroup,
  projection: MapProjection,
  outlines: readonly RegionOutlineView[],
  label?: (o: RegionOutlineView) => string,
) {
  group.clearLayers();
  for (const o of outlines) {
    const county = o.level <= 1;
    L.polygon(ringToMap(projection, o.ring), {
      color: county ? '#1f4e79' : '#4a78a8',
      weight: county ? 2.5 : 1.5,
      dashArray: county ? undefined : '5 4',
      fill: false,
      interactive: false,
      className: `lx-outline lx-outline-level-${o.level}`,
    }).addTo(group);
    const text = label ? label(o) : o.name;
    L.marker(projection.toMap(o.label), {
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: `lx-region-label lx-region-level-${Math.min(o.level, 2)}`,
        html: `<span>${escapeHtml(text)}</span>`,
      }),
    }).addTo(group);
  }
}

/**
 * Hides the region labels that would overlap one drawn before them (the earlier, the more important:
 * a caller orders its outlines so), and shows them again when the view leaves them room. Eight
 * counties' names on the wall's small map had run into one unreadable line.
 */
export function declutterLabels(container: HTMLElement) {
  const taken: DOMRect[] = [];
  for (const label of container.querySelectorAll<HTMLElement>('.lx-region-label')) {
    label.style.visibility = '';
    const text = label.querySelector('span');
    const box = text?.getBoundingClientRect();
    if (!box || box.width === 0) continue;
    const clash = taken.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom);
    if (clash) label.style.visibility = 'hidden';
    else taken.push(box);
  }
}

/** Grid outlines, thin; with `onClick` each one can be picked (the grid editor), the picked ones bold. */
export function drawGrids(
  group: L.LayerGroup,
  projection: MapProjection,
  grids: readonly GridShape[],
  selected: readonly string[] = [],
  onClick?: (id: string) => void,
) {
  group.clearLayers();
  for (const g of grids) {
    const picked = selected.includes(g.id);
    for (const polygon of g.geometry.coordinates) {
      const shape = L.polygon(ringToMap(projection, polygon[0] ?? []), {
        color: picked ? '#d4380d' : onClick ? '#4a78a8' : '#8c8c8c',
        weight: picked ? 3 : 1,
        fill: onClick !== undefined,
        fillOpacity: picked ? 0.2 : 0.05,
        interactive: onClick !== undefined,
        className: `lx-grid${picked ? ' lx-grid-picked' : ''}`,
      });
      if (onClick) {
        shape.bindTooltip(`${g.code} ${g.name}`);
        shape.on('click', () => onClick(g.id));
      }
      shape.addTo(group);
      shape.getElement()?.setAttribute('data-code', g.code);
    }
  }
}

/** The editor's sketch: the corners placed so far, joined (closed when it is an outline). */
export function drawSketch(group: L.LayerGroup, projection: MapProjection, sketch: MapSketch | null) {
  group.clearLayers();
  if (!sketch || sketch.points.length === 0) return;
  const at = sketch.points.map((p) => projection.toMap(p));
  const style = { color: '#d4380d', weight: 2, dashArray: '6 4', interactive: false, className: 'lx-sketch' };
  if (sketch.closed && at.length >= 3) L.polygon(at, { ...style, fillOpacity: 0.15 }).addTo(group);
  else L.polyline(at, style).addTo(group);
  for (const p of at)
    L.circleMarker(p, {
      radius: 4,
      color: '#d4380d',
      fillColor: '#fff',
      fillOpacity: 1,
      interactive: false,
      className: 'lx-sketch-corner',
    }).addTo(group);
}

/** The density of every matching order: each cell of the box shaded by its share of the busiest cell. */
export function drawDensity(group: L.LayerGroup, projection: MapProjection, density: MapDensity | null) {
  group.clearLayers();
  if (!density || density.bins.length === 0) return;
  const [minLng, minLat, maxLng, maxLat] = density.bbox;
  const w = (maxLng - minLng) / density.binsPerSide;
  const h = (maxLat - minLat) / density.binsPerSide;
  const max = Math.max(...density.bins.map((b) => b.count));
  for (const b of density.bins) {
    const sw = projection.toMap({ lng: minLng + b.x * w, lat: minLat + b.y * h });
    const ne = projection.toMap({ lng: minLng + (b.x + 1) * w, lat: minLat + (b.y + 1) * h });
    L.rectangle([sw, ne], {
      stroke: false,
      fillColor: '#fa541c',
      fillOpacity: 0.1 + 0.5 * (b.count / max),
      interactive: false,
      className: 'lx-density',
    }).addTo(group);
  }
}

/** Orders as dots (SVG: each one an element a click, a keyboard and a test can reach). */
export function drawPoints(
  group: L.LayerGroup,
  projection: MapProjection,
  points: readonly MapPointSpec[],
  onClick: (id: string) => void,
) {
  group.clearLayers();
  for (const p of points) {
    const dot = L.circleMarker(projection.toMap(p), {
      radius: 6,
      color: p.overdue ? '#cf1322' : '#ffffff',
      weight: p.overdue ? 3 : 1.5,
      fillColor: p.color,
      fillOpacity: 0.9,
      className: `lx-point lx-point-${p.kind ?? 'plain'}${p.overdue ? ' lx-point-overdue' : ''}`,
    });
    if (p.tooltip) dot.bindTooltip(p.tooltip);
    dot.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      onClick(p.id);
    });
    dot.addTo(group);
    const el = dot.getElement();
    el?.setAttribute('data-id', p.id);
    if (p.tooltip) el?.setAttribute('aria-label', p.tooltip);
  }
}

import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useT } from '../i18n';
import { mapMessages } from './map.messages';
import { mapProjection, ringToMap, type MapProjection } from './map-crs';
import { declutterLabels, drawDensity, drawGrids, drawPoints, drawRegions, drawSketch, MAP_CSS } from './map-layers';
import type { Box, GeoMapProps } from './map-types';

/** The drawn view as a WGS-84 box (a GCJ-02 map's corners converted back). */
function viewBox(map: L.Map, projection: MapProjection): Box {
  const b = map.getBounds();
  const sw = projection.fromMap(b.getSouth(), b.getWest());
  const ne = projection.fromMap(b.getNorth(), b.getEast());
  const clamp = (v: number, m: number) => Math.max(-m, Math.min(m, v));
  return [clamp(sw.lng, 180), clamp(sw.lat, 90), clamp(ne.lng, 180), clamp(ne.lat, 90)];
}

/** Room at the sides for the names centred on the outermost outlines (二连浩特市 was cut at the wall's edge). */
const FIT_PADDING: L.PointTuple = [40, 12];

const boxToBounds = (projection: MapProjection, box: Box) =>
  L.latLngBounds(ringToMap(projection, [box.slice(0, 2), box.slice(2, 4)]));

/**
 * Leaflet, driven from React: one map per mount; each layer redrawn when its data changes. Base tiles
 * only when configured; without them a plain background and our own outlines, and nothing is fetched
 * from anywhere but this server.
 */
export default function MapCanvas(props: GeoMapProps) {
  const t = useT(mapMessages);
  const { tiles, height, testId = 'geo-map' } = props;
  const projection = useMemo(() => mapProjection(tiles), [tiles]);
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<Record<'regions' | 'grids' | 'density' | 'points' | 'sketch', L.LayerGroup> | null>(null);
  const pinRef = useRef<L.Marker | null>(null);
  // The latest callbacks, read by handlers bound once.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const map = L.map(box.current!, {
      zoomControl: false,
      attributionControl: tiles !== null,
      center: props.center ? projection.toMap(props.center) : [43.9, 116.1],
      zoom: props.zoom ?? 7,
      maxZoom: tiles?.maxZoom ?? 18,
      // Quarter steps when fitting: whole steps halved the view whenever the outlines were a little wider
      // than one level, and the centre's counties sat small in the middle of an empty map.
      zoomSnap: 0.25,
    });
    L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
    if (tiles) {
      map.attributionControl.setPrefix(false);
      for (const url of tiles.urls)
        L.tileLayer(url, { subdomains: tiles.subdomains, maxZoom: tiles.maxZoom, attribution: tiles.attribution ?? '' }).addTo(
          map,
        );
    }
    const groups = {
      regions: L.layerGroup().addTo(map),
      grids: L.layerGroup(),
      density: L.layerGroup().addTo(map),
      points: L.layerGroup().addTo(map),
      sketch: L.layerGroup().addTo(map),
    };
    layers.current = groups;
    const zoomed = () => {
      const z = map.getZoom();
      box.current?.classList.toggle('lx-zoom-near', z >= 10);
      const showGrids = z >= (latest.current.gridsFromZoom ?? 10);
      if (showGrids && !map.hasLayer(groups.grids)) groups.grids.addTo(map);
      if (!showGrids && map.hasLayer(groups.grids)) groups.grids.remove();
    };
    map.on('zoomend', zoomed);
    map.on('zoomend resize', () => box.current && declutterLabels(box.current));
    map.on('moveend', () => latest.current.onView?.(viewBox(map, projection), map.getZoom()));
    map.on('click', (e: L.LeafletMouseEvent) => {
      const point = projection.fromMap(e.latlng.lat, e.latlng.lng);
      latest.current.onPin?.(point);
      latest.current.onMapClick?.(point);
    });
    mapRef.current = map;
    zoomed();
    // The first view counts as a move: a page with nothing to fit still asks for its points.
    latest.current.onView?.(viewBox(map, projection), map.getZoom());
    return () => {
      map.remove();
      mapRef.current = null;
      layers.current = null;
      pinRef.current = null;
    };
    // One map per mount: the tiles and the projection do not change while a page is open.
  }, [tiles, projection]);

  const fitKey = props.fitBox ? props.fitBox.join(',') : '';
  useEffect(() => {
    const map = mapRef.current;
    // A focus (the citizen's own position) wins over the outlines' box: the outlines often arrive after
    // the phone's position, and fitting then threw the zoomed-in view back out to the whole league. The
    // fit is not animated: Leaflet drops any setView during a zoom animation, so a position found while
    // the outlines' fit was still zooming was lost (the quarter zoom steps made almost every fit a zoom).
    if (map && props.fitBox && !props.focus) {
      map.fitBounds(boxToBounds(projection, props.fitBox), { padding: FIT_PADDING, animate: false });
    }
    // Refit only when the box itself changes, not on every new array.
  }, [fitKey, projection]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && props.focus) map.setView(projection.toMap(props.focus), Math.max(map.getZoom(), 15));
  }, [props.focus, projection]);

  useEffect(() => {
    if (!layers.current) return;
    drawRegions(layers.current.regions, projection, props.regions ?? [], props.regionLabel);
    if (box.current) declutterLabels(box.current);
  }, [props.regions, props.regionLabel, projection]);
  const pickable = props.onGridClick !== undefined;
  useEffect(() => {
    if (layers.current)
      drawGrids(
        layers.current.grids,
        projection,
        props.grids ?? [],
        props.selectedGrids,
        pickable ? (id) => latest.current.onGridClick?.(id) : undefined,
      );
  }, [props.grids, props.selectedGrids, pickable, projection]);
  useEffect(() => {
    if (layers.current) drawSketch(layers.current.sketch, projection, props.sketch ?? null);
  }, [props.sketch, projection]);
  useEffect(() => {
    if (layers.current) drawDensity(layers.current.density, projection, props.density ?? null);
  }, [props.density, projection]);
  useEffect(() => {
    if (layers.current)
      drawPoints(layers.current.points, projection, props.points ?? [], (id) => latest.current.onPointClick?.(id));
  }, [props.points, projection]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!props.pin) {
      pinRef.current?.remove();
      pinRef.current = null;
      return;
    }
    const at = projection.toMap(props.pin);
    if (pinRef.current) {
      pinRef.current.setLatLng(at);
      return;
    }
    const marker = L.marker(at, {
      draggable: true,
      title: t('pinHere'),
      alt: t('pinHere'),
      icon: L.divIcon({ className: 'lx-pin', html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 28] }),
    }).addTo(map);
    marker.on('dragend', () => {
      const p = marker.getLatLng();
      latest.current.onPin?.(projection.fromMap(p.lat, p.lng));
    });
    pinRef.current = marker;
  }, [props.pin, projection, t]);

  return (
    <div className={`lx-map${props.dark ? ' lx-map-dark' : ''}`} style={{ position: 'relative' }}>
      <style>{MAP_CSS}</style>
      <div ref={box} style={{ height }} data-testid={testId} role="region" aria-label={t('label')} />
      {tiles === null && (
        <div className="lx-map-note" data-testid={`${testId}-no-tiles`}>
          {t('noTiles')}
        </div>
      )}
    </div>
  );
}

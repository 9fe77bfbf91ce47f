import { Type } from '@sinclair/typebox';
import { MAP_TILE_CRS, type MapTilesView } from '../contract/map.js';
import { Nullable, wireSchema } from './wire-schema.js';

/** The configured base tiles as the console (GET /api/auth/me) and the portal (GET /api/portal/info) read them. */
export const MapTilesSchema = Nullable(
  wireSchema<MapTilesView>()(
    Type.Object({
      urls: Type.Array(Type.String()),
      subdomains: Type.String(),
      crs: Type.Union(MAP_TILE_CRS.map((c) => Type.Literal(c))),
      attribution: Nullable(Type.String()),
      maxZoom: Type.Integer(),
    }),
  ),
);

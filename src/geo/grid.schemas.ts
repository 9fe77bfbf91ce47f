import { Type, type Static } from '@sinclair/typebox';
import {
  COORD_SYSTEMS,
  GRID_PERSON_ROLES,
  type CoordSystem,
  type GridEditAnswer,
  type GridPersonRole,
  type GridImportResult,
  type GridLocateAnswer,
  type GridShape,
  type GridVersionView,
  type GridView,
} from '../contract/geo.js';
import type { GridPersonView } from './grid-people.service.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const Id = Type.String({ format: 'uuid' });
const CoordSystemField = () =>
  Type.Union(
    COORD_SYSTEMS.map((c) => Type.Literal<CoordSystem>(c)),
    { description: '坐标系: wgs84 (default), gcj02, bd09' },
  );

export const GridImportBody = Type.Object(
  {
    geojson: Type.Unknown({
      description: 'GeoJSON FeatureCollection of Polygon/MultiPolygon features: properties code, name, region',
    }),
    coordSystem: Type.Optional(CoordSystemField()),
    replace: Type.Optional(Type.Boolean({ description: 'end the grids the file leaves out' })),
  },
  { additionalProperties: false },
);

const FieldName = (what: string) =>
  Type.String({ minLength: 1, maxLength: 64, description: `${what}所在的属性名 / the attribute holding the ${what}` });

/** The text fields of POST /api/grids/import/file (multipart; the file under `file`). */
export const GridImportFileFields = Type.Object(
  {
    coordSystem: Type.Optional(CoordSystemField()),
    replace: Type.Optional(Type.Boolean({ description: 'end the grids the file leaves out' })),
    codeField: Type.Optional(FieldName('网格编码 grid code')),
    nameField: Type.Optional(FieldName('网格名称 grid name')),
    regionField: Type.Optional(FieldName('所属街道 region')),
    region: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: '文件未给出时的所属街道（编码或名称）/ region of grids without one',
      }),
    ),
    encoding: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, description: '.dbf 编码（无 .cpg 时）/ .dbf text encoding, e.g. gbk, utf-8' }),
    ),
  },
  { additionalProperties: false },
);
export type GridImportFileFieldsInput = Static<typeof GridImportFileFields>;

export const GridListQuery = Type.Object(
  { regionId: Type.Optional(Id), all: Type.Optional(Type.Boolean({ description: 'ended grids too' })) },
  { additionalProperties: false },
);
export const GridShapesQuery = Type.Object({ regionId: Type.Optional(Id) }, { additionalProperties: false });
export const LocateQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    coordSystem: Type.Optional(CoordSystemField()),
  },
  { additionalProperties: false },
);

const Point = Type.Object({ lat: Type.Number(), lng: Type.Number() });
export const GeometrySchema = Type.Object({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
});

export const GridImportResultSchema = wireSchema<GridImportResult>()(
  Type.Object({
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    deactivated: Type.Integer(),
    ordersReassigned: Type.Integer(),
  }),
);

export const GridImportFileResultSchema = wireSchema<GridImportResult & { format: 'geojson' | 'shapefile' | 'kml' }>()(
  Type.Object({
    format: Type.Union([Type.Literal('geojson'), Type.Literal('shapefile'), Type.Literal('kml')]),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    deactivated: Type.Integer(),
    ordersReassigned: Type.Integer(),
  }),
);

export const GridListSchema = wireSchema<{ items: GridView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Id,
        code: Type.String(),
        name: Type.String(),
        regionId: Id,
        regionName: Type.String(),
        version: Type.Integer(),
        active: Type.Boolean(),
        demo: Type.Boolean(),
        updatedAt: At,
      }),
    ),
  }),
);

export const GridShapesSchema = wireSchema<{ items: GridShape[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Id,
        code: Type.String(),
        name: Type.String(),
        regionId: Id,
        demo: Type.Boolean(),
        geometry: GeometrySchema,
      }),
    ),
  }),
);

export const GridLocateSchema = wireSchema<GridLocateAnswer>()(
  Type.Object({
    point: Point,
    grid: Nullable(Type.Object({ id: Id, code: Type.String(), name: Type.String(), regionId: Id })),
  }),
);

export const GridVersionsSchema = wireSchema<{ items: GridVersionView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        version: Type.Integer(),
        name: Type.String(),
        regionId: Id,
        active: Type.Boolean(),
        changedAt: At,
        changedBy: Nullable(Id),
        source: Type.String(),
      }),
    ),
  }),
);

// 网格编辑 (ADR 0207): the console's draw, edit, split and merge.
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3, description: '[lng, lat]' });
const OutlineInput = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false, description: 'GeoJSON Polygon 或 MultiPolygon（坐标系见 coordSystem）' },
);
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: '网格编码 / grid code' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '网格名称 / grid name' });
const Version = Type.Integer({ minimum: 1, description: '编辑前读到的版本 / the version the editor read' });

export const GridCreateBody = Type.Object(
  { code: Code, name: Name, regionId: Id, geometry: OutlineInput, coordSystem: Type.Optional(CoordSystemField()) },
  { additionalProperties: false },
);
export const GridEditBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    regionId: Type.Optional(Id),
    geometry: Type.Optional(OutlineInput),
    coordSystem: Type.Optional(CoordSystemField()),
    active: Type.Optional(Type.Boolean({ description: 'false: 停用 / end the grid' })),
  },
  { additionalProperties: false },
);
export const GridSplitBody = Type.Object(
  {
    version: Version,
    line: Type.Array(Position, { minItems: 2, maxItems: 1000, description: '分割线 / the dividing line' }),
    code: Code,
    name: Name,
    coordSystem: Type.Optional(CoordSystemField()),
  },
  { additionalProperties: false },
);
export const GridMergeBody = Type.Object(
  {
    version: Version,
    otherId: Id,
    otherVersion: Version,
    name: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export const GridEditAnswerSchema = wireSchema<GridEditAnswer>()(
  Type.Object({
    grids: Type.Array(
      Type.Object({
        id: Id,
        code: Type.String(),
        name: Type.String(),
        regionId: Id,
        version: Type.Integer(),
        active: Type.Boolean(),
      }),
    ),
    ordersReassigned: Type.Integer(),
  }),
);

// 网格人员 (ADR 0186): who belongs to a grid.
const RoleField = Type.Union(
  GRID_PERSON_ROLES.map((r) => Type.Literal<GridPersonRole>(r)),
  { description: 'worker 网格员, building_head 楼栋长, household_head 联户长, reporter 登记上报人' },
);
export const GridPersonBody = Type.Object(
  {
    role: RoleField,
    userId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '无账号时的姓名 / name (without an account)' })),
  },
  { additionalProperties: false },
);
export const GridPersonParams = Type.Object({ id: Id, personId: Id }, { additionalProperties: false });
export const GridPeopleSchema = wireSchema<{ items: GridPersonView[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Id,
        userId: Nullable(Id),
        username: Nullable(Type.String()),
        role: RoleField,
        name: Type.String(),
        active: Type.Boolean(),
        createdAt: At,
      }),
    ),
  }),
);

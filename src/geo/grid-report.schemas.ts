import { Type, type Static } from '@sinclair/typebox';
import { COORD_SYSTEMS, GRID_REPORT_TEXT_MAX, type GridReportReceipt, type GridReportView } from '../contract/geo.js';
import { ORDER_STATES } from '../contract/vocabulary.js';
import { StringEnum as lit, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, wireSchema } from '../shared/wire-schema.js';

/** Patterns rather than formats, so the same schema also checks multipart fields (strings) without Ajv formats. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A grid report's fields (multipart fields beside the `files`, or a JSON body without files). */
export const GridReportSchema = Type.Object(
  {
    text: WrittenText(GRID_REPORT_TEXT_MAX),
    categoryId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'where the issue is (the phone’s position)' }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    coordSystem: Type.Optional(lit(COORD_SYSTEMS, { description: '坐标系 of lat/lng (default wgs84: the phone’s GPS)' })),
    urgent: Type.Optional(
      Type.Boolean({
        description: '一键紧急上报 (grid worker, building/household head): priority 1, the grid, town and centre told',
      }),
    ),
  },
  { additionalProperties: false },
);
export type GridReportInput = Static<typeof GridReportSchema>;

export const GridReportReceiptSchema = wireSchema<GridReportReceipt<Date>>()(
  Type.Object({
    id: Type.String(),
    orderNo: Type.String(),
    gridName: Type.String(),
    urgent: Type.Boolean(),
    files: Type.Integer(),
    createdAt: At,
  }),
);

export const GridReportListSchema = wireSchema<{ items: GridReportView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        orderNo: Type.String(),
        title: Type.String(),
        gridName: Type.String(),
        urgent: Type.Boolean(),
        orderState: lit(ORDER_STATES),
        createdAt: At,
      }),
    ),
  }),
);

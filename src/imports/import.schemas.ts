import { Type, type TLiteral, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  IMPORT_FIELDS,
  IMPORT_PROBLEMS,
  VALUE_TABLE_FIELDS,
  type ImportMapping,
  type ImportPreviewView,
  type ImportReportView,
  type ImportRunView,
  type ImportStartView,
} from '../contract/imports.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';
import { APPEAL_TYPES, CHANNELS } from '../contract/vocabulary.js';
import { StringEnum } from '../shared/schema.js';
import { invalidField } from '../shared/errors.js';

/** One of a vocabulary's words, checkable at run time by Value.Check (the mapping file is checked outside Ajv). */
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v) as TLiteral<T>));

const Header = Type.String({ minLength: 1, maxLength: 200 });
const objectOf = (keys: readonly string[], value: TSchema) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Optional(value)])), { additionalProperties: false });

/** The mapping (`--mapping mapping.json`, or the editor's body): which column is which field, value tables, defaults. */
export const ImportMappingSchema = Type.Object(
  {
    sheet: Type.Optional(Type.String({ maxLength: 100 })),
    columns: objectOf(IMPORT_FIELDS, Header),
    values: Type.Optional(
      objectOf(
        VALUE_TABLE_FIELDS,
        Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 }), { maxProperties: 5000 }),
      ),
    ),
    defaults: Type.Optional(
      Type.Object(
        {
          channel: Type.Optional(literals(CHANNELS)),
          appealType: Type.Optional(literals(APPEAL_TYPES)),
          priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** A mapping read from a file or a form field: checked against the schema, the first wrong place named. */
export function parseImportMapping(json: unknown): ImportMapping {
  if (Value.Check(ImportMappingSchema, json)) return json as ImportMapping;
  const first = Value.Errors(ImportMappingSchema, json).First();
  throw invalidField(`mapping${first?.path ?? ''}`, first?.message);
}

const Problem = Type.Object({
  row: Type.Integer(),
  field: Type.Union([StringEnum(IMPORT_FIELDS), Type.Literal('row')]),
  reason: StringEnum(IMPORT_PROBLEMS),
  value: Nullable(Type.String()),
});

/** POST /api/import/orders/preview. */
export const ImportPreviewViewSchema = wireSchema<ImportPreviewView>()(
  Type.Object({
    fileName: Type.String(),
    sheets: Type.Array(Type.String()),
    columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Type.String())),
    totalRows: Type.Integer(),
  }),
);

const ReportObject = Type.Object({
  dryRun: Type.Boolean(),
  totalRows: Type.Integer(),
  goodRows: Type.Integer(),
  badRows: Type.Integer(),
  problems: Type.Array(Problem),
  moreProblems: Type.Integer(),
  imported: Type.Integer(),
  skipped: Type.Integer(),
  runId: Nullable(Type.String()),
  resumedFromRow: Type.Integer(),
  finishedAt: Nullable(At),
});

/** POST /api/import/orders (a dry run or a real run). */
export const ImportReportViewSchema = wireSchema<ImportReportView<Date>>()(ReportObject);

const RunObject = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  totalRows: Type.Integer(),
  rowsDone: Type.Integer(),
  imported: Type.Integer(),
  skipped: Type.Integer(),
  state: StringEnum(['running', 'done', 'failed'] as const),
  failure: Nullable(Type.String()),
  startedAt: At,
  finishedAt: Nullable(At),
  startedByName: Nullable(Type.String()),
});

/** GET /api/import/runs/:id. */
export const ImportRunViewSchema = wireSchema<ImportRunView<Date>>()(RunObject);

/** GET /api/import/runs. */
export const ImportRunListSchema = wireSchema<{ runs: ImportRunView<Date>[] }>()(Type.Object({ runs: Type.Array(RunObject) }));

/** POST /api/import/runs. */
export const ImportStartViewSchema = wireSchema<ImportStartView<Date>>()(
  Type.Object({ report: ReportObject, run: Nullable(RunObject) }),
);

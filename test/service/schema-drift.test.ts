import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { declaredTables, type ColumnKind, type DeclaredColumn } from '../helpers/declared-tables.js';
import { useTestDatabase } from '../helpers/use-world.js';

/**
 * src/db/schema.ts is kept by hand beside the migrations ("update both together"). This compares the
 * two: the tables and columns of its `DB` interface with those of a freshly migrated database (PGlite
 * here, PostgreSQL with TEST_DATABASE_URL), and each column's nullability and rough JS type.
 */
describe('src/db/schema.ts matches the migrated database', () => {
  const database = useTestDatabase();
  const declared = declaredTables();

  /** What each PostgreSQL type reads back as through our drivers (see src/db/database.ts: DATE as text, int8/numeric as numbers). */
  const KINDS: Record<string, ColumnKind[]> = {
    text: ['string'],
    'character varying': ['string'],
    character: ['string'],
    uuid: ['string'],
    date: ['string'],
    tsvector: ['string'],
    smallint: ['number'],
    integer: ['number'],
    bigint: ['number'],
    numeric: ['number'],
    real: ['number'],
    'double precision': ['number'],
    boolean: ['boolean'],
    'timestamp with time zone': ['Date'],
    'timestamp without time zone': ['Date'],
    ARRAY: ['array'],
    json: ['object', 'array'],
    jsonb: ['object', 'array'],
    bytea: ['object'],
  };

  const migrated = async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO'; data_type: string }>`
      select c.table_name, c.column_name, c.is_nullable, c.data_type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and t.table_name not in ('kysely_migration', 'kysely_migration_lock')
      order by c.table_name, c.column_name`.execute(database.db);
    return rows;
  };
  const namesOf = (tables: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(
      Object.entries(tables)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([table, columns]) => [table, Object.keys(columns).sort()]),
    );

  it('has the same tables with the same columns', async () => {
    const inDatabase: Record<string, Record<string, true>> = {};
    for (const r of await migrated()) (inDatabase[r.table_name] ??= {})[r.column_name] = true;
    expect(Object.keys(declared).length).toBeGreaterThan(20);
    expect(namesOf(declared)).toEqual(namesOf(inDatabase));
  });

  it('types each column as nullable exactly when the database does, with a type its driver reads back', async () => {
    const show = (c: DeclaredColumn) => `${c.kind}${c.nullable ? ' | null' : ''}`;
    const drift: string[] = [];
    for (const r of await migrated()) {
      const column = declared[r.table_name]?.[r.column_name];
      if (!column) continue; // the test above names it
      const kinds = KINDS[r.data_type];
      const nullable = r.is_nullable === 'YES';
      if (!kinds) drift.push(`${r.table_name}.${r.column_name}: ${r.data_type} is not in this test's type map`);
      else if (!kinds.includes(column.kind as ColumnKind) || column.nullable !== nullable) {
        drift.push(
          `${r.table_name}.${r.column_name}: ${r.data_type}${nullable ? ' null' : ' not null'}, declared ${show(column)}`,
        );
      }
    }
    expect(drift).toEqual([]);
  });
});

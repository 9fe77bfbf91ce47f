import path from 'node:path';
import ts from 'typescript';

/** The rough JS type of a selected column: what a repository reads back from either driver. */
export type ColumnKind = 'string' | 'number' | 'boolean' | 'Date' | 'array' | 'object';
export interface DeclaredColumn {
  kind: ColumnKind | `mixed(${string})`;
  nullable: boolean;
}

/**
 * The tables of the `DB` interface in src/db/schema.ts (with the `*.table.ts` interfaces it extends),
 * read with the TypeScript checker: table → column → the selected type (`Selectable`), as kind and
 * nullability. Types do not exist at run time, so the test compiles the declarations instead.
 */
export function declaredTables(schemaFile = path.resolve('src/db/schema.ts')): Record<string, Record<string, DeclaredColumn>> {
  const program = ts.createProgram([schemaFile], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const source = program.getSourceFile(schemaFile);
  // An unresolved import would read as `any` and hide its tables: the declarations must compile.
  const errors = ts.getPreEmitDiagnostics(program, source);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})));
  const checker = program.getTypeChecker();
  const dbInterface = source?.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!dbInterface || !ts.isInterfaceDeclaration(dbInterface)) throw new Error(`no interface DB in ${schemaFile}`);

  /** Kysely's ColumnType<S, I, U> (and Generated<T>) is read as S, member by member of a union, like Selectable. */
  const selected = (type: ts.Type): ts.Type[] =>
    (type.isUnion() ? type.types : [type]).flatMap((member) => {
      const select = member.getProperty('__select__');
      return select ? selected(checker.getTypeOfSymbol(select)) : [member];
    });
  const kindOf = (type: ts.Type): ColumnKind => {
    if (type.flags & ts.TypeFlags.StringLike) return 'string';
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (checker.isArrayType(type)) return 'array';
    if (type.getSymbol()?.name === 'Date') return 'Date';
    return 'object';
  };
  const column = (type: ts.Type): DeclaredColumn => {
    const members = selected(type);
    const kinds = [...new Set(members.filter((m) => !(m.flags & ts.TypeFlags.Null)).map(kindOf))];
    return {
      kind: kinds.length === 1 ? kinds[0]! : `mixed(${kinds.join('|')})`,
      nullable: members.some((m) => m.flags & ts.TypeFlags.Null),
    };
  };

  const tables: Record<string, Record<string, DeclaredColumn>> = {};
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(dbInterface.name))) {
    const columns: Record<string, DeclaredColumn> = {};
    for (const col of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      columns[col.name] = column(checker.getTypeOfSymbol(col));
    }
    tables[table.name] = columns;
  }
  return tables;
}

import {
  AliasNode,
  BinaryOperationNode,
  ColumnNode,
  ColumnUpdateNode,
  OperationNodeTransformer,
  OperatorNode,
  PrimitiveValueListNode,
  ReferenceNode,
  TableNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  type InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import { isSealed, type PiiKeyring } from '../shared/pii-keyring.js';

/**
 * The columns that hold personal data, sealed at rest (ADR 0170). A column with `index` has a blind
 * index column beside it (HMAC of the value, `kind` separating phones from addresses): an exact
 * comparison with the column (`=`, `<>`, `in`) is compared on the index instead.
 */
export const SEALED_COLUMNS: Readonly<Record<string, Readonly<Record<string, { index?: string; kind?: string }>>>> = {
  orders: {
    caller_name: {},
    caller_phone: { index: 'caller_phone_bidx', kind: 'phone' },
    address: { index: 'address_bidx', kind: 'address' },
  },
  calls: { caller_number: {} },
  portal_otp_codes: { phone: { index: 'phone_bidx', kind: 'phone' } },
  users: { totp_secret: {}, totp_pending_secret: {} },
  // Residents of the points ledger (issue 19): found by phone, so it has the same blind index as the OTP phones.
  residents: { phone: { index: 'phone_bidx', kind: 'phone' } },
  resident_sessions: { phone: {} },
  // The secret that signs an outside system's webhooks (ADR 0182), sealed like the TOTP secrets.
  client_webhooks: { webhook_secret: {} },
  portal_phone_sessions: { phone: {} },
};

/** Every sealed column name (result rows carry names, not tables): opened wherever it is read. */
const SEALED_NAMES = [...new Set(Object.values(SEALED_COLUMNS).flatMap((cols) => Object.keys(cols)))];
/** Column name → its blind index, for comparisons (the indexed names are unique across tables). */
const INDEXED = new Map(
  Object.values(SEALED_COLUMNS).flatMap((cols) =>
    Object.entries(cols).flatMap(([name, c]) => (c.index ? [[name, { index: c.index, kind: c.kind! }] as const] : [])),
  ),
);
const EXACT = new Set(['=', '==', '!=', '<>', 'in', 'not in', 'is distinct from', 'is not distinct from']);
const NULL_TESTS = new Set(['is', 'is not']);
/** The exact comparisons that ask for a different value (a rotation's several indexes: `not in`). */
const NEGATED = new Set(['!=', '<>', 'not in', 'is distinct from']);

const refused = (what: string) =>
  new Error(`加密列不能这样使用 / a sealed personal-data column cannot be used this way: ${what} (ADR 0170)`);

class SealTransformer extends OperationNodeTransformer {
  constructor(private readonly keyring: PiiKeyring) {
    super();
  }

  #seal(v: unknown): unknown {
    return typeof v === 'string' ? this.keyring.seal(v) : v;
  }

  #index(kind: string, v: unknown): unknown {
    return typeof v === 'string' ? this.keyring.blindIndex(kind, v) : null;
  }

  #sealNode(node: OperationNode, column: string, spec?: Readonly<Record<string, { index?: string }>>): OperationNode {
    if (ValueNode.is(node)) return ValueNode.create(this.#seal(node.value));
    if (node.kind === 'DefaultInsertValueNode') return node;
    // One sealed column copied into another of the same row (TOTP: the pending secret confirmed).
    const from = ReferenceNode.is(node) ? node.column : node;
    if (spec && ColumnNode.is(from) && spec[from.column.name] && !spec[from.column.name]!.index && !spec[column]!.index)
      return node;
    throw refused(`${column} set from an expression`);
  }

  #indexNode(node: OperationNode, kind: string): OperationNode {
    return ValueNode.is(node) ? ValueNode.create(this.#index(kind, node.value)) : ValueNode.create(null);
  }

  /** Seals the sealed columns of SET lists and adds their blind index columns. */
  #sealUpdates(table: string | undefined, updates: readonly ColumnUpdateNode[] | undefined) {
    const spec = table ? SEALED_COLUMNS[table] : undefined;
    if (!spec || !updates) return updates;
    const out: ColumnUpdateNode[] = [];
    for (const u of updates) {
      const name = ColumnNode.is(u.column) ? u.column.column.name : undefined;
      const c = name ? spec[name] : undefined;
      if (!name || !c) {
        out.push(u);
        continue;
      }
      out.push(ColumnUpdateNode.create(u.column, this.#sealNode(u.value, name, spec)));
      if (c.index) out.push(ColumnUpdateNode.create(ColumnNode.create(c.index), this.#indexNode(u.value, c.kind!)));
    }
    return out;
  }

  protected override transformInsertQuery(
    node: InsertQueryNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ) {
    const t = super.transformInsertQuery(node, queryId);
    const table = t.into?.table.identifier.name;
    const spec = table ? SEALED_COLUMNS[table] : undefined;
    if (!spec || !t.columns) return t;
    const names = t.columns.map((c) => c.column.name);
    const sealedAt = names.flatMap((n, i) => (spec[n] ? [{ i, name: n, c: spec[n] }] : []));
    if (sealedAt.length === 0) return t;
    const added = sealedAt.filter((s) => s.c.index && !names.includes(s.c.index));
    let values = t.values;
    if (values && ValuesNode.is(values)) {
      values = ValuesNode.create(
        values.values.map((row) => {
          if (PrimitiveValueListNode.is(row)) {
            const v = [...row.values];
            for (const s of sealedAt) v[s.i] = this.#seal(v[s.i]);
            return PrimitiveValueListNode.create([...v, ...added.map((s) => this.#index(s.c.kind!, row.values[s.i]))]);
          }
          const v = [...row.values];
          for (const s of sealedAt) v[s.i] = this.#sealNode(v[s.i]!, s.name);
          return ValueListNode.create([...v, ...added.map((s) => this.#indexNode(row.values[s.i]!, s.c.kind!))]);
        }),
      );
    } else if (values) throw refused(`insert into ${table} from a query`);
    const onConflict = t.onConflict?.updates
      ? { ...t.onConflict, updates: this.#sealUpdates(table, t.onConflict.updates) }
      : t.onConflict;
    return { ...t, columns: [...t.columns, ...added.map((s) => ColumnNode.create(s.c.index!))], values, onConflict };
  }

  protected override transformUpdateQuery(
    node: UpdateQueryNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ) {
    const t = super.transformUpdateQuery(node, queryId);
    const target = t.table && AliasNode.is(t.table) ? t.table.node : t.table;
    const table = target && TableNode.is(target) ? target.table.identifier.name : undefined;
    return { ...t, updates: this.#sealUpdates(table, t.updates) };
  }

  protected override transformBinaryOperation(
    node: BinaryOperationNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ) {
    const t = super.transformBinaryOperation(node, queryId);
    const left = t.leftOperand;
    const column = ReferenceNode.is(left) ? left.column : left;
    if (!ColumnNode.is(column) || !SEALED_NAMES.includes(column.column.name)) return t;
    const op = OperatorNode.is(t.operator) ? t.operator.operator : undefined;
    if (op && NULL_TESTS.has(op)) return t;
    const indexed = INDEXED.get(column.column.name);
    if (!indexed || !op || !EXACT.has(op)) throw refused(`${column.column.name} ${op ?? '?'}`);
    const indexColumn = ColumnNode.create(indexed.index);
    const newLeft = ReferenceNode.is(left) ? ReferenceNode.create(indexColumn, left.table) : indexColumn;
    const compared = this.#comparedValues(t.rightOperand, column.column.name);
    if (compared.every((v) => ValueNode.is(v) && typeof v.value === 'string')) {
      // During a blind-index rotation a value matches its index under any key in use (ADR 0201).
      const indexes = compared.flatMap((v) =>
        ValueNode.is(v) ? this.keyring.blindIndexes(indexed.kind, v.value as string) : [],
      );
      if (indexes.length > compared.length) {
        const negated = NEGATED.has(op);
        return BinaryOperationNode.create(
          newLeft,
          OperatorNode.create(negated ? 'not in' : 'in'),
          PrimitiveValueListNode.create(indexes),
        );
      }
    }
    const right = t.rightOperand;
    let value: OperationNode;
    if (ValueNode.is(right)) value = ValueNode.create(this.#index(indexed.kind, right.value));
    else if (PrimitiveValueListNode.is(right))
      value = PrimitiveValueListNode.create(right.values.map((v) => this.#index(indexed.kind, v)));
    else value = ValueListNode.create((right as ValueListNode).values.map((v) => this.#indexNode(v, indexed.kind)));
    return BinaryOperationNode.create(newLeft, t.operator, value);
  }

  /** The values a sealed column is compared with, as value nodes; an expression is refused. */
  #comparedValues(right: OperationNode, column: string): OperationNode[] {
    if (ValueNode.is(right)) return [right];
    if (PrimitiveValueListNode.is(right)) return right.values.map((v) => ValueNode.create(v));
    if (ValueListNode.is(right)) return [...right.values];
    throw refused(`${column} compared with an expression`);
  }
}

/**
 * Transparent encryption of the personal-data columns (ADR 0170), like Rails' `encrypts … deterministic`:
 * values written to a sealed column (insert, update, upsert) are sealed with the current key and
 * their blind index is written beside them; exact comparisons go to the blind index; every result row
 * is opened. Raw SQL (sql``) passes unchanged: it must not write these columns.
 */
export class PiiColumnsPlugin implements KyselyPlugin {
  readonly #transformer: SealTransformer;

  constructor(readonly keyring: PiiKeyring) {
    this.#transformer = new SealTransformer(keyring);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const kind = args.node.kind;
    if (kind !== 'SelectQueryNode' && kind !== 'InsertQueryNode' && kind !== 'UpdateQueryNode' && kind !== 'DeleteQueryNode')
      return args.node;
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const name of SEALED_NAMES) {
        const v = row[name];
        if (isSealed(v)) row[name] = this.keyring.open(v);
      }
    }
    return args.result;
  }
}

/** The keyring a database was opened with (the server's, a test's), or undefined for a raw connection. */
export function piiKeyringOf(db: { getExecutor(): { readonly plugins: readonly KyselyPlugin[] } }): PiiKeyring | undefined {
  return db.getExecutor().plugins.find((p): p is PiiColumnsPlugin => p instanceof PiiColumnsPlugin)?.keyring;
}

/** As piiKeyringOf, for code that cannot work without it (attachments, blind-indexed rate buckets). */
export function requirePiiKeyring(db: { getExecutor(): { readonly plugins: readonly KyselyPlugin[] } }): PiiKeyring {
  const keyring = piiKeyringOf(db);
  if (!keyring) throw new Error('数据库未配置个人信息密钥 / the database was opened without personal-data keys');
  return keyring;
}

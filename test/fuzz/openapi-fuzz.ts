// Malformed requests generated from the API's own description (/api/openapi.json): every operation,
// each request carrying exactly one bad thing (a NUL byte, a number no integer column holds, a wrong
// type, a broken body, a truncated multipart upload…). Deterministic for a seed, bounded by a count.
// Used by the CI test (test/http/fuzz.http.test.ts, a few hundred requests) and by `npm run bench fuzz`
// (≥ 10,000). Everything goes through `app.inject()`: no socket, no traffic off the machine.

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Which operation and which bad thing, for the report when a 5xx appears. */
  label: string;
}

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
}

/** Known ids to aim at (an existing order, unit, user…): with them a bad body meets a real row. */
export type KnownIds = Record<string, string>;

/** Left out: sign-out would end the fuzzer's own sessions, and the live stream never ends (their input is tested elsewhere). */
const SKIPPED = new Set(['POST /api/auth/logout', 'GET /api/live']);

/** A small deterministic generator (mulberry32), so a failing request can be replayed from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof rng>;

export function operationsOf(spec: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (SKIPPED.has(`${m} ${path}`)) continue;
      const content = op.requestBody?.content ?? {};
      const [contentType] = Object.keys(content);
      ops.push({
        method: m,
        path,
        parameters: op.parameters ?? [],
        body: contentType ? { contentType, schema: content[contentType].schema ?? {} } : undefined,
      });
    }
  }
  return ops;
}

const UUID = '00000000-0000-4000-8000-000000000000';

/** Strings that must be refused cleanly wherever a text, an id or a number is expected. */
const BAD_TEXTS = [
  'a\u0000b',
  '\u0000',
  '%00',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e309',
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999999999',
  '1.5',
  '0x10',
  '',
  ' ',
  '../../etc/passwd',
  "'; drop table orders; --",
  '\ud800',
  'x'.repeat(5000),
  '[]',
  '{}',
];
/** The same, already percent-encoded for a URL (a NUL byte, a lone surrogate's bytes, %-junk). */
const BAD_URL_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%zz',
  'Infinity',
  '1e309',
  '-1',
  '9223372036854775808',
  '18446744073709551616',
  '2147483648',
  '1.5',
  'NaN',
  encodeURIComponent('x'.repeat(3000)),
  '%27%3B--',
  '',
];
/** JSON values (raw JSON text) to put where a field was. 1e309 parses to Infinity. */
const BAD_JSON_VALUES = [
  '"a\\u0000b"',
  '"\\u0000"',
  '"Infinity"',
  '"1e309"',
  '1e309',
  '-1e309',
  '9223372036854775808',
  '1e20',
  '2147483648',
  '4294967296',
  '-2147483649',
  '-1',
  '0',
  '1.5',
  'true',
  'null',
  '[]',
  '{}',
  '[{"a":1}]',
  '"9223372036854775808"',
  '"not-a-uuid"',
  '"\\ud800"',
  `"${'x'.repeat(20000)}"`,
  '{"__proto__":{"x":1}}',
];

function firstBranch(s: Schema): Schema {
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) return firstBranch(branches.find((b) => b.type !== 'null') ?? branches[0]);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map(firstBranch)) as Schema;
  return s;
}

/** A plausible value for a schema (the fuzzer then spoils one part of it). */
function sample(schema: Schema, ids: KnownIds, r: Rng, depth = 0): unknown {
  const s = firstBranch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || r.next() < 0.5) out[k] = sample(v, ids, r, depth + 1);
      }
      return out;
    }
    case 'array':
      return s.items && depth <= 4
        ? Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items!, ids, r, depth + 1))
        : [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return r.pick(Object.values(ids).concat(UUID));
      if (s.format === 'date') return '2025-03-03';
      if (s.format === 'date-time') return '2025-03-03T02:00:00.000Z';
      return '测试'.padEnd(Math.max(2, s.minLength ?? 0), '文').slice(0, s.maxLength ?? 100);
    default:
      return 'x';
  }
}

/** Paths (keys) of the object's leaves and inner objects, to spoil one of them. */
function slots(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  for (const [k, v] of Object.entries(value)) out.push(...slots(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  return out;
}

const MARK = '\u{f8ff}FUZZ\u{f8ff}';

/** The body with the value at `at` replaced by raw JSON text `raw` (so 1e309 and lone surrogates survive). */
function spoil(body: unknown, at: (string | number)[], raw: string): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let holder = copy;
  for (const key of at.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  holder[at[at.length - 1]] = MARK;
  return JSON.stringify(copy).replace(JSON.stringify(MARK), raw);
}

function pathWith(op: Operation, ids: KnownIds, r: Rng, bad?: string): string {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const badOne = bad !== undefined && pathParams.length ? r.pick(pathParams).name : undefined;
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === badOne) return bad!;
    const p = pathParams.find((x) => x.name === name);
    const s = p?.schema ? firstBranch(p.schema) : {};
    if (s.enum?.length) return encodeURIComponent(String(s.enum[0]));
    if (/month/i.test(name)) return '2025-03';
    if (/day/i.test(name)) return '2025-03-03';
    return ids[name] ?? ids.order ?? UUID;
  });
}

function goodQuery(op: Operation, ids: KnownIds, r: Rng, except?: string): string[] {
  const out: string[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query' || p.name === except) continue;
    if (p.required || r.next() < 0.3) {
      out.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(p.schema ?? {}, ids, r)))}`);
    }
  }
  return out;
}

const withQuery = (path: string, query: string[]) => (query.length ? `${path}?${query.join('&')}` : path);

function multipartBody(r: Rng): { contentType: string; payload: Buffer } {
  const boundary = '----fuzz' + r.int(1e9);
  const part =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n` +
    '\x89PNG\r\n\x1a\n' +
    'x'.repeat(50);
  const variants = [
    // truncated: no closing boundary
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: part },
    // the header names another boundary than the body uses
    { contentType: `multipart/form-data; boundary=other${boundary}`, payload: `${part}\r\n--${boundary}--\r\n` },
    // no boundary at all
    { contentType: 'multipart/form-data', payload: `${part}\r\n--${boundary}--\r\n` },
    // an empty body
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: '' },
    // a field part with a NUL in its value, and no file
    {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="content"\r\n\r\na\u0000b\r\n--${boundary}--\r\n`,
    },
    // a header line cut in the middle
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: `--${boundary}\r\nContent-Disposition: form-da` },
  ];
  const v = r.pick(variants);
  return { contentType: v.contentType, payload: Buffer.from(v.payload, 'binary') };
}

const RAW_BODIES = ['{', '{"a":', 'null', '[]', '"x"', '{"a":1}}', '\u0000', '{"a":"\\u0000"}', '{"a": NaN}', '1e309'];

/** One malformed request for `op`. */
export function fuzzRequest(op: Operation, ids: KnownIds, r: Rng): FuzzRequest {
  const kinds: string[] = ['query'];
  if (op.parameters.some((p) => p.in === 'path')) kinds.push('path');
  if (op.body) kinds.push('field', 'field', 'field', 'raw');
  if (op.method === 'POST' && !op.body) kinds.push('multipart', 'multipart');
  const kind = r.pick(kinds);
  const label = `${op.method} ${op.path} ${kind}`;
  const jsonHeaders = { 'content-type': 'application/json' };

  if (kind === 'path') {
    const bad = r.pick(BAD_URL_VALUES.filter((v) => v !== ''));
    const url = withQuery(pathWith(op, ids, r, bad), goodQuery(op, ids, r));
    const body = op.body ? JSON.stringify(sample(op.body.schema, ids, r)) : undefined;
    return { method: op.method, url, headers: body ? jsonHeaders : {}, payload: body, label: `${label} ${bad.slice(0, 20)}` };
  }
  if (kind === 'query') {
    const declared = op.parameters.filter((p) => p.in === 'query');
    const name = declared.length && r.next() < 0.85 ? r.pick(declared).name : r.pick(['q', 'limit', 'x\u0000']);
    const bad = r.pick(BAD_URL_VALUES);
    const query = [...goodQuery(op, ids, r, name), `${encodeURIComponent(name)}=${bad}`];
    const body = op.body ? JSON.stringify(sample(op.body.schema, ids, r)) : undefined;
    return {
      method: op.method,
      url: withQuery(pathWith(op, ids, r), query),
      headers: body ? jsonHeaders : {},
      payload: body,
      label: `${label} ${name}=${bad.slice(0, 20)}`,
    };
  }
  const url = withQuery(pathWith(op, ids, r), goodQuery(op, ids, r));
  if (kind === 'multipart') {
    const m = multipartBody(r);
    return { method: op.method, url, headers: { 'content-type': m.contentType }, payload: m.payload, label };
  }
  if (kind === 'raw') {
    const raw = r.pick(RAW_BODIES);
    const contentType = r.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']);
    return {
      method: op.method,
      url,
      headers: { 'content-type': contentType },
      payload: raw,
      label: `${label} ${contentType} ${JSON.stringify(raw)}`,
    };
  }
  const body = sample(op.body!.schema, ids, r);
  const places = slots(body);
  if (places.length === 0) {
    return { method: op.method, url, headers: jsonHeaders, payload: r.pick(BAD_JSON_VALUES), label: `${label} (whole body)` };
  }
  const at = r.pick(places);
  const raw = r.pick(BAD_JSON_VALUES);
  return {
    method: op.method,
    url,
    headers: jsonHeaders,
    payload: spoil(body, at, raw),
    label: `${label} ${at.join('.')}=${raw.slice(0, 20)}`,
  };
}

/** `count` malformed requests, cycling through every operation so each gets its share. */
export function fuzzRequests(spec: OpenApi, ids: KnownIds, count: number, seed = 1): FuzzRequest[] {
  const ops = operationsOf(spec);
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => fuzzRequest(ops[i % ops.length], ids, r));
}

/** Tables that legitimately grow on a refused request (sessions, the personal-data and audit logs). */
export const LOG_TABLE = /session|audit|pii|access|login|sign_in|rate|throttle|attempt|otp|presence|notice_read/;

/** Makes raw BAD_TEXTS available to other tests (one list of hostile strings for the whole suite). */
export const HOSTILE_TEXTS = BAD_TEXTS;

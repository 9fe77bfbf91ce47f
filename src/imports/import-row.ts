import { APPEAL_TYPE_LABELS, CHANNEL_LABELS, SATISFACTION_LABELS } from '../contract/labels.js';
import {
  IMPORT_FINAL_STATE_LABELS,
  IMPORT_FINAL_STATES,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportFinalState,
  type ImportMapping,
  type ImportProblem,
  type ImportProblemReason,
  type ValueTableField,
} from '../contract/imports.js';
import { receivesDispatch } from '../contract/forwarding.js';
import {
  APPEAL_TYPES,
  CHANNELS,
  SATISFACTION,
  type AppealType,
  type Channel,
  type Satisfaction,
  type UnitKind,
} from '../contract/vocabulary.js';
import { normalizePhone, PHONE_REGEXP } from '../orders/phone.js';
import { instantAt } from '../shared/time-zone.js';
import type { RawRow } from './import-file.js';

/** The centre's organisation as the import reads it: one entry per category, region, unit. */
export interface RefEntry {
  id: string;
  code: string;
  name: string;
  /** Category: the names from the root joined by '/'; aliases too. */
  path?: string;
  aliases?: readonly string[];
  kind?: UnitKind;
}

/** Look-ups by code, by name (several entries = ambiguous), and by name path. */
export interface RefIndex {
  byCode: Map<string, RefEntry>;
  byName: Map<string, RefEntry[]>;
}

export function indexRefs(entries: readonly RefEntry[]): RefIndex {
  const byCode = new Map<string, RefEntry>();
  const byName = new Map<string, RefEntry[]>();
  const add = (key: string, e: RefEntry) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(e)) list.push(e);
    byName.set(key, list);
  };
  for (const e of entries) {
    byCode.set(e.code, e);
    add(e.name, e);
    if (e.path) add(e.path, e);
    for (const a of e.aliases ?? []) add(a, e);
  }
  return { byCode, byName };
}

export interface ImportRefs {
  categories: RefIndex;
  regions: RefIndex;
  units: RefIndex;
  timeZone: string;
  now: Date;
}

/** One good row, ready to be written. */
export interface ImportRecord {
  row: number;
  originalNo: string;
  channel: Channel;
  appealType: AppealType;
  priority: number;
  categoryId: string | null;
  regionId: string | null;
  unit: { id: string; name: string } | null;
  callerName: string | null;
  callerPhone: string | null;
  address: string | null;
  title: string;
  content: string;
  createdAt: Date;
  dispatchedAt: Date | null;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date;
  finalState: ImportFinalState;
  replyText: string | null;
  satisfaction: Satisfaction | null;
  resolved: boolean | null;
}

export const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  originalNo: 40,
  callerName: 100,
  address: 300,
  title: 200,
  content: 10000,
  replyText: 8000,
};

const FINAL_STATE_WORDS: Record<string, ImportFinalState> = {
  办结: 'closed',
  已办结: 'closed',
  已完成: 'closed',
  直办: 'direct',
  已直办: 'direct',
  无效: 'invalid',
  不予受理: 'invalid',
};
const RESOLVED_WORDS: Record<string, boolean> = {
  是: true,
  已解决: true,
  解决: true,
  true: true,
  '1': true,
  否: false,
  未解决: false,
  false: false,
  '0': false,
};

/** A vocabulary value from its key, its Chinese or English label, or a few common words. */
function vocabulary<K extends string>(
  keys: readonly K[],
  labels: Record<K, { zh: string; en: string }>,
  extra: Record<string, K> = {},
) {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(k, k);
    map.set(labels[k].zh, k);
    map.set(labels[k].en.toLowerCase(), k);
  }
  for (const [w, k] of Object.entries(extra)) map.set(w, k);
  return (text: string): K | undefined => map.get(text) ?? map.get(text.toLowerCase());
}
const channelOf = vocabulary(CHANNELS, CHANNEL_LABELS, {
  电话来电: 'phone',
  热线: 'phone',
  网站: 'web',
  网络: 'web',
  微信: 'wechat_app',
  来访: 'window',
});
const appealTypeOf = vocabulary(APPEAL_TYPES, APPEAL_TYPE_LABELS, { 求助类: 'help', 投诉类: 'complaint', 咨询类: 'consult' });
const finalStateOf = vocabulary(IMPORT_FINAL_STATES, IMPORT_FINAL_STATE_LABELS, FINAL_STATE_WORDS);
const satisfactionOf = vocabulary(SATISFACTION, SATISFACTION_LABELS, { 比较满意: 'basically_satisfied' });

const DATE_RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?秒?)?)?$/;

/**
 * A time of the old file: an ISO instant with an offset, or a wall-clock time (2021-05-03 09:30,
 * 2021/5/3 9:30:12, 2021年5月3日) in the centre's zone, or a spreadsheet date cell (whose UTC fields
 * are the sheet's wall clock).
 */
export function parseImportDate(value: string | Date, timeZone: string): Date | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const date = value.toISOString().slice(0, 10);
    const minute = value.getUTCHours() * 60 + value.getUTCMinutes() + value.getUTCSeconds() / 60;
    return instantAt(date, minute, timeZone);
  }
  const text = value.trim();
  const m = DATE_RE.exec(text);
  if (m) {
    const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
    const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const check = new Date(`${date}T00:00:00Z`);
    if (check.toISOString().slice(0, 10) !== date) return null;
    return instantAt(date, Number(h) * 60 + Number(mi) + Number(s) / 60, timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

const cut = (v: string | Date | null) => (v === null ? null : (v instanceof Date ? v.toISOString() : v).slice(0, 100));

/**
 * Turns one row of the file into a record, or the row's problems (every one, so a dry run names all
 * the fields to mend at once). Pure: the organisation and the clock come in `refs`.
 */
export function convertRow(
  raw: RawRow,
  columnIndex: ReadonlyMap<ImportField, number>,
  mapping: ImportMapping,
  refs: ImportRefs,
): { record: ImportRecord; problems?: undefined } | { record?: undefined; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cellOf = (field: ImportField): string | Date | null => {
    const i = columnIndex.get(field);
    return i === undefined ? null : (raw.cells[i] ?? null);
  };
  const problem = (field: ImportField | 'row', reason: ImportProblemReason, value: string | Date | null) =>
    problems.push({ row: raw.row, field, reason, value: cut(value) });
  const text = (field: ImportField): string | null => {
    const v = cellOf(field);
    if (v === null) return null;
    const s = (v instanceof Date ? v.toISOString() : v).trim();
    if (s === '') return null;
    const max = MAX_LENGTH[field];
    if (max !== undefined && s.length > max) {
      problem(field, 'too_long', s);
      return null;
    }
    return s;
  };
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (field === 'finalState' && !columnIndex.has(field)) continue;
    const v = cellOf(field);
    if (v === null || (typeof v === 'string' && v.trim() === '')) problem(field, 'required', null);
  }
  /** The old word through the mapping's value table, else itself. */
  const translated = (field: ValueTableField, word: string) => mapping.values?.[field]?.[word] ?? word;
  const word = <T>(field: ValueTableField & ImportField, of: (t: string) => T | undefined, fallback?: T): T | null => {
    const s = text(field);
    if (s === null) return fallback ?? null;
    const v = of(translated(field, s));
    if (v === undefined) {
      problem(field, 'unknown_value', s);
      return null;
    }
    return v;
  };
  const ref = (field: 'category' | 'region' | 'unit', index: RefIndex): RefEntry | null => {
    const s = text(field);
    if (s === null) return null;
    const key = translated(field, s);
    const byCode = index.byCode.get(key);
    if (byCode) return byCode;
    const named = index.byName.get(key) ?? [];
    if (named.length === 1) return named[0]!;
    problem(field, named.length > 1 ? 'ambiguous' : 'unknown_value', s);
    return null;
  };
  const date = (field: ImportField): Date | null => {
    const v = cellOf(field);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const d = parseImportDate(v, refs.timeZone);
    if (d === null) problem(field, 'bad_date', v);
    else if (d.getTime() > refs.now.getTime()) {
      problem(field, 'future_date', v);
      return null;
    }
    return d;
  };

  const originalNo = text('originalNo');
  const channel = word('channel', channelOf, mapping.defaults?.channel ?? 'import');
  const appealType = word('appealType', appealTypeOf, mapping.defaults?.appealType ?? 'other');
  const finalState = word('finalState', finalStateOf, columnIndex.has('finalState') ? undefined : 'closed');
  const satisfaction = word('visitResult', satisfactionOf);
  const resolved = word('resolved', (t) => RESOLVED_WORDS[t.toLowerCase()]);
  const category = ref('category', refs.categories);
  const region = ref('region', refs.regions);
  const unit = ref('unit', refs.units);
  if (unit?.kind && !receivesDispatch(unit.kind)) problem('unit', 'not_dispatchable', unit.name);
  const callerName = text('callerName');
  const phoneText = text('callerPhone');
  if (phoneText !== null && !PHONE_REGEXP.test(phoneText)) problem('callerPhone', 'bad_phone', phoneText);
  const address = text('address');
  const content = text('content');
  const title = text('title') ?? (content ? content.split(/\r?\n/)[0]!.slice(0, 30) : null);
  const replyText = text('replyText');
  const createdAt = date('createdAt');
  const dispatchedAt = date('dispatchedAt');
  const acceptedAt = date('acceptedAt');
  const repliedAt = date('repliedAt');
  const closedAt = date('closedAt');
  // Each step no earlier than the one before it.
  let last: Date | null = null;
  for (const [field, at] of [
    ['createdAt', createdAt],
    ['dispatchedAt', dispatchedAt],
    ['acceptedAt', acceptedAt],
    ['repliedAt', repliedAt],
    ['closedAt', closedAt],
  ] as const) {
    if (at === null) continue;
    if (last !== null && at.getTime() < last.getTime()) problem(field, 'date_order', cellOf(field));
    last = at;
  }
  if (finalState === 'closed' && unit === null && !problems.some((p) => p.field === 'unit')) {
    problem('unit', 'unit_required', null);
  }
  if (finalState === 'closed' && closedAt === null && !problems.some((p) => p.field === 'closedAt')) {
    problem('closedAt', 'required', null);
  }
  // 直办 and 无效件 end when they were answered or refused: the closing time, else the reply, else the intake.
  const endedAt = closedAt ?? repliedAt ?? createdAt;
  const priority = mapping.defaults?.priority ?? 3;
  if (problems.length > 0 || !originalNo || !content || !title || !createdAt || !endedAt || !finalState) {
    if (problems.length === 0) problem('row', 'required', null);
    return { problems };
  }
  return {
    record: {
      row: raw.row,
      originalNo,
      channel: channel ?? 'import',
      appealType: appealType ?? 'other',
      priority,
      categoryId: category?.id ?? null,
      regionId: region?.id ?? null,
      unit: finalState === 'closed' && unit ? { id: unit.id, name: unit.name } : null,
      callerName,
      callerPhone: normalizePhone(phoneText),
      address,
      title,
      content,
      createdAt,
      dispatchedAt,
      acceptedAt,
      repliedAt,
      closedAt: endedAt,
      finalState,
      replyText,
      satisfaction,
      resolved,
    },
  };
}

/** Where each mapped field's column sits in the file; a mapped header the file lacks is a problem of the mapping. */
export function columnIndexOf(
  columns: readonly string[],
  mapping: ImportMapping,
): { index: Map<ImportField, number>; missing: string[] } {
  const index = new Map<ImportField, number>();
  const missing: string[] = [];
  for (const [field, header] of Object.entries(mapping.columns) as [ImportField, string | undefined][]) {
    if (!header) continue;
    const i = columns.indexOf(header);
    if (i < 0) missing.push(`${field}: ${header}`);
    else index.set(field, i);
  }
  return { index, missing };
}

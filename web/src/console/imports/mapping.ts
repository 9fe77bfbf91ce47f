import {
  IMPORT_FIELDS,
  VALUE_TABLE_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportPreviewView,
  type ValueTableField,
} from '../../shared/contract';

/**
 * The mapping editor's pure parts (ADR 0184): a first guess of which column is which field from the
 * usual headers of hotline exports, the words a column holds in the preview, and the mapping the
 * editor's state stands for (empty entries dropped) — the same JSON the CLI reads.
 */
const USUAL_HEADERS: Record<ImportField, readonly string[]> = {
  originalNo: ['工单编号', '原工单编号', '编号', '工单号', '单号'],
  channel: ['来源渠道', '渠道', '来源', '受理渠道'],
  appealType: ['诉求类型', '类型', '工单类型'],
  category: ['问题分类', '分类', '诉求分类', '类别'],
  region: ['所属地区', '所属区域', '地区', '区域'],
  unit: ['承办单位', '办理单位', '责任单位', '单位'],
  callerName: ['来电人', '诉求人', '姓名', '联系人'],
  callerPhone: ['联系电话', '来电号码', '电话', '手机'],
  address: ['地址', '诉求地址', '事发地址'],
  title: ['标题', '主题', '诉求标题'],
  content: ['诉求内容', '内容', '问题描述', '来电内容'],
  createdAt: ['登记时间', '受理时间', '来电时间', '创建时间'],
  dispatchedAt: ['派单时间', '交办时间'],
  acceptedAt: ['签收时间', '接收时间'],
  repliedAt: ['答复时间', '回复时间'],
  closedAt: ['办结时间', '结案时间', '完成时间'],
  finalState: ['办理状态', '状态', '最终状态', '工单状态'],
  replyText: ['答复内容', '答复', '回复内容', '办理结果'],
  visitResult: ['回访结果', '满意度', '回访满意度'],
  resolved: ['是否解决', '解决情况'],
};

/** Each field to the column whose header is one of its usual names (a column is given once). */
export function guessColumns(columns: readonly string[]): ImportMapping['columns'] {
  const taken = new Set<string>();
  const out: ImportMapping['columns'] = {};
  for (const field of IMPORT_FIELDS) {
    const hit = USUAL_HEADERS[field].find((h) => columns.includes(h) && !taken.has(h));
    if (hit) {
      out[field] = hit;
      taken.add(hit);
    }
  }
  return out;
}

/** The distinct non-empty words of a column in the preview rows (the old words a value table translates). */
export function wordsOf(preview: ImportPreviewView, column: string | undefined): string[] {
  const i = column === undefined ? -1 : preview.columns.indexOf(column);
  if (i < 0) return [];
  return [...new Set(preview.rows.map((r) => (r[i] ?? '').trim()).filter((w) => w !== ''))];
}

/** The value-table fields whose column is mapped (only they can need a table). */
export const tableFields = (mapping: ImportMapping): ValueTableField[] =>
  VALUE_TABLE_FIELDS.filter((f) => mapping.columns[f] !== undefined);

/** The mapping as sent and downloaded: unmapped fields, empty table entries and empty tables left out. */
export function cleanMapping(mapping: ImportMapping): ImportMapping {
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, v]) => v)) as ImportMapping['columns'];
  const values: NonNullable<ImportMapping['values']> = {};
  for (const field of VALUE_TABLE_FIELDS) {
    const entries = Object.entries(mapping.values?.[field] ?? {}).filter(([from, to]) => from.trim() !== '' && to !== '');
    if (entries.length > 0 && columns[field]) values[field] = Object.fromEntries(entries);
  }
  const defaults = Object.fromEntries(
    Object.entries(mapping.defaults ?? {}).filter(([, v]) => v !== undefined && v !== null),
  ) as ImportMapping['defaults'];
  return {
    ...(mapping.sheet ? { sheet: mapping.sheet } : {}),
    columns,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(defaults && Object.keys(defaults).length > 0 ? { defaults } : {}),
  };
}

/** Offers the mapping as mapping.json (for `lianxin import orders FILE --mapping mapping.json`). */
export function downloadMapping(mapping: ImportMapping) {
  const blob = new Blob([`${JSON.stringify(cleanMapping(mapping), null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'mapping.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One line of a value table as the editor holds it (an old word may be typed before its value is chosen). */
export interface TableEntry {
  from: string;
  to: string;
}
export type ValueTables = Partial<Record<ValueTableField, TableEntry[]>>;

/** The mapping with the editor's value tables in it. */
export function withTables(mapping: ImportMapping, tables: ValueTables): ImportMapping {
  const values: NonNullable<ImportMapping['values']> = {};
  for (const [field, entries] of Object.entries(tables) as [ValueTableField, TableEntry[]][]) {
    values[field] = Object.fromEntries(entries.map((e) => [e.from.trim(), e.to]));
  }
  return cleanMapping({ ...mapping, values });
}

import type { Words } from './labels.js';
import type { AppealType, Channel, Satisfaction } from './vocabulary.js';

/**
 * Import of a previous system's records (issue 17, ADRs 0183, 0184): the fields a column of the old
 * file can be mapped to, the words of each, the reasons a row is refused, and the answers the console
 * reads. Shared by the server (CLI and HTTP) and the web's mapping editor.
 */
export const IMPORT_FIELDS = [
  'originalNo',
  'channel',
  'appealType',
  'category',
  'region',
  'unit',
  'callerName',
  'callerPhone',
  'address',
  'title',
  'content',
  'createdAt',
  'dispatchedAt',
  'acceptedAt',
  'repliedAt',
  'closedAt',
  'finalState',
  'replyText',
  'visitResult',
  'resolved',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A row without these is refused; a closed order also needs its closing time (ADR 0183). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['originalNo', 'content', 'createdAt', 'finalState'];

/** Fields whose old words are translated by a value table of the mapping (old word → lianxin value). */
export const VALUE_TABLE_FIELDS = [
  'channel',
  'appealType',
  'category',
  'region',
  'unit',
  'finalState',
  'visitResult',
  'resolved',
] as const;
export type ValueTableField = (typeof VALUE_TABLE_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, Words>> = {
  originalNo: { zh: '原工单编号', en: 'Original number' },
  channel: { zh: '来源渠道', en: 'Channel' },
  appealType: { zh: '诉求类型', en: 'Appeal type' },
  category: { zh: '问题分类（名称或编码）', en: 'Category (name or code)' },
  region: { zh: '所属区域（名称或编码）', en: 'Region (name or code)' },
  unit: { zh: '承办单位（名称或编码）', en: 'Handling unit (name or code)' },
  callerName: { zh: '来电人姓名', en: 'Caller name' },
  callerPhone: { zh: '来电号码', en: 'Caller phone' },
  address: { zh: '地址', en: 'Address' },
  title: { zh: '标题', en: 'Title' },
  content: { zh: '诉求内容', en: 'Appeal text' },
  createdAt: { zh: '受理（登记）时间', en: 'Recorded at (受理)' },
  dispatchedAt: { zh: '派单时间', en: 'Dispatched at' },
  acceptedAt: { zh: '签收（单位接收）时间', en: 'Accepted by the unit at (签收)' },
  repliedAt: { zh: '答复时间', en: 'Replied at' },
  closedAt: { zh: '办结时间', en: 'Closed at' },
  finalState: { zh: '最终状态', en: 'Final state' },
  replyText: { zh: '答复内容', en: 'Reply text' },
  visitResult: { zh: '回访满意度', en: 'Return-visit result' },
  resolved: { zh: '是否解决', en: 'Resolved' },
};

/**
 * How an imported order ended: closed after a unit handled it, answered directly by the centre
 * (直办), or not accepted (无效件). Open orders are not imported (ADR 0183): they are entered anew.
 */
export const IMPORT_FINAL_STATES = ['closed', 'direct', 'invalid'] as const;
export type ImportFinalState = (typeof IMPORT_FINAL_STATES)[number];
export const IMPORT_FINAL_STATE_LABELS: Readonly<Record<ImportFinalState, Words>> = {
  closed: { zh: '已办结（单位办理）', en: 'Closed (a unit handled it)' },
  direct: { zh: '中心直办', en: 'Answered directly' },
  invalid: { zh: '无效件', en: 'Invalid' },
};

/** Why a cell or a row is refused; the dry run names the row, the field and one of these. */
export const IMPORT_PROBLEMS = [
  'required',
  'unknown_value',
  'ambiguous',
  'bad_date',
  'date_order',
  'future_date',
  'bad_phone',
  'too_long',
  'duplicate_in_file',
  'number_taken',
  'unit_required',
  'not_dispatchable',
] as const;
export type ImportProblemReason = (typeof IMPORT_PROBLEMS)[number];
export const IMPORT_PROBLEM_LABELS: Readonly<Record<ImportProblemReason, Words>> = {
  required: { zh: '必填项为空', en: 'required but empty' },
  unknown_value: { zh: '无法对应到本系统的值', en: 'no matching value in lianxin' },
  ambiguous: { zh: '名称对应到多个条目，请用编码或对照表', en: 'the name fits several entries; use a code or the value table' },
  bad_date: { zh: '日期时间无法识别', en: 'not a date and time' },
  date_order: { zh: '时间先后顺序不对', en: 'earlier than a step it follows' },
  future_date: { zh: '时间晚于现在', en: 'later than now' },
  bad_phone: { zh: '电话号码格式不对', en: 'not a phone number' },
  too_long: { zh: '内容过长', en: 'too long' },
  duplicate_in_file: { zh: '原工单编号在文件中重复', en: 'original number repeated in the file' },
  number_taken: { zh: '编号已被本系统的非导入工单使用', en: 'number already used by an order not imported' },
  unit_required: { zh: '已办结（单位办理）须有承办单位', en: 'a closed order handled by a unit needs the unit' },
  not_dispatchable: { zh: '该单位不接收派单（村/社区）', en: 'this unit does not receive dispatches (village)' },
};

/** The mapping file (`--mapping mapping.json`) and the console's mapping editor write this. */
export interface ImportMapping {
  /** The xlsx sheet to read (default: the first). */
  sheet?: string;
  /** lianxin field → the column's header in the file. */
  columns: Partial<Record<ImportField, string>>;
  /** Per field, old word → lianxin value (a channel, an appeal type, a category code or name, …). */
  values?: Partial<Record<ValueTableField, Record<string, string>>>;
  /** Values used when a row leaves the field empty (or the field is not mapped). */
  defaults?: { channel?: Channel; appealType?: AppealType; priority?: number };
}

export interface ImportProblem {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  field: ImportField | 'row';
  reason: ImportProblemReason;
  /** The cell's text, cut to 100 characters. */
  value: string | null;
}

/** The columns and first rows of an uploaded file, for the mapping editor. */
export interface ImportPreviewView {
  fileName: string;
  sheets: string[];
  columns: string[];
  rows: string[][];
  totalRows: number;
}

/** The answer of a dry run or a real run. */
export interface ImportReportView<D = string> {
  dryRun: boolean;
  totalRows: number;
  goodRows: number;
  badRows: number;
  /** Every bad row's problems in the CLI; the console's answer stops at PROBLEMS_SHOWN and says how many more. */
  problems: ImportProblem[];
  moreProblems: number;
  /** Real run: orders written now, rows already imported earlier (same original number), the run. */
  imported: number;
  skipped: number;
  runId: string | null;
  resumedFromRow: number;
  finishedAt: D | null;
}

export const PROBLEMS_SHOWN = 500;
export const SATISFACTION_VALUES: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/** One import run as the console lists it (GET /api/import/runs). */
export interface ImportRunView<D = string> {
  id: string;
  fileName: string;
  totalRows: number;
  /** The checkpoint: every row up to this one is committed, numbered as a spreadsheet does (the header is row 1). */
  rowsDone: number;
  imported: number;
  skipped: number;
  /** failed: a batch failed (`failure` says why); the same file and mapping started again resume it. */
  state: 'running' | 'done' | 'failed';
  failure: string | null;
  startedAt: D;
  finishedAt: D | null;
  startedByName: string | null;
}

/**
 * POST /api/import/runs: the file checked; with no bad row the run (its batches are written after the
 * answer, the console polls GET /api/import/runs/:id), else `run` is null and the report names the rows.
 */
export interface ImportStartView<D = string> {
  report: ImportReportView<D>;
  run: ImportRunView<D> | null;
}

/** The largest file the console uploads (the CLI reads any size). */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

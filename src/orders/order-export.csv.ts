import { text, type MessageKey } from '../i18n/messages.js';
import { maskName, maskPhone } from './masking.js';
import type { ExportOrderRow } from './order-export.repository.js';

/** Columns of the order CSV, in order: header label key and the cell of one row. */
interface Column {
  key: MessageKey;
  cell: (o: ExportOrderRow, ctx: CellContext) => string | number | null;
}

export interface CellContext {
  unmasked: boolean;
  timeZone: string;
}

/** The caller's identity in full: for pii.read, and never a confidential caller's in a file. */
const shown = (o: ExportOrderRow, c: CellContext) => c.unmasked && !o.caller_confidential;

const label = (prefix: string, value: string | null) => (value === null ? null : text(`${prefix}.${value}` as MessageKey).zh);
const yesNo = (v: boolean | null) => (v === null ? null : text(v ? 'label.yes' : 'label.no').zh);

/** 'YYYY-MM-DD HH:mm:ss' in the centre's time zone (the sv-SE locale prints ISO-like dates). */
export function localTime(at: Date | null, timeZone: string): string | null {
  if (!at) return null;
  return new Date(at).toLocaleString('sv-SE', { timeZone, hour12: false });
}

export const ORDER_CSV_COLUMNS: readonly Column[] = [
  { key: 'export.col.orderNo', cell: (o) => o.order_no },
  { key: 'export.col.acceptedAt', cell: (o, c) => localTime(o.accepted_at, c.timeZone) },
  { key: 'export.col.channel', cell: (o) => label('label.channel', o.channel) },
  { key: 'export.col.appealType', cell: (o) => label('label.appealType', o.appeal_type) },
  { key: 'export.col.category', cell: (o) => o.category_name },
  { key: 'export.col.priority', cell: (o) => o.priority },
  { key: 'export.col.title', cell: (o) => o.title },
  { key: 'export.col.content', cell: (o) => o.content },
  { key: 'export.col.callerName', cell: (o, c) => (shown(o, c) ? o.caller_name : maskName(o.caller_name)) },
  { key: 'export.col.callerPhone', cell: (o, c) => (shown(o, c) ? o.caller_phone : maskPhone(o.caller_phone)) },
  { key: 'export.col.region', cell: (o) => o.region_name },
  { key: 'export.col.address', cell: (o) => o.address },
  { key: 'export.col.state', cell: (o) => label('label.state', o.state) },
  { key: 'export.col.leadUnit', cell: (o) => o.lead_unit_name },
  { key: 'export.col.closedAt', cell: (o, c) => localTime(o.closed_at, c.timeZone) },
  { key: 'export.col.satisfaction', cell: (o) => label('label.satisfaction', o.satisfaction) },
  { key: 'export.col.resolved', cell: (o) => yesNo(o.resolved) },
  { key: 'export.col.escalated', cell: (o) => yesNo(o.escalated) },
];

/**
 * One CSV field (RFC 4180 quoting). A text starting with = + - @ is prefixed with ' so that a
 * spreadsheet shows it instead of running it as a formula (CSV injection).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;

/** Byte order mark: Excel opens a UTF-8 CSV correctly only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

export const orderCsvHeader = () => UTF8_BOM + csvLine(ORDER_CSV_COLUMNS.map((c) => text(c.key).zh));

export const orderCsvRow = (o: ExportOrderRow, ctx: CellContext) => csvLine(ORDER_CSV_COLUMNS.map((c) => c.cell(o, ctx)));

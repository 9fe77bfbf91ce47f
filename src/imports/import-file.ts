import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { invalidField } from '../shared/errors.js';

/** One data row of the file: its number as a spreadsheet shows it (header = 1) and its cells by column. */
export interface RawRow {
  row: number;
  cells: readonly (string | Date | null)[];
}

/** A file opened for import: its columns, its row count, and its rows (readable more than once). */
export interface ImportSource {
  fileName: string;
  kind: 'csv' | 'xlsx';
  sheets: string[];
  columns: string[];
  totalRows: number;
  rows(): AsyncIterable<RawRow>;
}

/**
 * Text of an exported CSV: UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Excel
 * and older Chinese systems write by default) — a byte sequence that is not UTF-8 is read as GB18030.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const isBlankRow = (cells: readonly (string | Date | null)[]) => cells.every((c) => c === null || c === '');

async function* csvRecords(text: string): AsyncIterable<string[]> {
  const parser = Readable.from([text]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }));
  for await (const record of parser as AsyncIterable<string[]>) yield record;
}

async function openCsv(fileName: string, bytes: Uint8Array): Promise<ImportSource> {
  const text = decodeCsvText(bytes);
  let columns: string[] | null = null;
  let total = 0;
  try {
    for await (const record of csvRecords(text)) {
      if (columns === null) columns = record.map((c) => c.trim());
      else if (!isBlankRow(record)) total++;
    }
  } catch {
    throw invalidField('file', 'csv');
  }
  if (columns === null) throw invalidField('file', 'empty');
  const cols = columns;
  return {
    fileName,
    kind: 'csv',
    sheets: [],
    columns: cols,
    totalRows: total,
    async *rows() {
      let row = 0;
      for await (const record of csvRecords(text)) {
        row++;
        if (row === 1) continue;
        const cells = record.map((c) => (c.trim() === '' ? null : c));
        if (!isBlankRow(cells)) yield { row, cells };
      }
    },
  };
}

/** A cell's value as text or a date (exceljs gives dates as instants whose UTC fields are the sheet's wall clock). */
function cellValue(v: ExcelJS.CellValue): string | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v as unknown as string);
}

async function openXlsx(fileName: string, bytes: Uint8Array, sheet: string | undefined): Promise<ImportSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw invalidField('file', 'xlsx');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const ws = sheet ? workbook.getWorksheet(sheet) : workbook.worksheets[0];
  if (!ws) throw invalidField(sheet ? 'sheet' : 'file', sheet ? 'unknown' : 'empty');
  const header = ws.getRow(1);
  const width = Math.max(header.cellCount, ws.columnCount);
  const columns = Array.from({ length: width }, (_, i) => {
    const v = cellValue(header.getCell(i + 1).value);
    return v instanceof Date ? v.toISOString() : (v ?? '').trim();
  });
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const data: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = columns.map((_, i) => cellValue(r.getCell(i + 1).value));
    if (!isBlankRow(cells)) data.push({ row: n, cells });
  });
  return {
    fileName,
    kind: 'xlsx',
    sheets,
    columns,
    totalRows: data.length,
    async *rows() {
      yield* data;
    },
  };
}

/** Opens an .xlsx or .csv file (by name, then by its first bytes: a zip is a workbook). */
export async function openImportFile(fileName: string, bytes: Uint8Array, sheet?: string): Promise<ImportSource> {
  const zip = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName) || zip) return openXlsx(fileName, bytes, sheet);
  return openCsv(fileName, bytes);
}

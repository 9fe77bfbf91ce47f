import fs from 'node:fs';

/** A CSV file that cannot be read as the caller needs it (a quote left open, a column missing). */
export class CsvError extends Error {}

/**
 * The one RFC 4180 CSV reader of lianxin: quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF or LF line ends; a UTF-8 BOM is dropped. lianxin reads CSV only for evaluations and
 * imports, so one function is cheaper than a dependency.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] !== '\n') endRow();
    } else field += ch;
    i += 1;
  }
  if (quoted) throw new CsvError('unterminated quoted field at end of file');
  if (field.length > 0 || row.length > 0) endRow();
  return rows;
}

/**
 * Reads a CSV file with a header row into objects keyed by the (trimmed) header names. `required`
 * columns missing from the header are named in a CsvError (a wrong file should not "evaluate" to 0).
 */
export function readCsvRecords(file: string, required: readonly string[] = []): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const names = (header ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new CsvError(`${file}：缺少列 ${missing.join('、')} / ${file}: missing column(s) ${missing.join(', ')}`);
  }
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}

/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks;
 * CRLF or LF line ends; a UTF-8 BOM is dropped. Written here because the evaluation files are the
 * only CSV lianxin reads and one function is cheaper than a dependency.
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

export class CsvError extends Error {}

/** One labelled appeal: the evaluation format `id,title,detail,label`. */
export interface LabelledText {
  id: string;
  title: string;
  detail: string;
  label: string;
}

const REQUIRED = ['title', 'detail', 'label'] as const;

/** Reads `id,title,detail,label` rows by header name (column order free; `id` optional). */
export function parseLabelledCsv(text: string): LabelledText[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvError('empty CSV: expected a header id,title,detail,label');
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new CsvError(`CSV header lacks column(s): ${missing.join(', ')}`);
  const at = (name: string) => names.indexOf(name);
  const [idI, titleI, detailI, labelI] = [at('id'), at('title'), at('detail'), at('label')];
  return rows
    .filter((r) => !(r.length === 1 && r[0]?.trim() === ''))
    .map((r) => ({
      id: idI >= 0 ? (r[idI] ?? '').trim() : '',
      title: (r[titleI] ?? '').trim(),
      detail: (r[detailI] ?? '').trim(),
      label: (r[labelI] ?? '').trim(),
    }));
}

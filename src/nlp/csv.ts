import { CsvError, parseCsv } from '../text/csv.js';

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

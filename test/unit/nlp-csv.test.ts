import { describe, expect, it } from 'vitest';
import { parseLabelledCsv } from '../../src/nlp/csv.js';
import { CsvError, parseCsv } from '../../src/text/csv.js';

describe('RFC 4180 CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"line one\nline two",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'he said "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
  });

  it('drops a UTF-8 BOM, accepts LF and a last line without a newline', () => {
    expect(parseCsv('\ufeffid,label\n1,甲\n2,乙')).toEqual([
      ['id', 'label'],
      ['1', '甲'],
      ['2', '乙'],
    ]);
  });

  it('keeps empty fields and rejects an unterminated quote', () => {
    expect(parseCsv(',,\n')).toEqual([['', '', '']]);
    expect(() => parseCsv('a,"open\n')).toThrow(CsvError);
  });
});

describe('labelled appeal files', () => {
  it('maps columns by header name, id and title may be empty', () => {
    const rows = parseLabelledCsv('label,detail,title,id\n交通,"公交车\n不准点",,\n教育,学校收费,乱收费,7\n');
    expect(rows).toEqual([
      { id: '', title: '', detail: '公交车\n不准点', label: '交通' },
      { id: '7', title: '乱收费', detail: '学校收费', label: '教育' },
    ]);
  });

  it('names the missing columns', () => {
    expect(() => parseLabelledCsv('id,title\n1,x\n')).toThrow(/detail, label/);
  });
});

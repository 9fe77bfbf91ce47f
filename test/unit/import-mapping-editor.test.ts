import { describe, expect, it } from 'vitest';
import { parseImportMapping } from '../../src/imports/import.schemas.js';
import { guessColumns, withTables, wordsOf } from '../../web/src/console/imports/mapping.js';

// The console's mapping editor (ADR 0184): its first guess of the columns, the words a table starts
// with, and the mapping it sends — the one the server (and the CLI) accepts.
describe('the import mapping editor', () => {
  it('guesses each field from the usual headers, a column at most once', () => {
    const guessed = guessColumns(['工单编号', '来源渠道', '诉求内容', '登记时间', '办理状态', '备注', '单位']);
    expect(guessed).toEqual({
      originalNo: '工单编号',
      channel: '来源渠道',
      unit: '单位',
      content: '诉求内容',
      createdAt: '登记时间',
      finalState: '办理状态',
    });
  });

  it('starts a table with the distinct words of its column in the preview', () => {
    const preview = {
      fileName: 'x.csv',
      sheets: [],
      columns: ['编号', '渠道'],
      rows: [
        ['1', '热线'],
        ['2', ' 网站 '],
        ['3', '热线'],
        ['4', ''],
      ],
      totalRows: 4,
    };
    expect(wordsOf(preview, '渠道')).toEqual(['热线', '网站']);
    expect(wordsOf(preview, '没有')).toEqual([]);
  });

  it('sends only mapped columns and filled lines, and the server accepts what it sends', () => {
    const mapping = withTables(
      {
        columns: { originalNo: '编号', content: '内容', createdAt: '时间', finalState: '状态', channel: undefined },
        defaults: { priority: undefined },
      },
      {
        finalState: [
          { from: '已归档', to: 'closed' },
          { from: '处理中', to: '' },
          { from: ' ', to: 'direct' },
        ],
        channel: [{ from: '热线', to: 'phone' }],
      },
    );
    expect(mapping).toEqual({
      columns: { originalNo: '编号', content: '内容', createdAt: '时间', finalState: '状态' },
      values: { finalState: { 已归档: 'closed' } },
    });
    expect(parseImportMapping(mapping)).toEqual(mapping);
  });
});

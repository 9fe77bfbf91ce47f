import { describe, expect, it } from 'vitest';
import { addUserWords, lexemes, queryLexemes, segment } from '../../src/text/segment.js';
import { dictionaryWordsFor } from '../../src/text/dictionary.service.js';
import { highlight } from '../../src/text/highlight.js';
import { allOf, anyOf, single, vectorSource } from '../../src/text/tsquery.js';

describe('segmentation with the centre dictionary', () => {
  it('keeps unit and place names whole once they are added', () => {
    const text = '乌兰察布盟镶白旗热力公司的暖气不热';
    expect(segment(text)).not.toContain('镶白旗热力公司');
    addUserWords(dictionaryWordsFor('镶白旗热力公司'));
    expect(segment(text)).toContain('镶白旗热力公司');
    expect(lexemes(text)).toEqual(expect.arrayContaining(['镶白旗热力公司', '暖气']));
  });

  it('splits a unit name into place and organisation for the dictionary', () => {
    expect(dictionaryWordsFor('A旗住建局')).toEqual(['A旗住建局', 'A旗', '住建局']);
    expect(dictionaryWordsFor('热力公司')).toEqual(['热力公司']);
  });

  it('drops punctuation and stop words and lower-cases Latin letters', () => {
    const words = queryLexemes('您好，我的WiFi信号不好！');
    expect(words).toContain('wifi');
    expect(words).not.toContain('您好');
    expect(words).not.toContain('的');
    expect(words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
  });

  it('splits tokens at symbols so the database parser keeps every lexeme whole', () => {
    expect(lexemes('噪音达到85.5分贝')).toEqual(expect.arrayContaining(['85', '5']));
  });
});

describe('tsquery literals', () => {
  it('joins distinct lexemes with & or |, quoted', () => {
    expect(allOf(['供暖', '不热', '供暖'])).toBe("'供暖' & '不热'");
    expect(anyOf(['供暖', '不热'])).toBe("'供暖' | '不热'");
    expect(allOf([])).toBeUndefined();
    expect(single('供暖', 'A')).toBe("'供暖':A");
    expect(vectorSource(['a', 'b', 'c'], 2)).toBe('a b');
  });
});

describe('highlight', () => {
  it('marks every match, longest word first', () => {
    const f = highlight('小区供暖不热，供暖公司不管', ['供暖', '供暖公司']);
    expect(f.filter((x) => x.hit).map((x) => x.text)).toEqual(['供暖', '供暖公司']);
    expect(f.map((x) => x.text).join('')).toBe('小区供暖不热，供暖公司不管');
  });

  it('cuts a snippet around the first match with ellipses', () => {
    const text = `${'甲'.repeat(300)}噪音${'乙'.repeat(300)}`;
    const f = highlight(text, ['噪音'], { maxChars: 40 });
    expect(f[0]).toEqual({ text: '…', hit: false });
    expect(f.at(-1)).toEqual({ text: '…', hit: false });
    expect(f.some((x) => x.hit && x.text === '噪音')).toBe(true);
    expect(f.map((x) => x.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('没有匹配', ['噪音'])).toEqual([{ text: '没有匹配', hit: false }]);
  });

  it('marks numbers and Latin words only whole, Chinese words anywhere', () => {
    const hits = (text: string, words: string[]) =>
      highlight(text, words)
        .filter((f) => f.hit)
        .map((f) => f.text);
    expect(hits('室温只有12度，电话0479-1234567', ['12', '室温'])).toEqual(['室温', '12']);
    expect(hits('A12栋和A1栋', ['a1'])).toEqual(['A1']);
    expect(hits('幸福小区3号楼', ['小区', '3'])).toEqual(['小区', '3']);
  });
});

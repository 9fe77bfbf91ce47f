import { describe, expect, it } from 'vitest';
import { categoryMatches, cleanCategoryAliases } from '../../src/contract/category-aliases.js';
import { categorySynonyms, expandWords } from '../../src/search/category-synonyms.js';
import { allOfAlternatives } from '../../src/text/tsquery.js';

const heating = { name: '供热', aliases: ['供暖', '暖气'] };

describe('categoryMatches', () => {
  it('finds a category by part of its name or of an alias', () => {
    expect(categoryMatches(heating, '供热')).toBe(true);
    expect(categoryMatches(heating, '供暖')).toBe(true);
    expect(categoryMatches(heating, '暖')).toBe(true);
    expect(categoryMatches(heating, '停水')).toBe(false);
    expect(categoryMatches({ name: '供热' }, '暖气')).toBe(false);
  });

  it('ignores spaces, case and full-width letters; an empty query finds everything', () => {
    expect(categoryMatches({ name: '通信网络', aliases: ['WiFi信号'] }, ' ｗｉｆｉ ')).toBe(true);
    expect(categoryMatches(heating, '  ')).toBe(true);
  });
});

describe('cleanCategoryAliases', () => {
  it('trims and keeps the order', () => {
    expect(cleanCategoryAliases([' 供暖 ', '暖气'])).toEqual({ aliases: ['供暖', '暖气'] });
    expect(cleanCategoryAliases([])).toEqual({ aliases: [] });
  });

  it('says what is wrong: blank, too long, too many, duplicate', () => {
    expect(cleanCategoryAliases(['  '])).toHaveProperty('problem', 'blank');
    expect(cleanCategoryAliases(['一'.repeat(21)])).toHaveProperty('problem');
    expect(cleanCategoryAliases(['一'.repeat(20)])).toEqual({ aliases: ['一'.repeat(20)] });
    expect(cleanCategoryAliases(Array.from({ length: 21 }, (_, i) => `别名${i}`))).toHaveProperty('problem');
    expect(cleanCategoryAliases(['暖气', ' 暖气'])).toHaveProperty('problem', 'duplicate');
  });
});

describe('query expansion by category aliases', () => {
  const split = (text: string) => (text === '拖欠工资' ? ['拖欠', '工资'] : [text]);
  const table = categorySynonyms([heating, { name: '拖欠工资', aliases: ['欠薪'] }, { name: '其他' }], split);

  it('lets a name or alias stand for all of them, multi-word ones as a phrase', () => {
    expect(allOfAlternatives(expandWords(['暖气', '小区'], table))).toBe("('暖气' | '供热' | '供暖') & '小区'");
    expect(allOfAlternatives(expandWords(['欠薪'], table))).toBe("('欠薪' | ('拖欠' & '工资'))");
    expect(allOfAlternatives(expandWords(['其他'], table))).toBe("'其他'");
  });
});

import { describe, expect, it } from 'vitest';
import { limitInWords } from '../../src/contract/limit-words.js';

describe('limitInWords', () => {
  it('says a limit in Chinese words and in English with the right plural', () => {
    expect(limitInWords(1, 'hours', 'zh')).toBe('1 小时');
    expect(limitInWords(2, 'working_days', 'zh')).toBe('2 个工作日');
    expect(limitInWords(0, 'working_days', 'zh')).toBe('即办（当日）');
    expect(limitInWords(1, 'hours', 'en')).toBe('1 hour');
    expect(limitInWords(24, 'hours', 'en')).toBe('24 hours');
    expect(limitInWords(1, 'working_days', 'en')).toBe('1 working day');
    expect(limitInWords(30, 'minutes', 'en')).toBe('30 minutes');
  });
});

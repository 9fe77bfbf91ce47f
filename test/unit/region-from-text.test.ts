import { describe, expect, it } from 'vitest';
import { regionNamedInText } from '../../src/nlp/region-from-text.js';

const regions = [
  { id: 'league', parentId: null, name: '锡林郭勒盟' },
  { id: 'xlht', parentId: 'league', name: '锡林浩特市' },
  { id: 'street', parentId: 'xlht', name: '宝力根街道' },
  { id: 'erlian', parentId: 'league', name: '二连浩特市' },
];

describe('the region an appeal names in its words', () => {
  it('takes the deepest of one line of named regions', () => {
    expect(regionNamedInText(regions, '锡林浩特市宝力根街道某小区暖气不热')).toBe('street');
    expect(regionNamedInText(regions, '锡林郭勒盟锡林浩特市某小区')).toBe('xlht');
  });

  it('leaves the question open when none, or two unrelated regions, are named', () => {
    expect(regionNamedInText(regions, '小区暖气不热')).toBeUndefined();
    expect(regionNamedInText(regions, '从锡林浩特市到二连浩特市的班车停运')).toBeUndefined();
  });
});

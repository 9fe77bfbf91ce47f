import { describe, expect, it } from 'vitest';
import { withoutBlankTexts } from '../../web/src/shared/blank-text.js';

/** The web sends no blank optional text (issue 12): '' from an untouched field is left out, texts go trimmed. */
describe('withoutBlankTexts', () => {
  it('leaves out empty and all-space texts and undefined, trims the rest, keeps other values', () => {
    expect(
      withoutBlankTexts({
        version: 3,
        note: '',
        instructions: '  \n ',
        leadUnitId: 'u1',
        reason: '  请核实  ',
        reached: false,
        assistUnitIds: [],
        deadline: undefined,
      }),
    ).toEqual({ version: 3, leadUnitId: 'u1', reason: '请核实', reached: false, assistUnitIds: [] });
  });
});

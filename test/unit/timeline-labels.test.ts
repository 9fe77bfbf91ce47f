import { describe, expect, it } from 'vitest';
import { EVENT_LABELS, STAGE_LABELS, STATE_LABELS } from '../../src/contract/labels.js';
import { TIMELINE_EVENT_KINDS } from '../../src/contract/timeline.js';
import { ORDER_STATES, STAGES } from '../../src/contract/vocabulary.js';
import { text } from '../../src/i18n/messages.js';
import { labels } from '../../web/src/console/common/labels.messages.js';

/** Issue 12: every kind on an order's timeline has words in both languages, and no label is kept for kinds nothing writes. */
describe('timeline event labels', () => {
  it.each(TIMELINE_EVENT_KINDS)('the console names %s in Chinese and English, not by its key', (kind) => {
    for (const lang of ['zh', 'en'] as const) {
      const label = (labels[lang] as Record<string, string>)[`action.${kind}`];
      expect(label, `${lang} action.${kind}`).toBeTruthy();
      expect(label.trim()).not.toBe('');
      expect(label).not.toBe(kind);
      expect(label).not.toBe(`action.${kind}`);
    }
  });

  it('names the assessment steps (认定不合理诉求, 申诉, 裁定)', () => {
    expect(labels.zh['action.assessment_exclude']).toContain('不合理诉求');
    expect(labels.zh['action.assessment_appeal']).toContain('申诉');
    expect(labels.zh['action.assessment_appeal_decided']).toContain('裁定');
  });

  it('keeps no label for kinds nothing writes (deadline_set, comment)', () => {
    const kinds = new Set<string>(TIMELINE_EVENT_KINDS);
    for (const lang of ['zh', 'en'] as const) {
      const labelled = Object.keys(labels[lang])
        .filter((k) => k.startsWith('action.'))
        .map((k) => k.slice('action.'.length));
      expect(labelled.filter((k) => !kinds.has(k))).toEqual([]);
      expect(labelled.sort()).toEqual([...kinds].sort());
    }
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...TIMELINE_EVENT_KINDS].sort());
  });
});

describe('one wording for the shared vocabulary', () => {
  it('the server reports and the console name the stages alike (联系诉求人, 办理答复)', () => {
    for (const stage of STAGES) {
      expect(text(`stage.${stage}`)).toEqual(STAGE_LABELS[stage]);
      expect(labels.zh[`stage.${stage}`]).toBe(STAGE_LABELS[stage].zh);
      expect(labels.en[`stage.${stage}`]).toBe(STAGE_LABELS[stage].en);
    }
    expect(STAGE_LABELS.contact.zh).toBe('联系诉求人');
    expect(STAGE_LABELS.reply.zh).toBe('办理答复');
  });

  it('the server exports and the console name the states alike', () => {
    for (const state of ORDER_STATES) {
      expect(text(`label.state.${state}`)).toEqual(STATE_LABELS[state]);
      expect(labels.zh[`state.${state}`]).toBe(STATE_LABELS[state].zh);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  mentionKeysOf,
  mentionSegments,
  resolveMentions,
  userMentionKeys,
  type MentionCandidate,
} from '../../src/notes/mention-text.js';

const zhang = {
  kind: 'user' as const,
  id: 'u1',
  name: '承办人 张志强',
  keys: userMentionKeys({ display_name: '承办人 张志强', username: 'handler' }),
};
const zhangZhi = {
  kind: 'user' as const,
  id: 'u2',
  name: '张志',
  keys: userMentionKeys({ display_name: '张志', username: 'zz' }),
};
const wei1 = { kind: 'user' as const, id: 'w1', name: '张伟', keys: ['张伟', 'zhangwei1'] };
const wei2 = { kind: 'user' as const, id: 'w2', name: '张伟', keys: ['张伟', 'zhangwei2'] };
const unit = { kind: 'unit' as const, id: 'n1', name: '锡林浩特市住房和城乡建设局', keys: ['锡林浩特市住房和城乡建设局'] };
const all: MentionCandidate[] = [zhang, zhangZhi, wei1, wei2, unit];

describe('typed @mentions', () => {
  it('finds the text after each @, not the @ of an e-mail address', () => {
    expect(mentionSegments('请@张志强今天回电，抄送 a@b.com\n@锡林浩特市住房和城乡建设局 办理')).toEqual([
      '张志强今天回电，抄送 a',
      '锡林浩特市住房和城乡建设局 办理',
    ]);
    expect(mentionSegments('只有 @ 一个')).toEqual([' 一个']);
    expect(mentionKeysOf(['张志强'])).toEqual(['张', '张志', '张志强']);
  });

  it('takes the longest name the text starts with: a person by the last word of the display name, a unit, a username', () => {
    const r = resolveMentions(mentionSegments('@张志强请联系 @锡林浩特市住房和城乡建设局跟进 @handler 看一下'), all);
    expect(r.targets).toEqual([
      { kind: 'user', id: 'u1', name: '承办人 张志强' },
      { kind: 'unit', id: 'n1', name: '锡林浩特市住房和城乡建设局' },
    ]);
    expect(r.unknown).toEqual([]);
    expect(resolveMentions(['张志，你好'], all).targets).toEqual([{ kind: 'user', id: 'u2', name: '张志' }]);
    expect(resolveMentions(['承办人 张志强 你好'], all).targets.map((t) => t.id)).toEqual(['u1']);
  });

  it('names what did not resolve: unknown words, and a name two people share unless the picker chose one', () => {
    const r = resolveMentions(mentionSegments('@李四，请看 @张伟 @住建局'), all);
    expect(r.targets).toEqual([]);
    expect(r.unknown).toEqual(['@李四', '@住建局']);
    expect(r.ambiguous).toEqual(['@张伟']);
    expect(resolveMentions(['张伟 请看'], all, new Set(['user:w2'])).targets.map((t) => t.id)).toEqual(['w2']);
    // An ASCII username must end where the typed word ends.
    expect(resolveMentions(['handlers 请看'], all).unknown).toEqual(['@handlers']);
  });
});

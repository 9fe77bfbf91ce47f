/**
 * Typed mentions in a note's text (`@张志强 请联系市民`, `@锡林浩特市住房和城乡建设局`): Chinese text has no
 * space after a name, so a mention is the LONGEST known name that the text after `@` starts with.
 * Pure: the names come from the repository (mentionCandidates), the rules are here.
 */

/** How far after an `@` a name may reach (unit names run to ~20 characters). */
export const MENTION_MAX_CHARS = 40;
/** At most this many `@` are read from one note (the schema caps the picker's lists at 20 too). */
export const MENTION_MAX_COUNT = 20;

export type MentionKind = 'user' | 'unit';

/** A colleague or unit with the words it may be mentioned by (display name, its last word, username). */
export interface MentionCandidate {
  kind: MentionKind;
  id: string;
  name: string;
  keys: readonly string[];
}

export interface ResolvedMentions {
  targets: { kind: MentionKind; id: string; name: string }[];
  /** What followed an `@` that names nobody, as typed (`@李四`). */
  unknown: string[];
  /** An `@name` that fits several people or units equally well (two 张伟): the picker tells them apart. */
  ambiguous: string[];
}

const ASCII_WORD = /[A-Za-z0-9_.-]/;
// Where a typed word ends when reporting what did not resolve.
const WORD_END = /[\s,，。.;；:：!！?？、()（）[\]【】"“”'‘’<>《》]/;

/** The text after each `@` that starts a mention (not the `@` of an e-mail address), up to the next `@` or line. */
export function mentionSegments(text: string): string[] {
  const chars = [...text];
  const segments: string[] = [];
  for (let i = 0; i < chars.length && segments.length < MENTION_MAX_COUNT; i++) {
    if (chars[i] !== '@') continue;
    const before = chars[i - 1];
    if (before !== undefined && ASCII_WORD.test(before)) continue; // a@b.com
    let segment = '';
    for (let j = i + 1; j < chars.length && j <= i + MENTION_MAX_CHARS; j++) {
      const c = chars[j]!;
      if (c === '@' || c === '\n' || c === '\r') break;
      segment += c;
    }
    if (segment.trim()) segments.push(segment);
  }
  return segments;
}

/** Every leading part of every segment: the names a mention could be (looked up by equality). */
export function mentionKeysOf(segments: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const s of segments) {
    const chars = [...s];
    for (let n = 1; n <= chars.length; n++) {
      const key = chars.slice(0, n).join('').trim();
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

/** The word a person typed after `@`, for telling them what did not resolve. */
const typedWord = (segment: string) => `@${segment.split(WORD_END)[0] || segment.trim()}`;

/** An ASCII name must end where the ASCII word ends (`@han` is not `@handler`'s prefix match of `@handlerB`). */
function endsCleanly(segment: string, key: string) {
  if (!segment.startsWith(key)) return false;
  const last = key.at(-1) ?? '';
  const next = segment.slice(key.length, key.length + 1);
  return !(ASCII_WORD.test(last) && next !== '' && ASCII_WORD.test(next));
}

/**
 * Resolves each segment to the candidates whose key is the longest one the segment starts with.
 * Several candidates on that key make it ambiguous unless exactly one of them was picked in the
 * picker (`picked`: "kind:id").
 */
export function resolveMentions(
  segments: readonly string[],
  candidates: readonly MentionCandidate[],
  picked: ReadonlySet<string> = new Set(),
): ResolvedMentions {
  const result: ResolvedMentions = { targets: [], unknown: [], ambiguous: [] };
  const seen = new Set<string>();
  for (const segment of segments) {
    let bestLength = 0;
    let best: MentionCandidate[] = [];
    for (const c of candidates) {
      const length = Math.max(0, ...c.keys.filter((k) => k && endsCleanly(segment, k)).map((k) => [...k].length));
      if (length === 0 || length < bestLength) continue;
      if (length > bestLength) best = [];
      bestLength = length;
      if (!best.some((b) => b.kind === c.kind && b.id === c.id)) best.push(c);
    }
    const chosen = best.length > 1 ? best.filter((b) => picked.has(`${b.kind}:${b.id}`)) : best;
    if (best.length === 0) result.unknown.push(typedWord(segment));
    else if (chosen.length !== 1) result.ambiguous.push(`@${[...segment].slice(0, bestLength).join('')}`);
    else {
      const [target] = chosen as [MentionCandidate];
      const key = `${target.kind}:${target.id}`;
      if (!seen.has(key)) result.targets.push({ kind: target.kind, id: target.id, name: target.name });
      seen.add(key);
    }
  }
  return result;
}

/** The keys a colleague answers to: the display name, its last word (`承办人 张志强` → 张志强), the username. */
export function userMentionKeys(user: { display_name: string; username: string }): string[] {
  const name = user.display_name.trim();
  const last = name.split(/\s+/).at(-1) ?? name;
  return [...new Set([name, last, user.username])];
}

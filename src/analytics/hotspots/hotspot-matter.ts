import { segment } from '../../text/segment.js';
import { dictionaryWordsFor } from '../../text/dictionary.service.js';
import { placeTokenMask } from './hotspot-places.js';
import { BODY_TOKENS, bodyHead, HEADLINE_WEIGHT, isTopicToken, type TextDoc } from './hotspot-text.js';

/**
 * The matter guard's least cosine between an appeal's matter words and a cluster's (its words
 * without region, road and estate names): below it two appeals share only a place, whatever the
 * place words weigh. Chosen on the demo month and the gold clusters (`lianxin hotspots purity`).
 */
export const MATTER_THRESHOLD = 0.2;

/** Administrative endings a region's short name drops (锡林浩特市 → 锡林浩特, 正蓝旗 keeps 正蓝旗: 正蓝 is no name). */
const ADMIN_SUFFIX = /(?:市|县|区|管理区)$/u;

/**
 * Words that name a region: the names, the dictionary's pieces of them and the short form without
 * 市/县/区. A region name says where, never what: clusters are kept within a region anyway, and in a
 * small county the name is rare in the month, so TF-IDF would make it the heaviest word of every
 * appeal there and chain potholes to gas smells.
 */
export function regionWords(names: Iterable<string | null>): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const w of dictionaryWordsFor(name)) words.add(w.toLowerCase());
    const short = name.trim().replace(ADMIN_SUFFIX, '');
    if ([...short].length >= 2 && short !== name.trim()) words.add(short.toLowerCase());
  }
  return words;
}

export interface AppealTerms {
  /** Term counts that clustering compares (region names left out). */
  topic: Map<string, number>;
  /** The same without road and estate names: what the appeal is about. */
  matter: Map<string, number>;
}

function countInto(terms: AppealTerms, text: string, regions: ReadonlySet<string>, weight: number, limit: number) {
  const tokens = segment(text).map((t) => t.trim().toLowerCase());
  const place = placeTokenMask(tokens);
  let taken = 0;
  tokens.forEach((t, i) => {
    if (taken >= limit || !isTopicToken(t)) return;
    taken++;
    if (regions.has(t)) return;
    terms.topic.set(t, (terms.topic.get(t) ?? 0) + weight);
    if (!place[i]) terms.matter.set(t, (terms.matter.get(t) ?? 0) + weight);
  });
}

/** Term counts of one appeal as termCounts (headline three times, then the body's opening), split by role. */
export function appealTerms(doc: TextDoc, regions: ReadonlySet<string>): AppealTerms {
  const terms: AppealTerms = { topic: new Map(), matter: new Map() };
  countInto(terms, doc.headline, regions, HEADLINE_WEIGHT, Infinity);
  countInto(terms, bodyHead(doc), regions, 1, BODY_TOKENS);
  return terms;
}

import type { Executor } from '../db/database.js';
import type { OrderScope } from '../orders/order.repository.js';
import type { Clock } from '../shared/clock.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { lexemes } from '../text/segment.js';
import { anyOf } from '../text/tsquery.js';
import {
  idsBySameAddress,
  idsBySamePhone,
  idsBySimilarText,
  loadCandidates,
  type CandidateWindow,
} from './duplicate.repository.js';
import { CANDIDATE_MIN_SCORE, LIKELY_SCORE, scoreDuplicate, setCosine, type DuplicateReason } from './duplicate-score.js';

/** Earlier orders within this many days are candidates. */
export const DUPLICATE_WINDOW_DAYS = 30;
/** Longest content words added to the title's words to find text candidates. */
const KEY_CONTENT_WORDS = 12;

export interface DuplicateProbe {
  title: string;
  content: string;
  callerPhone?: string | null;
  address?: string | null;
  regionId?: string | null;
}

export interface DuplicateCandidate {
  orderId: string;
  orderNo: string;
  title: string;
  state: string;
  acceptedAt: Date;
  score: number;
  likely: boolean;
  reasons: DuplicateReason[];
  textSimilarity: number;
}

export interface DuplicateSearch {
  centreId: string;
  scope: OrderScope;
  probe: DuplicateProbe;
  /** Only orders accepted before this instant (and within the window before it) are candidates. */
  at: Date;
  excludeOrderId?: string;
  windowDays?: number;
  limit?: number;
}

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

function keyWords(probe: DuplicateProbe): string[] {
  const title = [...new Set(lexemes(probe.title))];
  const content = [...new Set(lexemes(probe.content))].sort((a, b) => b.length - a.length);
  return [...new Set([...title, ...content.slice(0, KEY_CONTENT_WORDS)])];
}

/**
 * 重复件 candidates: earlier orders in the window from the same caller, at the same address, or with
 * similar text (GIN index), each scored from all the evidence, best first, with the reasons.
 */
export async function findDuplicates(db: Executor, clock: Clock, s: DuplicateSearch): Promise<DuplicateCandidate[]> {
  await ensureCentreDictionary(db, clock, s.centreId);
  const window: CandidateWindow = {
    scope: s.scope,
    from: new Date(s.at.getTime() - (s.windowDays ?? DUPLICATE_WINDOW_DAYS) * 86_400_000),
    to: s.at,
    excludeOrderId: s.excludeOrderId,
  };
  const phone = blank(s.probe.callerPhone);
  const address = blank(s.probe.address);
  const query = anyOf(keyWords(s.probe));
  const [byPhone, byAddress, byText] = await Promise.all([
    phone ? idsBySamePhone(db, window, phone) : [],
    address ? idsBySameAddress(db, window, address) : [],
    query ? idsBySimilarText(db, window, query) : [],
  ]);
  const rows = await loadCandidates(db, [...new Set([...byPhone, ...byAddress, ...byText])]);
  const mine = new Set([...lexemes(s.probe.title), ...lexemes(`${s.probe.content} ${address ?? ''}`)]);
  const found = rows.map((r) => {
    const textSimilarity = Math.round(setCosine(mine, new Set(r.lexemes)) * 1000) / 1000;
    const { score, reasons } = scoreDuplicate({
      sameCaller: phone !== null && r.caller_phone === phone,
      sameAddress: address !== null && r.address === address,
      sameRegion: !!s.probe.regionId && r.region_id === s.probe.regionId,
      textSimilarity,
    });
    return {
      orderId: r.id,
      orderNo: r.order_no,
      title: r.title,
      state: r.state,
      acceptedAt: r.accepted_at,
      score,
      likely: score >= LIKELY_SCORE,
      reasons,
      textSimilarity,
    };
  });
  return found
    .filter((c) => c.score >= CANDIDATE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.acceptedAt.getTime() - a.acceptedAt.getTime())
    .slice(0, s.limit ?? 10);
}

import type { Executor } from '../db/database.js';
import type { OrderScope } from '../orders/order.repository.js';
import type { Clock } from '../shared/clock.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { lexemes } from '../text/segment.js';
import { allOf, anyOf } from '../text/tsquery.js';
import type { GeoPoint } from '../contract/geo.js';
import { distanceMetres } from '../shared/coordinates.js';
import { duplicateRadius, loadCandidatesBySignals, type CandidateWindow } from './duplicate.repository.js';
import { CANDIDATE_MIN_SCORE, LIKELY_SCORE, scoreDuplicate, setCosine, type DuplicateReason } from './duplicate-score.js';
import { normalizePhone } from '../orders/phone.js';

/** Earlier orders within this many days are candidates. */
export const DUPLICATE_WINDOW_DAYS = 30;
/** How many of the probe's most specific words form the pairs filter. */
const PAIR_WORDS = 4;

export interface DuplicateProbe {
  title: string;
  content: string;
  callerPhone?: string | null;
  address?: string | null;
  regionId?: string | null;
  /** The appeal's point in WGS-84: an earlier appeal within the category's radius is evidence. */
  point?: GeoPoint | null;
  /** Chooses the radius (the category's, its ancestors', else the centre's). */
  categoryId?: string | null;
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
  /** Metres between the two points (rounded), null unless both orders have one. */
  distanceMetres: number | null;
}

export interface DuplicateSearch {
  centreId: string;
  scope: OrderScope;
  probe: DuplicateProbe;
  /** Only orders accepted before this instant (and within the window before it) are candidates. */
  at: Date;
  excludeOrderId?: string;
  /**
   * The probe is this stored order: of the orders accepted at the very instant `at`, only those with a
   * lower number (numbered before it) count as earlier, whenever the search runs.
   */
  probeOrderNo?: string;
  windowDays?: number;
  limit?: number;
}

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

/** The most specific words: the longest of the title's (then the content's) lexemes. */
function keyWords(probe: DuplicateProbe, n: number): string[] {
  const byLength = (xs: string[]) => [...new Set(xs)].filter((x) => x.length > 1).sort((a, b) => b.length - a.length);
  return [...new Set([...byLength(lexemes(probe.title)), ...byLength(lexemes(probe.content))])].slice(0, n);
}

/**
 * Text candidates must share at least two of the four most specific words ('a' & 'b' | 'a' & 'c' …):
 * selective enough for the GIN index in a busy window, loose enough for a re-worded repeat.
 */
function textFilter(probe: DuplicateProbe): string | undefined {
  const key = keyWords(probe, PAIR_WORDS);
  if (key.length <= 1) return anyOf(key);
  const pairs: string[] = [];
  for (let i = 0; i < key.length; i++) for (let j = i + 1; j < key.length; j++) pairs.push(`(${allOf([key[i]!, key[j]!])})`);
  return pairs.join(' | ');
}

const METRES_PER_DEG_LAT = 111_320;

/** The box around a point that holds its radius (the degrees of longitude widen with the latitude). */
function boxAround(p: GeoPoint, metres: number): readonly [number, number, number, number] {
  const dLat = metres / METRES_PER_DEG_LAT;
  const dLng = dLat / Math.max(0.01, Math.cos((p.lat * Math.PI) / 180));
  return [p.lng - dLng, p.lat - dLat, p.lng + dLng, p.lat + dLat];
}

const withoutWords = (words: Set<string>, drop: ReadonlySet<string>) =>
  drop.size === 0 ? words : new Set([...words].filter((w) => !drop.has(w)));

/**
 * 重复件 candidates: earlier orders in the window from the same caller, at the same address, with
 * similar text (GIN index) or — when the probe has a point — within the radius of it (the map's
 * box index, the distance by haversine here: the same on both databases), each scored from all the
 * evidence, best first, with the reasons and the distance.
 */
export async function findDuplicates(db: Executor, clock: Clock, s: DuplicateSearch): Promise<DuplicateCandidate[]> {
  await ensureCentreDictionary(db, clock, s.centreId);
  const window: CandidateWindow = {
    scope: s.scope,
    from: new Date(s.at.getTime() - (s.windowDays ?? DUPLICATE_WINDOW_DAYS) * 86_400_000),
    to: s.at,
    excludeOrderId: s.excludeOrderId,
  };
  const phone = normalizePhone(s.probe.callerPhone);
  const address = blank(s.probe.address);
  const text = textFilter(s.probe);
  const point = s.probe.point ?? null;
  const radiusMetres = point ? await duplicateRadius(db, s.centreId, s.probe.categoryId) : 0;
  const numberedBefore = (no: string, probe: string) => no.length < probe.length || (no.length === probe.length && no < probe);
  const rows = (
    await loadCandidatesBySignals(db, window, { phone, address, text, box: point ? boxAround(point, radiusMetres) : undefined })
  ).filter((r) => !s.probeOrderNo || r.accepted_at.getTime() !== s.at.getTime() || numberedBefore(r.order_no, s.probeOrderNo));
  // The text is compared without the addresses: a shared address is its own evidence (sameAddress),
  // and counted again as shared words it made unrelated appeals at one building look "similar".
  const probeAddressWords = new Set(lexemes(address ?? ''));
  const mine = withoutWords(new Set([...lexemes(s.probe.title), ...lexemes(s.probe.content)]), probeAddressWords);
  const found = rows.map((r) => {
    const theirs = withoutWords(withoutWords(new Set(r.lexemes), probeAddressWords), new Set(lexemes(r.address ?? '')));
    const textSimilarity = Math.round(setCosine(mine, theirs) * 1000) / 1000;
    const distance =
      point && r.lat !== null && r.lng !== null ? Math.round(distanceMetres(point, { lat: r.lat, lng: r.lng })) : null;
    const { score, reasons } = scoreDuplicate({
      sameCaller: phone !== null && r.caller_phone === phone,
      sameAddress: address !== null && r.address === address,
      sameRegion: !!s.probe.regionId && r.region_id === s.probe.regionId,
      textSimilarity,
      distanceMetres: distance,
      radiusMetres,
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
      distanceMetres: distance,
    };
  });
  return found
    .filter((c) => c.score >= CANDIDATE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.acceptedAt.getTime() - a.acceptedAt.getTime())
    .slice(0, s.limit ?? 10);
}

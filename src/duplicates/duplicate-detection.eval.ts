import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from '../db/database.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import type { AppealType } from '../orders/order.constants.js';
import { readCsvRecords } from '../text/csv.js';
import { buildEvalWorld, percentile } from '../text/eval-world.js';
import { LIKELY_SCORE } from './duplicate-score.js';
import { DUPLICATE_WINDOW_DAYS, findDuplicates } from './duplicate.service.js';

/** One appeal of an evaluation set, with what its labels are built from. */
interface Appeal {
  title: string;
  content: string;
  at: Date;
  /** Stands for the caller's phone number (hot-issues: the masked user code). */
  caller: string | null;
  type: AppealType;
  /** Gold grouping keys: two appeals are duplicates when they share any key. */
  keys: string[];
}

const THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const WINDOW_MS = DUPLICATE_WINDOW_DAYS * 86_400_000;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const fakePhone = (code: string) =>
  `1${BigInt(`0x${createHash('sha1').update(code).digest('hex').slice(0, 12)}`) % 10_000_000_000n}`.padEnd(11, '0');

/** hot-issues.csv: the same text posted again, or the same user posting the same title again. */
function hotIssues(file: string): Appeal[] {
  return readCsvRecords(file, ['留言用户', '留言主题', '留言详情', '留言时间_iso']).map((r) => {
    const detail = clean(r['留言详情'] ?? '');
    const title = clean(r['留言主题'] ?? '');
    const user = clean(r['留言用户'] ?? '');
    return {
      title: title || detail.slice(0, 30),
      content: detail || title,
      at: new Date(`${r['留言时间_iso']}+08:00`),
      caller: user ? fakePhone(user) : null,
      type: 'complaint' as const,
      keys: [...(detail ? [`text:${detail}`] : []), ...(user && title ? [`user-title:${user}|${title}`] : [])],
    };
  });
}

const RIVER_TYPES: Record<string, AppealType> = {
  投诉: 'complaint',
  咨询: 'consult',
  建议: 'suggestion',
  举报: 'report',
  求助: 'help',
};

function riverDate(s: string): Date {
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  return us ? new Date(`${us[3]}-${us[1]}-${us[2]}T00:00:00+08:00`) : new Date(`${s.trim().replace(' ', 'T')}+08:00`);
}

/** fuzhou-rivers: appeals about the same river (topic) within the window; '无' (no river) groups nothing. */
function rivers(file: string): Appeal[] {
  return readCsvRecords(file, ['河流', '投诉件内容', '时间']).map((r) => {
    const river = clean(r['河流'] ?? '');
    const content = clean(r['投诉件内容'] ?? '');
    return {
      title: clean(r['标题'] ?? '') || content.slice(0, 30),
      content: content || clean(r['标题'] ?? ''),
      at: riverDate(r['时间'] ?? ''),
      caller: null,
      type: RIVER_TYPES[clean(r['性质'] ?? '')] ?? 'other',
      keys: river && river !== '无' ? [`river:${river}`] : [],
    };
  });
}

interface Scored {
  later: number;
  earlier: number;
  score: number;
}

function metrics(pairs: Scored[], gold: Set<string>, threshold: number) {
  const predicted = pairs.filter((p) => p.score >= threshold);
  const tp = predicted.filter((p) => gold.has(`${p.earlier}:${p.later}`)).length;
  const precision = predicted.length === 0 ? 0 : tp / predicted.length;
  const recall = gold.size === 0 ? 0 : tp / gold.size;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { threshold, predicted: predicted.length, true_positives: tp, precision: r(precision), recall: r(recall) };
}

async function evaluateSet(database: Database, name: string, appeals: Appeal[], withCaller: boolean[]) {
  const sorted = appeals
    .filter((a) => !Number.isNaN(a.at.getTime()) && a.content !== '')
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((a, i) => ({ ...a, at: new Date(a.at.getTime() + i) }));
  const world = await buildEvalWorld(database, sorted[0]?.at ?? new Date(0));
  const ids: string[] = [];
  for (const a of sorted) {
    world.clock.set(a.at);
    const order = await acceptOrder(world.deps, world.operator, {
      channel: 'web',
      appealType: a.type,
      priority: 3,
      title: a.title.slice(0, 200),
      content: a.content.slice(0, 10000),
      callerPhone: a.caller ?? undefined,
    });
    ids.push(order.id);
  }
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const gold = new Set<string>();
  const goldAll = new Set<string>();
  const byKey = new Map<string, number[]>();
  sorted.forEach((a, i) => a.keys.forEach((k) => byKey.set(k, [...(byKey.get(k) ?? []), i])));
  for (const members of byKey.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x]!, members[y]!];
        goldAll.add(`${i}:${j}`);
        if (sorted[j]!.at.getTime() - sorted[i]!.at.getTime() <= WINDOW_MS) gold.add(`${i}:${j}`);
      }
    }
  }
  const modes = [];
  for (const useCaller of withCaller) {
    const pairs: Scored[] = [];
    const times: number[] = [];
    for (const [j, a] of sorted.entries()) {
      const t0 = performance.now();
      const found = await findDuplicates(world.deps.db, world.clock, {
        centreId: world.centreId,
        scope: { centreId: world.centreId, unitPath: null },
        probe: { title: a.title, content: a.content, callerPhone: useCaller ? a.caller : null },
        at: a.at,
        excludeOrderId: ids[j],
      });
      times.push(performance.now() - t0);
      for (const c of found) pairs.push({ later: j, earlier: indexOf.get(c.orderId)!, score: c.score });
    }
    const headline = metrics(pairs, gold, LIKELY_SCORE);
    modes.push({
      mode: useCaller ? 'caller+text' : 'text only',
      ...headline,
      recall_all_pairs: Math.round((headline.true_positives / Math.max(1, goldAll.size)) * 1000) / 1000,
      lookup_ms_p50: Math.round(percentile(times, 50) * 10) / 10,
      lookup_ms_p95: Math.round(percentile(times, 95) * 10) / 10,
      curve: THRESHOLDS.map((t) => metrics(pairs, gold, t)),
    });
  }
  return { set: name, appeals: sorted.length, gold_pairs_in_window: gold.size, gold_pairs_all: goldAll.size, modes };
}

/**
 * Duplicate detection on real data, through the intake path: every appeal is accepted in time order
 * (the intake hook runs), then each one's candidates among earlier orders in the 30-day window are
 * compared with the gold pairs. A pair is predicted when its score reaches the threshold.
 */
export async function evaluateDuplicateDetection(
  database: Database & { label?: string },
  files: { hotIssues: string; rivers: string },
) {
  return {
    task: 'duplicate-detection',
    window_days: DUPLICATE_WINDOW_DAYS,
    likely_score: LIKELY_SCORE,
    database: database.label ?? database.kind,
    sets: [
      await evaluateSet(database, 'hot-issues (reposted: identical text, or same user + title)', hotIssues(files.hotIssues), [
        true,
        false,
      ]),
      await evaluateSet(database, 'fuzhou-rivers (same river within the window)', rivers(files.rivers), [false]),
    ],
  };
}

import path from 'node:path';
import { readCsvRecords } from '../../text/csv.js';

const readCsvFile = (dataDir: string, relative: string) => readCsvRecords(path.join(dataDir, relative));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface LabelledAppeal {
  id: string;
  headline: string;
  body: string;
  at: string;
}

/** The message-board appeals (hot-issues.csv), oldest first; the clustering runs over all of them. */
export function loadMessageBoard(dataDir: string): LabelledAppeal[] {
  return readCsvFile(dataDir, 'appeals/hot-issues.csv')
    .map((r) => ({
      id: r['留言编号']!,
      headline: squash(r['留言主题'] ?? ''),
      body: squash(r['留言详情'] ?? ''),
      at: r['留言时间_iso'] ?? '',
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** The two hand-made clusters: message id → cluster label. */
export function loadGold(dataDir: string): Map<string, string> {
  return new Map(readCsvFile(dataDir, 'appeals/hot-issues-gold.csv').map((r) => [r['留言编号']!, r['example_cluster']!]));
}

/** Fuzhou river appeals with exactly one river named (rows labelled 无 or with several rivers are left out). */
export function loadRivers(dataDir: string): (LabelledAppeal & { river: string })[] {
  return readCsvFile(dataDir, 'fuzhou-rivers/appeals.csv')
    .map((r) => ({
      id: r['id']!,
      river: (r['河流'] ?? '').trim(),
      headline: squash(r['标题'] ?? ''),
      body: squash(r['投诉件内容'] ?? ''),
      at: r['时间'] ?? '',
    }))
    .filter((r) => r.river !== '' && r.river !== '无' && r.river !== '河流' && !/河流|河.+河/.test(r.river))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.id) - Number(b.id)));
}

/** The classification appeals (train.csv) with their first-level category, in file order: purity of clusters by category. */
export function loadLabelled(dataDir: string): { headline: string; body: string; label: string }[] {
  return readCsvFile(dataDir, 'appeals/train.csv')
    .map((r) => ({ headline: squash(r['title'] ?? ''), body: squash(r['detail'] ?? ''), label: (r['label'] ?? '').trim() }))
    .filter((r) => r.label !== '' && (r.headline !== '' || r.body !== ''));
}

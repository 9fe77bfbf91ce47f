import { describe, expect, it } from 'vitest';
import { defaultClassifierOptions, type LabelledAppeal } from '../../src/nlp/text-classifier.js';
import { trainAndEncode, trainInThread } from '../../src/nlp/nlp-train.thread.js';
import { runInThread } from '../../src/shared/run-in-thread.js';
import { addUserWords } from '../../src/text/segment.js';

const ENTRIES = new URL('../helpers/thread-entries.ts', import.meta.url);

// Three topics written for this test; the unit names are jieba user words (as a centre's names are).
const TOPICS: Record<string, string[]> = {
  供热: ['暖气不热', '供暖温度低', '镶白旗热力公司不接电话', '暖气片漏水', '供热管道维修'],
  工资: ['拖欠工资', '工资被拖欠半年', '包工头跑路', '加班费不给', '劳动合同纠纷'],
  供水: ['自来水停水', '水管爆裂', '水质发黄', '水压太低', '正蓝旗水务局不管'],
};

function rowsOf(count: number): LabelledAppeal[] {
  const rows: LabelledAppeal[] = [];
  const labels = Object.keys(TOPICS);
  for (let i = 0; rows.length < count; i++) {
    const label = labels[i % labels.length]!;
    const phrases = TOPICS[label]!;
    const a = phrases[i % phrases.length]!;
    const b = phrases[(i * 7 + 3) % phrases.length]!;
    // a little noise: every 11th row borrows a phrase of the next topic
    const c = i % 11 === 0 ? TOPICS[labels[(i + 1) % labels.length]!]![i % 5]! : '';
    rows.push({ title: i % 3 ? a : '', detail: `${i}号楼反映${a}，${c}另外${b}，请尽快处理。`, regionId: `r${i % 4}`, label });
  }
  return rows;
}

describe('training in a worker thread', () => {
  it('gives the same model bytes and held-out figures as training in-process', async () => {
    addUserWords(['镶白旗热力公司', '正蓝旗水务局']); // the thread must segment with them too
    const rows = rowsOf(150); // ≥ 100 rows: per-class offsets are fitted as well
    const inProcess = trainAndEncode(rows, defaultClassifierOptions);
    const threaded = await trainInThread(rows, defaultClassifierOptions);
    expect(threaded.heldOut).toEqual(inProcess.heldOut);
    expect(threaded.heldOut.folds).toBe(3);
    expect(threaded.features).toBe(inProcess.features);
    expect(threaded.blob).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(threaded.blob).equals(Buffer.from(inProcess.blob))).toBe(true);
  });

  it('keeps the event loop free while a model trains', async () => {
    const rows = rowsOf(400);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      trainAndEncode(rows, defaultClassifierOptions);
      expect(ticks).toBe(0); // in-process training holds the loop for its whole run
      const trained = await trainInThread(rows, defaultClassifierOptions);
      expect(trained.features).toBeGreaterThan(0);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('runInThread', () => {
  it('returns the entry value with its transferred bytes', async () => {
    const { bytes } = await runInThread<{ text: string }, { bytes: Uint8Array }>(ENTRIES, 'bytesOf', { text: '热力公司' });
    expect(Buffer.from(bytes).toString('utf8')).toBe('热力公司');
  });

  it("rejects with the entry's error message, and when the export is missing", async () => {
    await expect(runInThread(ENTRIES, 'fails', { why: 'no rows' })).rejects.toThrow('refused: no rows');
    await expect(runInThread(ENTRIES, 'nothingHere', {})).rejects.toThrow(/no exported function nothingHere/);
  });
});

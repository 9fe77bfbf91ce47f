import type { ImportMapping } from '../../src/contract/imports.js';

/**
 * Generated rows of a previous system's export (issue 17): deterministic, spread over March and
 * April 2025, each with the facts a hand computation of the KPIs needs. Used by the import tests and
 * `npm run bench import` (never stored).
 */
export interface GeneratedRow {
  no: string;
  kind: 'closed' | 'direct' | 'invalid';
  unit: string | null;
  category: string;
  createdAt: Date;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date;
  satisfaction: '满意' | '基本满意' | '不满意' | null;
  resolved: '已解决' | '未解决' | null;
  quickSign: boolean;
}

export const GENERATED_HEADERS = [
  '编号',
  '渠道',
  '类型',
  '分类',
  '地区',
  '承办单位',
  '姓名',
  '电话',
  '内容',
  '登记时间',
  '派单时间',
  '签收时间',
  '答复时间',
  '办结时间',
  '状态',
  '答复',
  '满意度',
  '解决情况',
] as const;

export const GENERATED_MAPPING: ImportMapping = {
  columns: {
    originalNo: '编号',
    channel: '渠道',
    appealType: '类型',
    category: '分类',
    region: '地区',
    unit: '承办单位',
    callerName: '姓名',
    callerPhone: '电话',
    content: '内容',
    createdAt: '登记时间',
    dispatchedAt: '派单时间',
    acceptedAt: '签收时间',
    repliedAt: '答复时间',
    closedAt: '办结时间',
    finalState: '状态',
    replyText: '答复',
    visitResult: '满意度',
    resolved: '解决情况',
  },
  values: { category: { 物业纠纷: '物业管理' }, finalState: { 已归档: 'closed', 直接答复: 'direct', 不予受理: 'invalid' } },
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 2, 1); // 1 March 2025; 61 days to 30 April

/** `n` rows numbered `${prefix}0000001`…; times 01:00–11:00 UTC (09:00–19:00 in Shanghai, same day). */
export function generateRows(n: number, opts: { prefix: string; units: readonly string[]; seed?: number }): GeneratedRow[] {
  const rnd = mulberry32(opts.seed ?? 17);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < n; i++) {
    const created = START + (i % 61) * DAY + HOUR + Math.floor(rnd() * 600) * MIN;
    const roll = rnd();
    const kind = roll < 0.15 ? 'direct' : roll < 0.25 ? 'invalid' : 'closed';
    const s = rnd();
    const satisfaction = kind === 'invalid' || s >= 0.9 ? null : s < 0.6 ? '满意' : s < 0.8 ? '基本满意' : '不满意';
    const resolved = satisfaction === null ? null : rnd() < 0.8 ? '已解决' : '未解决';
    const no = `${opts.prefix}${String(i + 1).padStart(7, '0')}`;
    const category = i % 3 === 0 ? '物业纠纷' : i % 3 === 1 ? 'C11' : '物业管理';
    if (kind !== 'closed') {
      rows.push({
        no,
        kind,
        unit: null,
        category,
        createdAt: new Date(created),
        dispatchedAt: null,
        signedAt: null,
        repliedAt: null,
        closedAt: new Date(created + (kind === 'direct' ? 5 : 2) * MIN),
        satisfaction: kind === 'direct' ? satisfaction : null,
        resolved: kind === 'direct' ? resolved : null,
        quickSign: false,
      });
      continue;
    }
    const dispatched = created + 20 * MIN;
    const quickSign = rnd() < 0.7;
    const signed = dispatched + (quickSign ? 10 * MIN : 10 * DAY);
    const replied = signed + 3 * HOUR;
    rows.push({
      no,
      kind,
      unit: opts.units[i % opts.units.length]!,
      category,
      createdAt: new Date(created),
      dispatchedAt: new Date(dispatched),
      signedAt: new Date(signed),
      repliedAt: new Date(replied),
      closedAt: new Date(replied + DAY),
      satisfaction,
      resolved,
      quickSign,
    });
  }
  return rows;
}

/** Wall clock in Shanghai (UTC+8), as an old system's export writes it. */
const local = (d: Date | null) => (d ? new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ') : '');
const STATE_WORD = { closed: '已归档', direct: '直接答复', invalid: '不予受理' } as const;

export function rowsToCsv(rows: readonly GeneratedRow[], region: string): string {
  const lines = [GENERATED_HEADERS.join(',')];
  for (const [i, r] of rows.entries()) {
    lines.push(
      [
        r.no,
        i % 2 === 0 ? '电话' : '网站',
        i % 5 === 0 ? '投诉' : '咨询',
        r.category,
        region,
        r.unit ?? '',
        `市民${i % 100}`,
        `1390479${String(i % 10000).padStart(4, '0')}`,
        `第${i + 1}件诉求：小区物业不作为，请尽快处理`,
        local(r.createdAt),
        local(r.dispatchedAt),
        local(r.signedAt),
        local(r.repliedAt),
        local(r.closedAt),
        STATE_WORD[r.kind],
        r.kind === 'invalid' ? '告知法定途径' : '已处理完毕',
        r.satisfaction ?? '',
        r.resolved ?? '',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

/** The counters of the rows accepted in one month (YYYY-MM), computed by hand from the generated facts. */
export function handCounters(rows: readonly GeneratedRow[], month: string) {
  const inMonth = rows.filter((r) => new Date(r.createdAt.getTime() + 8 * HOUR).toISOString().startsWith(month));
  const ended = inMonth.filter((r) => r.kind !== 'invalid');
  const visited = ended.filter((r) => r.satisfaction !== null);
  return {
    accepted: inMonth.length,
    direct: inMonth.filter((r) => r.kind === 'direct').length,
    transferred: inMonth.filter((r) => r.kind === 'closed').length,
    dispatches: inMonth.filter((r) => r.kind === 'closed').length,
    replies: inMonth.filter((r) => r.kind === 'closed').length,
    closed: ended.length,
    invalid: inMonth.filter((r) => r.kind === 'invalid').length,
    signed_on_time: inMonth.filter((r) => r.quickSign).length,
    visits_valid: visited.length,
    visits_satisfied: visited.filter((r) => r.satisfaction === '满意').length,
    visits_basic: visited.filter((r) => r.satisfaction === '基本满意').length,
    visits_resolved: visited.filter((r) => r.resolved === '已解决').length,
    handling_seconds: ended.reduce((s, r) => s + Math.round((r.closedAt.getTime() - r.createdAt.getTime()) / 1000), 0),
  };
}

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCategory, insertRegion } from '../../src/org/catalog.repository.js';
import { monthPurity } from '../../src/demo/hotspot-purity.eval.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-10-01T01:00:00Z' });
const COUNTY = '正镶白旗';
let countyId: string;

// Our own texts, written like the demo's: a small county where four unrelated matters share the
// county's name and two places (a street, an estate); the address repeats the title, as intake does.
const MATTERS: Record<string, [string, string][]> = {
  potholes: [
    [`${COUNTY}团结大街路面坑洼`, `${COUNTY}团结大街路面有多处坑洼，下雨积水，车辆通行困难，请尽快修补。`],
    [`${COUNTY}团结大街路面坑洼积水`, `${COUNTY}团结大街路面坑洼越来越多，电动车摔倒过，请修补路面。`],
    [`${COUNTY}团结大街路面破损坑洼`, `${COUNTY}团结大街路面破损，坑洼积水，夜里看不清，请尽快修补。`],
  ],
  hygiene: [
    [`${COUNTY}团结大街餐馆卫生差`, `${COUNTY}团结大街一家饭馆后厨卫生很差，吃完后肚子不舒服，请市场监管部门检查。`],
    [`${COUNTY}团结大街饭馆后厨脏乱`, `${COUNTY}团结大街有饭馆后厨苍蝇很多，餐具不消毒，请检查卫生。`],
  ],
  gas: [
    [`${COUNTY}锦绣园燃气异味`, `${COUNTY}锦绣园5号楼单元门口能闻到燃气味，担心有泄漏，请燃气公司派人检查。`],
    [`${COUNTY}锦绣园楼道燃气味重`, `${COUNTY}锦绣园楼道里燃气味很重，怕燃气泄漏出事，请燃气公司检查管道。`],
  ],
  signal: [
    [`${COUNTY}锦绣园手机信号差`, `${COUNTY}锦绣园一带手机信号很差，经常打不通电话，请运营商加建基站。`],
    [`${COUNTY}锦绣园没有手机信号`, `${COUNTY}锦绣园家里手机信号时有时无，电话打不通，请运营商加建基站。`],
  ],
};
// The rest of the month elsewhere (the big county): the small county's name is rare, so TF-IDF weighs it heavily.
const ELSEWHERE = [
  '幸福家园小区暖气不热',
  '人民路路灯不亮',
  '新生儿医保办理咨询',
  '公园增设健身器材建议',
  '出租车拒载投诉',
  '培训机构拒绝退费',
  '医院挂号难',
  '低保申请咨询',
  '营业执照办理咨询',
  '工地夜间施工噪音',
  '烧烤店油烟扰民',
  '小区垃圾长期未清运',
];

beforeAll(async () => {
  countyId = (await insertRegion(w.deps.db, { centreId: w.centreId, parentId: null, code: 'R9', name: COUNTY, level: 1 })).id;
  let day = 1;
  for (const [i, [matter, appeals]] of Object.entries(MATTERS).entries()) {
    const category = await insertCategory(w.deps.db, {
      ...{ centreId: w.centreId, parentId: null, parentPath: null, level: 1 },
      ...{ code: `M${i}`, name: `事项${i}` },
    });
    for (const [title, content] of appeals) {
      w.clock.set(`2025-10-${String(day++).padStart(2, '0')}T03:00:00Z`);
      await newOrder(w, { title, content, address: title.slice(0, 20), regionId: countyId, categoryId: category.id });
    }
    expect(matter).toBeTruthy();
  }
  for (const title of ELSEWHERE) {
    w.clock.set(`2025-10-${String(day++).padStart(2, '0')}T05:00:00Z`);
    await newOrder(w, { title, content: `${title}，请尽快处理。`, address: `A旗${title.slice(0, 4)}` });
  }
  w.clock.set('2025-11-03T02:00:00Z');
});

const titlesOf = (key: string) => MATTERS[key]!.map(([t]) => t).sort();

describe('hot issues in a small county', () => {
  it('are one cluster per matter, never labelled with the county', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const res = await analyst.get(`/api/hotspots?from=2025-10-01&to=2025-11-01&regionId=${countyId}`);
    expect(res.statusCode).toBe(200);
    const items: { count: number; keywords: string[]; orders: { title: string }[] }[] = res.json().items;
    // Potholes first (three appeals); the three matters of two tie and are compared as a set.
    const clusters = items.map((h) => h.orders.map((o) => o.title).sort());
    expect(clusters[0]).toEqual(titlesOf('potholes'));
    expect(clusters.slice(1).sort()).toEqual(['hygiene', 'gas', 'signal'].map(titlesOf).sort());
    for (const h of items) expect(h.keywords.some((k) => k.includes(COUNTY) || k.includes('镶白'))).toBe(false);
  });

  it("puts one matter first in the monthly report's hot-issue sheet", async () => {
    const analyst = await asUser(app, w, 'analyst');
    const res = await analyst.request({ method: 'GET', url: '/api/reports/monthly.xlsx?month=2025-10' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const first = wb.getWorksheet('热点问题')!.getRow(3).values as unknown[];
    // columns: 序号, 热点, 代表诉求, 区域, 本月件数 …
    expect(first[4]).toBe(COUNTY);
    expect(first[5]).toBe(3);
    expect(titlesOf('potholes')).toContain(first[3]);
    expect(String(first[2])).toMatch(/路面|坑洼/);
  });

  it('measures purity 1 with the matter guard, and what the month was without it', async () => {
    const m = await monthPurity(w.deps.db, w.centreId, '2025-10');
    expect(m.withGuard.purity).toBe(1);
    expect(m.withGuard.mixed).toBe(0);
    expect(m.withGuard.first).toEqual({ count: 3, categories: 1, purity: 1 });
    expect(m.withoutGuard.purity).toBeLessThan(1);
  });
});

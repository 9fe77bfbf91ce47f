import type { MatterStatus } from '../contract/matters.js';
import type { Executor } from '../db/database.js';
import {
  addMilestones,
  insertMatter,
  insertProgress,
  insertRound,
  markMilestone,
  milestonesOf,
  setMatterUnits,
} from '../matters/matter.repository.js';
import type { Clock } from '../shared/clock.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { DemoCatalog } from './demo-org.service.js';

interface DemoMatter {
  title: string;
  description: string;
  status: MatterStatus;
  budget: number | null;
  votes: number | null;
  /** milestones: name, due month (of the year), done? */
  steps: [string, number, boolean][];
  progress: [number, string][];
}

const MATTERS: DemoMatter[] = [
  {
    title: '老旧小区供暖管网改造',
    description: '改造城区 12 个老旧小区供暖二次管网，解决冬季室温不达标问题。',
    status: 'done',
    budget: 8_600_000,
    votes: null,
    steps: [
      ['入户摸排与方案设计', 3, true],
      ['管网施工', 8, true],
      ['打压试水与验收', 10, true],
    ],
    progress: [
      [4, '完成 12 个小区 3,200 户入户摸排，形成改造方案。'],
      [8, '管网施工全部完成，累计更换管道 18 公里。'],
      [10, '通过打压试水和竣工验收，供暖季室温普遍达到 18℃ 以上。'],
    ],
  },
  {
    title: '城区背街小巷硬化亮化',
    description: '对城区 46 条背街小巷进行路面硬化、排水和路灯安装。',
    status: 'in_progress',
    budget: 5_200_000,
    votes: null,
    steps: [
      ['街巷清单公示', 4, true],
      ['第一批 20 条施工', 7, true],
      ['第二批 26 条施工', 10, false],
      ['竣工验收', 12, false],
    ],
    progress: [
      [5, '46 条街巷清单已在各社区公示，收集意见 137 条。'],
      [9, '第一批 20 条街巷完成硬化，安装路灯 210 盏；第二批已进场。'],
    ],
  },
  {
    title: '农村牧区饮水安全提升',
    description: '为 8 个嘎查新建或改造集中供水设施，配备水质检测设备。',
    status: 'adopted',
    budget: 3_400_000,
    votes: null,
    steps: [
      ['水源勘察', 6, false],
      ['设施建设', 9, false],
      ['水质检测与移交', 11, false],
    ],
    progress: [[11, '已完成项目立项和招标准备，责任单位已认领。']],
  },
  {
    title: '新建城市综合体停车楼',
    description: '在中心城区新建立体停车楼一座。',
    status: 'rejected',
    budget: 40_000_000,
    votes: null,
    steps: [],
    progress: [],
  },
  {
    title: '社区老年助餐点',
    description: '在 10 个社区设立老年助餐点，为高龄、独居老人提供就餐服务。',
    status: 'candidate',
    budget: 1_200_000,
    votes: null,
    steps: [],
    progress: [],
  },
  {
    title: '校园周边交通安全设施',
    description: '在 15 所中小学周边增设护学岗、减速带和交通信号灯。',
    status: 'voting',
    budget: 900_000,
    votes: null,
    steps: [],
    progress: [],
  },
  {
    title: '公共厕所改造提升',
    description: '改造城区和旅游点 30 座公共厕所，增加无障碍和第三卫生间。',
    status: 'voting',
    budget: 2_100_000,
    votes: null,
    steps: [],
    progress: [],
  },
  {
    title: '便民菜市场建设',
    description: '在新区建设 2 座便民菜市场，解决居民买菜远的问题。',
    status: 'voting',
    budget: 6_000_000,
    votes: null,
    steps: [],
    progress: [],
  },
];

const day = (year: number, month: number, d = 28) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The demo's 民生实事 (issue 19, ADR 0206): this year's list of the demo centre with a matter in every
 * status, milestones and progress, owned by `leader` 巴特尔 and claimed by county departments; one
 * open 票决 round (three candidates, two picks each, two adopted) closing in two weeks.
 */
export async function seedDemoMatters(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const leader = await findUserByUsername(tx, 'leader');
  const supervisor = await findUserByUsername(tx, 'supervisor');
  if (!leader) return 0;
  const now = clock.now();
  const year = now.getUTCFullYear();
  const depts = catalog.units.filter((u) => u.kind === 'county_dept');
  const regionId = catalog.counties[0]?.regionId ?? null;
  const round = await insertRound(tx, {
    centre_id: catalog.centreId,
    region_id: null,
    year,
    title: `${year} 年民生实事候选项目票决`,
    opens_at: new Date(now.getTime() - 3 * 86_400_000),
    closes_at: new Date(now.getTime() + 14 * 86_400_000),
    max_picks: 2,
    adopt_count: 2,
    created_by: supervisor?.id ?? leader.id,
    created_at: new Date(now.getTime() - 3 * 86_400_000),
  });
  const created = new Date(Date.UTC(year, 0, 15, 2));
  for (const [i, m] of MATTERS.entries()) {
    const { id } = await insertMatter(tx, {
      centre_id: catalog.centreId,
      region_id: i % 2 === 0 ? regionId : null,
      year,
      title: m.title,
      description: m.description,
      leader_id: leader.id,
      status: m.status,
      source: i === 1 ? 'suggestion' : 'scratch',
      budget_yuan: m.budget,
      round_id: m.status === 'voting' ? round.id : null,
      votes: m.votes,
      created_by: supervisor?.id ?? leader.id,
      created_at: created,
      updated_at: now,
      adopted_at: ['adopted', 'in_progress', 'done'].includes(m.status) ? new Date(Date.UTC(year, 2, 1)) : null,
      started_at: ['in_progress', 'done'].includes(m.status) ? new Date(Date.UTC(year, 3, 1)) : null,
      done_at: m.status === 'done' ? new Date(Date.UTC(year, 9, 30)) : null,
      rejected_at: m.status === 'rejected' ? new Date(Date.UTC(year, 2, 1)) : null,
    });
    const units = depts.slice(i % Math.max(1, depts.length), (i % Math.max(1, depts.length)) + 2);
    await setMatterUnits(
      tx,
      id,
      units.map((u) => u.id),
      created,
    );
    await addMilestones(
      tx,
      id,
      m.steps.map(([name, month]) => ({ name, dueOn: day(year, month) })),
    );
    const steps = await milestonesOf(tx, [id]);
    for (const [j, [, month, done]] of m.steps.entries()) {
      if (done && steps[j]) await markMilestone(tx, id, steps[j].id, day(year, month, 20));
    }
    for (const [month, body] of m.progress) {
      await insertProgress(tx, { matterId: id, body, reportedOn: day(year, month, 25), by: leader.id, at: now });
    }
  }
  return MATTERS.length;
}

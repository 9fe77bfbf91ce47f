// Issue 16: the demo's channel registers. The seed (Xilingol, 2021): 12345 "归并整合了除110、119、120、122
// 等紧急热线外的39条政务服务便民热线" — busy lines kept in parallel (双号并行), low-traffic ones retired
// into 12345. The 办不成事 windows follow the seed's Baotou model (18 windows in the halls at two levels):
// here five in the league's hall and one in each of the 13 banners'/counties' halls. Numbers and names
// are realistic national 123xx service numbers and local 0479 lines; the departments are the demo's own.
import type { LineMode } from '../contract/channels.js';
import { COUNTIES } from './demo-org.data.js';

export interface DemoLine {
  number: string;
  name: string;
  department: string;
  mode: LineMode;
  /** Calls a month in the demo (parallel lines only; a retired line rings no more). */
  monthlyCalls: number;
}

const p = (number: string, name: string, department: string, monthlyCalls: number): DemoLine => ({
  number,
  name,
  department,
  mode: 'parallel',
  monthlyCalls,
});
const r = (number: string, name: string, department: string): DemoLine => ({
  number,
  name,
  department,
  mode: 'retired',
  monthlyCalls: 0,
});

/** The 39 merged lines: 14 kept in parallel, 25 retired at the merger. */
export const DEMO_LINES: DemoLine[] = [
  p('12315', '市场监管投诉举报热线', '盟市场监督管理局', 64),
  p('12333', '人力资源和社会保障咨询热线', '盟人力资源和社会保障局', 48),
  p('12319', '城建服务热线', '盟住房和城乡建设局', 33),
  p('12320', '卫生健康服务热线', '盟卫生健康委员会', 27),
  p('12369', '环保举报热线', '盟生态环境局', 21),
  p('12329', '住房公积金服务热线', '盟住房公积金管理中心', 18),
  p('04798271100', '城市管理服务热线', '锡林浩特市城市管理综合执法局', 16),
  p('12348', '公共法律服务热线', '盟司法局', 14),
  p('12328', '交通运输服务监督热线', '盟交通运输局', 12),
  p('04798291010', '信访服务热线', '盟信访局', 11),
  p('12393', '医疗保障服务热线', '盟医疗保障局', 7),
  p('12350', '安全生产举报投诉热线', '盟应急管理局', 5),
  p('04798298888', '营商环境投诉热线', '盟发展和改革委员会', 4),
  p('12301', '旅游服务质量监督热线', '盟文化旅游体育局', 2),
  r('12336', '自然资源违法举报热线', '盟自然资源局'),
  r('12358', '价格举报热线', '盟发展和改革委员会'),
  r('12365', '质量技术监督举报热线', '盟市场监督管理局'),
  r('12331', '食品药品投诉举报热线', '盟市场监督管理局'),
  r('12316', '三农服务热线', '盟农牧局'),
  r('12317', '扶贫监督举报热线', '盟乡村振兴局'),
  r('12338', '妇女维权公益服务热线', '盟妇联'),
  r('12355', '青少年服务台', '共青团锡林郭勒盟委员会'),
  r('12351', '职工维权热线', '盟总工会'),
  r('12349', '养老服务热线', '盟民政局'),
  r('12318', '文化市场举报热线', '盟文化旅游体育局'),
  r('12121', '气象服务热线', '盟气象局'),
  r('12366', '纳税服务热线', '盟税务局'),
  r('04798262345', '教育服务热线', '盟教育局'),
  r('04798235678', '不动产登记咨询热线', '盟自然资源局'),
  r('04798281234', '政务服务咨询热线', '盟政务服务局'),
  r('04798296110', '退役军人服务热线', '盟退役军人事务局'),
  r('04798227712', '残疾人服务热线', '盟残联'),
  r('04798242003', '水务服务热线', '盟水利局'),
  r('04798218820', '林草服务热线', '盟林业和草原局'),
  r('04798233366', '统计服务热线', '盟统计局'),
  r('04798256789', '商务服务热线', '盟商务局'),
  r('04798265432', '审计举报热线', '盟审计局'),
  r('04798226900', '科技服务热线', '盟科学技术局'),
  r('04798284455', '工业和信息化服务热线', '盟工业和信息化局'),
];

/** The merger: the 12345 trial run began in May 2021; retired lines were switched off with it. */
export const DEMO_MERGED_ON = '2021-05-01';

/** 12345 itself, calls a month in the demo. */
export const DEMO_MAIN_MONTHLY_CALLS = 320;

/** The demo centre's criterion: small numbers, because the demo's traffic is small. */
export const DEMO_CRITERION = { maxCalls: 8, maxShare: 0.015, months: 3 };

export interface DemoWindow {
  name: string;
  hall: string;
  level: 'centre' | 'county';
  /** The county whose region the window serves (county level). */
  county?: string;
}

const LEAGUE_HALL = '锡林郭勒盟政务服务中心';

/** 18 办不成事 windows: five in the league's hall, one in each county's hall. */
export const DEMO_WINDOWS: DemoWindow[] = [
  ...['综合', '企业开办', '工程建设项目', '社保医保', '不动产登记'].map((topic) => ({
    name: `盟政务服务中心「办不成事」反映窗口·${topic}`,
    hall: LEAGUE_HALL,
    level: 'centre' as const,
  })),
  ...COUNTIES.map((c) => ({
    name: `${c.name}「办不成事」反映窗口`,
    hall: `${c.name}政务服务中心`,
    level: 'county' as const,
    county: c.name,
  })),
];

/**
 * The demo's 协办 and 阶段性答复 (issue 14, ADRs 0120, 0121): heating appeals in 锡林浩特市 led by the
 * demo handler's unit with the city's heating company assisting, at several points of their lives.
 */
export const DEMO_ASSIST_UNIT = '锡林浩特市热力公司';
export const DEMO_ASSIST_SECOND_UNIT = '锡林浩特市供水公司';

export interface DemoAssistOrder {
  title: string;
  content: string;
  address: string;
  /** Hours before now the appeal came in. */
  ageHours: number;
  priority: number;
  channel: 'phone' | 'web';
  /** Assisting units by name. */
  assist: string[];
  /** What happens after the dispatch: the assisting opinions (hours after dispatch), a progress report. */
  opinions: { unit: string; afterHours: number; text: string }[];
  progressReport?: { afterHours: number; progress: string; reason: string };
}

export const DEMO_ASSIST_ORDERS: DemoAssistOrder[] = [
  {
    title: '希日塔拉街道某小区多户暖气不热',
    content: '小区3号楼多户室温不足16度，已持续一周，物业称需热力公司排查管网，请协调处理。',
    address: '希日塔拉街道某小区3号楼2单元',
    ageHours: 20,
    priority: 3,
    channel: 'phone',
    assist: [DEMO_ASSIST_UNIT],
    opinions: [],
  },
  {
    title: '宝力根街道供热管网漏水影响出行',
    content: '小区门口供热管道井冒热水，路面结冰，老人出行不便，请尽快维修。',
    address: '宝力根街道某小区12号',
    ageHours: 40,
    priority: 3,
    channel: 'phone',
    assist: [DEMO_ASSIST_UNIT, DEMO_ASSIST_SECOND_UNIT],
    opinions: [
      {
        unit: DEMO_ASSIST_UNIT,
        afterHours: 6,
        text: '经现场查看，系二次网支线阀门井渗漏，已于当日关阀抢修，路面结冰由物业清理，预计两日内恢复。',
      },
    ],
  },
  {
    title: '楚古兰街道老旧小区供热管道改造进度',
    content: '老旧小区供热管道老化，多次维修仍不热，希望纳入改造并告知进度。',
    address: '楚古兰街道某老旧小区5号楼1单元',
    ageHours: 200,
    priority: 4,
    channel: 'web',
    assist: [DEMO_ASSIST_UNIT],
    opinions: [
      {
        unit: DEMO_ASSIST_UNIT,
        afterHours: 150,
        text: '该小区已列入今年老旧管网改造计划，需与住建部门协调施工许可，改造期间先行加装临时循环泵。',
      },
    ],
    progressReport: {
      afterHours: 160,
      progress: '已会同热力公司现场勘查，确认为楼内主管道老化；已列入老旧小区改造计划，临时循环泵已安装。',
      reason: '主管道更换须办理施工许可并在供暖间隙分段施工，预计需要三周。',
    },
  },
];

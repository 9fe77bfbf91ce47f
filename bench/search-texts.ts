// Generated appeal texts for the search bench (our own vocabulary; no real data).
const PLACES = [
  '锡林浩特市',
  '二连浩特市',
  '阿巴嘎旗',
  '苏尼特左旗',
  '苏尼特右旗',
  '东乌珠穆沁旗',
  '西乌珠穆沁旗',
  '太仆寺旗',
  '镶黄旗',
  '正镶白旗',
  '正蓝旗',
  '多伦县',
];
const STREETS = ['希日塔拉街道', '宝力根街道', '额尔敦街道', '杭盖街道', '南郊街道', '楚古兰街道', '巴彦查干街道', '滨河街道'];
const ESTATES = [
  '幸福家园',
  '锦绣华庭',
  '阳光小区',
  '草原明珠',
  '和谐苑',
  '金色家园',
  '翡翠城',
  '东方花园',
  '民族小区',
  '新华里',
  '锡林花园',
  '丽水湾',
];
const ISSUES: [string, string][] = [
  ['供暖不热', '家里暖气温度只有十四度，老人孩子受冻，热力公司一直没有来修'],
  ['夜间施工噪音扰民', '工地晚上十一点以后还在施工，搅拌机声音很大影响休息'],
  ['路灯不亮', '小区门口路灯坏了一个多月，晚上出行很不安全'],
  ['垃圾清运不及时', '垃圾箱满了好几天没人清运，夏天气味很大'],
  ['物业不作为', '物业公司收费却不管理，电梯经常停运，楼道卫生差'],
  ['停水没有通知', '突然停水没有任何通知，家里老人做饭洗漱都困难'],
  ['拖欠农民工工资', '在工地干活半年，包工头拖欠工资三万元至今未付'],
  ['违章停车堵塞消防通道', '小区消防通道长期被私家车占用，发生火灾无法通行'],
  ['占道经营', '商贩在人行道摆摊经营，行人只能走机动车道'],
  ['下水道堵塞', '楼下下水道堵塞污水外溢，多次反映无人处理'],
  ['公交车不按时发车', '公交车间隔太长，经常等四十分钟，上班迟到'],
  ['医保报销问题', '异地就医医保报销手续复杂，材料提交后迟迟没有结果'],
  ['幼儿园入园难', '孩子到了入园年龄，附近公办幼儿园名额已满'],
  ['燃气表故障', '燃气表显示异常，充值后仍然无法使用燃气'],
  ['道路破损坑洼', '道路坑洼不平，雨天积水，车辆行驶容易发生事故'],
  ['宠物扰民', '邻居养狗夜间狂吠，多次沟通无果'],
  ['油烟污染', '楼下饭店油烟直排，窗户都不能打开'],
  ['房产证迟迟办不下来', '购房多年开发商一直没有办理房产证'],
  ['电动车充电隐患', '居民在楼道里给电动车充电存在火灾隐患'],
  ['牧区道路修缮', '嘎查通往苏木的道路损坏严重，牧民出行困难'],
];
const EXTRA = [
  '请有关部门尽快处理',
  '希望尽快解决',
  '已经反映多次',
  '请给予答复',
  '影响正常生活',
  '请相关单位核实',
  '恳请领导重视',
];

/** Deterministic pseudo-random numbers (bench runs compare across runs). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BenchText {
  title: string;
  content: string;
  address: string;
}

export function generateTexts(n: number, seed = 12345): BenchText[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const [issue, detail] = pick(ISSUES);
    const address = `${pick(PLACES)}${pick(STREETS)}${pick(ESTATES)}${1 + Math.floor(r() * 30)}号楼`;
    return {
      title: `${pick(ESTATES)}${issue}`,
      content: `${address}${detail}，${pick(EXTRA)}。${r() < 0.5 ? pick(EXTRA) + '。' : ''}`,
      address,
    };
  });
}

/** Queries operators type: an issue word, a place, or both. */
export function generateQueries(n: number, seed = 777): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const words = [
    '暖气',
    '噪音',
    '路灯',
    '垃圾',
    '物业',
    '停水',
    '工资',
    '消防通道',
    '下水道',
    '公交车',
    '医保',
    '幼儿园',
    '燃气表',
    '油烟',
    '房产证',
    '电动车',
    '嘎查',
  ];
  return Array.from({ length: n }, () => {
    const k = r();
    if (k < 0.4) return pick(words);
    if (k < 0.7) return `${pick(ESTATES)} ${pick(words)}`;
    return `${pick(PLACES)} ${pick(STREETS)} ${pick(words)}`;
  });
}

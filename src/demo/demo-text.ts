// Generated appeal texts for the demo: templates with slots, written for lianxin.
import type { Rng } from './rng.js';

const COMPOUNDS = [
  '锦绣园',
  '草原明珠小区',
  '阳光嘉园',
  '额尔敦新村',
  '希望家园',
  '金桥花园',
  '民族团结小区',
  '新城佳苑',
  '那达慕花园',
  '白马小区',
];
const STREETS = ['团结大街', '额尔敦路', '锡林大街', '那达慕大街', '宝力根路', '扎旗街', '贝子庙路', '桑根达来路'];

const TEMPLATES: Record<string, { title: string; content: string }[]> = {
  物业管理: [
    {
      title: '{c}物业不作为',
      content: '我是{c}{b}号楼住户，小区楼道灯坏了一个多月，垃圾也没人清理，多次找物业都推脱，希望有关部门督促物业整改。',
    },
  ],
  房屋质量与维修: [
    { title: '{c}房屋漏水无人维修', content: '{c}{b}号楼顶楼每逢下雨就漏水，墙皮脱落，开发商和物业互相推诿，请尽快协调维修。' },
  ],
  老旧小区改造: [
    {
      title: '{c}改造工程进度慢',
      content: '{c}老旧小区改造去年开工至今未完成，路面挖开后一直没有恢复，老人出行不便，请问什么时候完工？',
    },
  ],
  市政道路与照明: [{ title: '{s}路灯不亮', content: '{s}与{s2}交叉口附近路灯已经一周不亮，晚上行人和车辆很危险，请尽快维修。' }],
  供水: [
    { title: '{c}突然停水', content: '{c}{b}号楼从今天早上开始停水，没有接到任何通知，家里有老人孩子急需用水，请尽快查明原因。' },
  ],
  供电: [{ title: '{c}频繁停电', content: '{c}这几天频繁停电，每次一两个小时，冰箱里的东西都坏了，请供电部门检查线路。' }],
  供热: [
    {
      title: '{c}供暖温度不达标',
      content: '{c}{b}号楼室内温度只有{n}度，家中有老人和婴儿，多次联系热力公司未解决，请尽快处理。',
    },
  ],
  燃气: [{ title: '{c}燃气异味', content: '{c}{b}号楼单元门口能闻到燃气味，担心有泄漏，请燃气公司派人检查。' }],
  通信网络: [{ title: '{c}手机信号差', content: '{c}一带手机信号很差，经常打不通电话，请运营商加建基站。' }],
  拖欠工资: [
    { title: '工地拖欠农民工工资', content: '我在{s}一处建筑工地干了{n}个月，包工头拖欠工资至今未付，共计{m}元，请帮忙讨薪。' },
  ],
  养老保险: [{ title: '养老保险转移咨询', content: '我从外地回来工作，想咨询养老保险关系转移需要准备哪些材料，到哪里办理。' }],
  医疗保障: [{ title: '异地就医报销咨询', content: '家里老人在北京住院，请问异地就医备案怎么办理，报销比例是多少？' }],
  食品安全: [{ title: '{s}餐馆卫生差', content: '{s}一家饭馆后厨卫生很差，吃完后肚子不舒服，请市场监管部门检查。' }],
  消费维权: [{ title: '商家拒绝退款', content: '在{s}一家店办了预付卡，现在商家关门了，剩余{m}元无法退还，请帮助维权。' }],
  价格监督: [{ title: '{s}商户价格欺诈', content: '{s}某商户标价和结算价格不一致，多收了钱，请查处。' }],
  噪声扰民: [{ title: '{c}夜间施工噪音', content: '{c}旁边工地每天晚上十一点以后还在施工，噪音很大，影响休息，请制止。' }],
  大气污染: [{ title: '{s}烧烤油烟扰民', content: '{s}沿街烧烤店油烟直排，楼上住户窗户都不敢开，请环保部门处理。' }],
  垃圾清运: [{ title: '{c}垃圾长期未清运', content: '{c}门口垃圾箱已经满了好几天，没人清运，气味很大，请尽快处理。' }],
  公交出行: [{ title: '建议增加公交班次', content: '{s}一带上下班高峰公交车太挤，等车时间长，建议增加班次。' }],
  出租车管理: [{ title: '出租车拒载', content: '昨晚在{s}打车，出租车司机拒载还态度恶劣，车牌号已记下，请处理。' }],
  道路养护: [{ title: '{s}路面坑洼', content: '{s}路面有多处坑洼，下雨积水，车辆通行困难，请尽快修补。' }],
  入学招生: [{ title: '孩子入学咨询', content: '孩子今年该上小学了，户口在{c}，请问划片学校是哪所，需要什么材料？' }],
  校外培训: [{ title: '培训机构违规收费', content: '{s}一家培训机构一次性收取了一年的费用{m}元，现在要求退费被拒绝。' }],
  医疗服务: [{ title: '医院挂号难', content: '在医院挂专家号总是挂不上，网上号源一放出来就没了，建议改进预约方式。' }],
  疫苗接种: [{ title: '疫苗接种咨询', content: '请问老人接种疫苗需要预约吗，{c}附近哪个社区卫生服务站可以接种？' }],
  草原补贴: [
    { title: '草原补奖资金未发放', content: '我是牧民，今年的草原生态保护补奖资金到现在还没有发放，请问什么时候能到账？' },
  ],
  牲畜防疫: [{ title: '牲畜免疫咨询', content: '家里新购进{n}头牛，请问防疫需要办理哪些手续，到哪里打疫苗？' }],
  低保救助: [{ title: '低保申请咨询', content: '家里老人生病，生活困难，请问申请低保需要什么条件，到哪里办理？' }],
  养老服务: [{ title: '社区养老服务', content: '{c}附近有没有日间照料中心，老人白天没人照顾，希望增加养老服务。' }],
  办事咨询: [{ title: '营业执照办理咨询', content: '想开一家小超市，请问营业执照在哪里办理，需要准备哪些材料？' }],
  办不成事反映: [
    { title: '办事多次跑腿', content: '在政务服务大厅办理不动产登记，来回跑了{n}次还没办成，每次都说材料不全，请帮忙协调。' },
  ],
};

/** A generated appeal: what the citizen said, and where (null for a question that names no place). */
export interface AppealText {
  title: string;
  content: string;
  address: string | null;
}

/**
 * One appeal of a category in a county. The slots are drawn once, so the title, the content and the
 * address name the same estate, building and street; the address is written the way a clerk records
 * it (锡林浩特市锦绣园5号楼3单元, 锡林浩特市团结大街128号, 锡林浩特市团结大街与额尔敦路交叉口).
 * Always twelve draws after the template (the old generator's count), so the rest of the generated
 * history — and the figures measured on it — stay as they were.
 */
export function appealText(category: string, county: string, rng: Rng): AppealText {
  const list = TEMPLATES[category] ?? [
    { title: `关于${category}的诉求`, content: `反映${category}方面的问题，请有关部门处理。` },
  ];
  const t = rng.pick(list);
  const slot = {
    c: `${county}${rng.pick(COMPOUNDS)}`,
    s: `${county}${rng.pick(STREETS)}`,
    s2: rng.pick(STREETS),
    b: String(rng.int(1, 30)),
    n: String(rng.int(2, 15)),
    m: String(rng.int(10, 300) * 100),
  };
  const entrance = rng.int(1, 6);
  const houseNo = rng.int(1, 268);
  // four draws the old generator made and this one does not need
  rng.next();
  rng.next();
  rng.next();
  rng.next();
  const fill = (text: string) =>
    text
      .replace('{c}', slot.c)
      .replace('{s}', slot.s)
      .replace('{s2}', slot.s2)
      .replace('{b}', slot.b)
      .replace('{n}', slot.n)
      .replace('{m}', slot.m);
  const both = t.title + t.content;
  const address = both.includes('{c}')
    ? `${slot.c}${slot.b}号楼${entrance}单元`
    : both.includes('{s2}')
      ? `${slot.s}与${slot.s2}交叉口`
      : both.includes('{s}')
        ? `${slot.s}${houseNo}号`
        : null;
  return { title: fill(t.title), content: fill(t.content), address };
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '巴',
  '乌',
];
const GIVEN = ['女士', '先生'];

export const callerName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
export const callerPhone = (rng: Rng) =>
  `1${rng.pick(['35', '38', '39', '50', '52', '58', '86', '88', '47'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;

// The demo hotline's organisation, modelled on the public structure of Xilingol League (seed article):
// 13 banners/counties/cities with their departments and towns, 38 league departments, utilities.
// Names of public bodies only; no people.

export const CENTRE = { code: 'xilingol', name: '锡林郭勒盟12345政务服务便民热线' };
export const CENTRE_UNIT_NAME = '锡林郭勒盟12345热线中心';

export const COUNTIES: { name: string; towns: string[] }[] = [
  {
    name: '锡林浩特市',
    towns: ['希日塔拉街道', '宝力根街道', '楚古兰街道', '额尔敦街道', '杭盖街道', '南郊街道', '巴彦查干街道'],
  },
  { name: '二连浩特市', towns: ['乌兰街道', '欣园街道', '格日勒敖都苏木'] },
  { name: '阿巴嘎旗', towns: ['别力古台镇', '洪格尔高勒镇', '查干淖尔镇'] },
  { name: '苏尼特左旗', towns: ['满都拉图镇', '赛汉高毕苏木', '巴彦淖尔镇'] },
  { name: '苏尼特右旗', towns: ['赛汉塔拉镇', '朱日和镇', '乌日根塔拉镇'] },
  { name: '东乌珠穆沁旗', towns: ['乌里雅斯太镇', '道特淖尔镇', '嘎达布其镇', '满都宝力格镇'] },
  { name: '西乌珠穆沁旗', towns: ['巴拉嘎尔高勒镇', '巴彦花镇', '吉仁高勒镇', '浩勒图高勒镇'] },
  { name: '太仆寺旗', towns: ['宝昌镇', '千斤沟镇', '红旗镇', '骆驼山镇'] },
  { name: '镶黄旗', towns: ['新宝拉格镇', '巴彦塔拉镇'] },
  { name: '正镶白旗', towns: ['明安图镇', '星耀镇'] },
  { name: '正蓝旗', towns: ['上都镇', '桑根达来镇', '哈毕日嘎镇'] },
  { name: '多伦县', towns: ['多伦淖尔镇', '大北沟镇', '西干沟乡'] },
  { name: '乌拉盖管理区', towns: ['巴音胡硕镇', '贺斯格乌拉牧场'] },
];

/** Departments every banner/county has (旗县直部门). */
export const COUNTY_DEPARTMENTS = [
  '住房和城乡建设局',
  '市场监督管理局',
  '人力资源和社会保障局',
  '教育局',
  '卫生健康委员会',
  '交通运输局',
  '生态环境分局',
  '综合行政执法局',
  '民政局',
  '农牧和科技局',
  '自然资源局',
  '医疗保障局',
];

export const LEAGUE_DEPARTMENTS = [
  '盟发展和改革委员会',
  '盟教育局',
  '盟科学技术局',
  '盟工业和信息化局',
  '盟公安局',
  '盟民政局',
  '盟司法局',
  '盟财政局',
  '盟人力资源和社会保障局',
  '盟自然资源局',
  '盟生态环境局',
  '盟住房和城乡建设局',
  '盟交通运输局',
  '盟水利局',
  '盟农牧局',
  '盟商务局',
  '盟文化旅游体育局',
  '盟卫生健康委员会',
  '盟退役军人事务局',
  '盟应急管理局',
  '盟审计局',
  '盟市场监督管理局',
  '盟统计局',
  '盟医疗保障局',
  '盟林业和草原局',
  '盟能源局',
  '盟信访局',
  '盟政务服务局',
  '盟行政审批和政务服务局',
  '盟乡村振兴局',
  '盟人防办',
  '盟住房公积金管理中心',
  '盟税务局',
  '盟气象局',
  '盟邮政管理局',
  '盟消防救援支队',
  '盟总工会',
  '盟残联',
];

/**
 * Village committees (社区居委会 / 嘎查村委员会, kind `village`) under a few towns and street offices: they
 * receive only their town's own work by forwarding, never a dispatch or a functional department's work
 * (ADR 0116). Keyed by the town unit's name.
 */
export const VILLAGES: Record<string, string[]> = {
  锡林浩特市希日塔拉街道: ['团结社区', '额尔敦社区'],
  锡林浩特市宝力根街道: ['宝力根社区'],
  锡林浩特市南郊街道: ['巴彦宝拉格嘎查'],
  二连浩特市格日勒敖都苏木: ['呼和陶勒盖嘎查', '巴彦哈拉嘎查'],
};

/** Public-service companies (水电气热、通信、公交) in the league seat and the larger banners. */
export const COMPANIES: { name: string; county?: string }[] = [
  { name: '锡林郭勒供电公司' },
  { name: '中国移动锡林郭勒分公司' },
  { name: '中国联通锡林郭勒分公司' },
  { name: '中国电信锡林郭勒分公司' },
  ...['锡林浩特市', '二连浩特市', '东乌珠穆沁旗', '西乌珠穆沁旗', '太仆寺旗', '多伦县', '阿巴嘎旗', '正蓝旗'].flatMap(
    (county) => [
      { name: `${county}供水公司`, county },
      { name: `${county}热力公司`, county },
      { name: `${county}燃气公司`, county },
    ],
  ),
  { name: '锡林浩特市公共交通有限公司', county: '锡林浩特市' },
  { name: '二连浩特市公交公司', county: '二连浩特市' },
];

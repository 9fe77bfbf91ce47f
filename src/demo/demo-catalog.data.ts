// The demo's own appeal classification (written for lianxin, not taken from any data set).
export interface CategorySeed {
  name: string;
  children?: CategorySeed[];
  /**
   * Unit name fragments that handle this category, in order of preference (for generated history): the
   * first found in the appeal's county or league-wide wins, so a county without a heating company has
   * its housing bureau take heating, never another county's company.
   */
  handlers?: string[];
  /** Search aliases: what callers say instead of the name (ADR 0085). */
  aliases?: string[];
}

export const CATEGORY_TREE: CategorySeed[] = [
  {
    name: '城乡建设',
    children: [
      { name: '物业管理', handlers: ['住房和城乡建设局'], aliases: ['物业', '物业费', '小区物业'] },
      { name: '房屋质量与维修', handlers: ['住房和城乡建设局'] },
      { name: '老旧小区改造', handlers: ['住房和城乡建设局'] },
      { name: '市政道路与照明', handlers: ['综合行政执法局'], aliases: ['路灯', '路灯不亮', '井盖'] },
    ],
  },
  {
    name: '公用事业',
    children: [
      { name: '供水', handlers: ['供水公司', '住房和城乡建设局'], aliases: ['停水', '自来水', '水压低'] },
      { name: '供电', handlers: ['供电公司'], aliases: ['停电', '电费'] },
      { name: '供热', handlers: ['热力公司', '住房和城乡建设局'], aliases: ['供暖', '暖气', '采暖', '暖气不热'] },
      { name: '燃气', handlers: ['燃气公司', '住房和城乡建设局'], aliases: ['天然气', '煤气', '燃气泄漏'] },
      { name: '通信网络', handlers: ['移动', '联通', '电信'], aliases: ['手机信号', '宽带', '网络信号'] },
    ],
  },
  {
    name: '劳动和社会保障',
    children: [
      { name: '拖欠工资', handlers: ['人力资源和社会保障局'], aliases: ['欠薪', '讨薪', '农民工工资'] },
      { name: '养老保险', handlers: ['人力资源和社会保障局'] },
      { name: '医疗保障', handlers: ['医疗保障局'], aliases: ['医保', '医保报销'] },
    ],
  },
  {
    name: '市场监管',
    children: [
      { name: '食品安全', handlers: ['市场监督管理局'], aliases: ['食品卫生', '餐馆卫生'] },
      { name: '消费维权', handlers: ['市场监督管理局'] },
      { name: '价格监督', handlers: ['市场监督管理局'] },
    ],
  },
  {
    name: '环境保护',
    children: [
      { name: '噪声扰民', handlers: ['生态环境分局', '综合行政执法局'], aliases: ['噪音', '噪声', '扰民'] },
      { name: '大气污染', handlers: ['生态环境分局'] },
      { name: '垃圾清运', handlers: ['综合行政执法局'], aliases: ['垃圾', '环卫'] },
    ],
  },
  {
    name: '交通运输',
    children: [
      { name: '公交出行', handlers: ['公交', '公共交通', '交通运输局'] },
      { name: '出租车管理', handlers: ['交通运输局'], aliases: ['出租车', '网约车', '拒载'] },
      { name: '道路养护', handlers: ['交通运输局'], aliases: ['坑洼', '路面破损'] },
    ],
  },
  {
    name: '教育文体',
    children: [
      { name: '入学招生', handlers: ['教育局'] },
      { name: '校外培训', handlers: ['教育局'] },
    ],
  },
  {
    name: '卫生健康',
    children: [
      { name: '医疗服务', handlers: ['卫生健康委员会'] },
      { name: '疫苗接种', handlers: ['卫生健康委员会'] },
    ],
  },
  {
    name: '农牧业',
    children: [
      { name: '草原补贴', handlers: ['农牧和科技局'] },
      { name: '牲畜防疫', handlers: ['农牧和科技局'] },
    ],
  },
  {
    name: '民政服务',
    children: [
      { name: '低保救助', handlers: ['民政局'], aliases: ['低保', '救助金'] },
      { name: '养老服务', handlers: ['民政局'] },
    ],
  },
  {
    name: '政务服务',
    children: [
      { name: '办事咨询', handlers: ['盟行政审批和政务服务局'] },
      { name: '办不成事反映', handlers: ['盟政务服务局'] },
    ],
  },
];

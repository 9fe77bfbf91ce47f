import { creditCodeCheckChar } from '../contract/enterprise.js';
import type { CheckCloseReason, Satisfaction } from '../contract/vocabulary.js';

/** A demo credit code: 17 characters and the check character GB 32100-2015 calls for. */
const code = (first17: string) => first17 + creditCodeCheckChar(first17);

export type DemoEnterpriseStop = 'accepted' | 'dispatched' | 'handling' | 'closed';

/** 涉企诉求 of the demo (ADR 0137): the enterprise desk's queue, one company asking for protection. */
export const DEMO_ENTERPRISE_APPEALS: {
  companyName: string;
  creditCode: string;
  protectName: boolean;
  title: string;
  /** The demo category (leaf) the appeal is about, by name (src/demo/demo-catalog.data.ts). */
  category: string;
  content: string;
  stop: DemoEnterpriseStop;
  channel: 'phone' | 'web';
}[] = [
  {
    companyName: '锡林郭勒草原乳业有限公司',
    creditCode: code('91152502MA0N2K8T1'),
    protectName: false,
    title: '新建奶站用电报装迟迟未办理',
    category: '供电',
    content: '我公司在锡林浩特市郊新建奶站，用电报装申请已提交四十天，供电所一直未安排勘查，影响开工。',
    stop: 'accepted',
    channel: 'phone',
  },
  {
    companyName: '锡林浩特市恒达建材有限公司',
    creditCode: code('91152502MA13QW6P2'),
    protectName: true,
    title: '执法检查中被要求购买指定产品',
    category: '消费维权',
    content: '检查人员多次暗示我公司购买其指定的消防器材，否则不予通过检查。请求核查，并请对我公司名称保密。',
    stop: 'handling',
    channel: 'phone',
  },
  {
    companyName: '内蒙古锡盟畅通物流有限公司',
    creditCode: code('91152500MA0Q7HXU3'),
    protectName: false,
    title: '工程款拖欠问题',
    category: '拖欠工资',
    content: '我公司承接的市政道路配套工程已验收一年，尚有工程尾款未支付，多次联系未果。',
    stop: 'closed',
    channel: 'phone',
  },
  {
    companyName: '锡林浩特市绿原餐饮管理有限公司',
    creditCode: code('92152502MA0P3L5R1'),
    protectName: false,
    title: '餐饮许可证延续办理咨询',
    category: '办事咨询',
    content: '我店食品经营许可证下月到期，网上延续申请页面一直提示材料不全，想了解具体要求。',
    stop: 'dispatched',
    channel: 'web',
  },
];

/** Citizens' dissatisfied web ratings (待核查): two wait for the supervisor, one was sent back, one closed. */
export const DEMO_CHECKS: {
  title: string;
  /** The demo category (leaf) the appeal is about, by name. */
  category: string;
  satisfaction: Satisfaction;
  resolved: boolean;
  comment: string;
  decision: 'wait' | 'rehandle' | { reason: CheckCloseReason; explanation: string };
}[] = [
  {
    title: '小区二次供水水压不足',
    category: '供水',
    satisfaction: 'dissatisfied',
    resolved: false,
    comment: '答复说已处理，可是高层还是没水，根本没人来看过。',
    decision: 'wait',
  },
  {
    title: '楼下烧烤店油烟扰民',
    category: '大气污染',
    satisfaction: 'basically_satisfied',
    resolved: false,
    comment: '来看过一次，晚上照样冒烟。',
    decision: 'wait',
  },
  {
    title: '单元门禁损坏无人维修',
    category: '物业管理',
    satisfaction: 'dissatisfied',
    resolved: false,
    comment: '门禁还是坏的，物业说没接到通知。',
    decision: 'rehandle',
  },
  {
    title: '要求为个人车辆免费划定专用车位',
    category: '物业管理',
    satisfaction: 'dissatisfied',
    resolved: false,
    comment: '不同意答复，我就要一个专用车位。',
    decision: {
      reason: 'unreasonable',
      explanation: '公共车位不能划归个人专用，承办单位已当面解释政策并提供有偿车位信息，诉求人诉求不合理。',
    },
  },
];

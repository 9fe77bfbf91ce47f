// The demo's text modules (issue 13): what a 12345 clerk writes every day, with variables.
import type { TextModuleDialog } from '../contract/agent-tools.js';

export interface DemoTextModule {
  name: string;
  keyword: string;
  body: string;
  /** Category leaf name it is scoped to, if any. */
  category?: string;
  /** Unit name it is scoped to, if any. */
  unit?: string;
  /** The dialogs it is offered in (ADR 0141); absent = all. */
  dialogs?: TextModuleDialog[];
}

export const DEMO_TEXT_MODULES: DemoTextModule[] = [
  {
    name: '受理告知',
    keyword: 'shouli',
    body: '{{citizen.name}}您好，您反映的问题已受理，工单号 {{order.number}}，我们将转交有关单位办理，请保持电话畅通。',
  },
  {
    name: '办结答复（已解决）',
    keyword: 'banjie',
    body: '{{citizen.name}}您好，关于您反映的“{{order.title}}”（工单号 {{order.number}}），{{unit.name}}已于{{today}}核实处理，问题已解决。如有疑问请再次拨打12345。',
    dialogs: ['reply'],
  },
  {
    name: '回访话术',
    keyword: 'huifang',
    body: '您好，这里是12345热线，就工单 {{order.number}} 的办理情况回访，请问问题是否已经解决？您对办理结果是否满意？',
    dialogs: ['visit'],
  },
  {
    name: '审核退回：补充核实情况',
    keyword: 'buchong',
    body: '答复未写明现场核实情况和整改结果，请{{unit.name}}补充上门核实时间、处理措施和市民意见后重新答复。',
    dialogs: ['review'],
  },
  {
    name: '供热温度答复',
    keyword: 'gongre',
    body: '{{citizen.name}}您好，经热力公司入户测温，室温已达到18℃的供热标准。如再出现不热情况，请拨打热力公司24小时服务电话或12345。',
    category: '供热',
    dialogs: ['reply'],
  },
  {
    name: '物业整改答复',
    keyword: 'wuye',
    body: '已约谈物业服务企业并责令于{{deadline}}前整改到位，{{unit.name}}将跟踪复查。',
    category: '物业管理',
    dialogs: ['reply'],
  },
  {
    name: '住建局延期说明',
    keyword: 'yanqi',
    body: '因需协调多个部门现场勘查，{{unit.name}}申请延期办理，预计于{{deadline}}前答复。经办人：{{agent.name}}。',
    unit: '锡林浩特市住房和城乡建设局',
  },
];

/** Internal notes the demo writes on open orders of the handler's unit, each mentioning its handler. */
export const DEMO_NOTES = [
  '@{handler} 该市民此前已多次来电反映，请优先核实并电话联系。',
  '@{handler} 已与街道沟通，现场勘查请带上物业负责人。',
  '@{handler} 市民要求答复前先短信告知上门时间。',
];

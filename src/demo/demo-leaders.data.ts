/** The demo leader's work (issue 14): 包案 notes, a 批示, a 会商 and an opinion, in the desk's words. */
export const DEMO_CASE_NOTES = ['群众多次来电，领导包案跟踪', '涉及供热民生，包案督办', '历史遗留问题，包案协调'];
export const DEMO_INSTRUCTION = '请住建局三个工作日内上门核实，查明原因，拿出整改方案，并书面反馈办理进展。';
export const DEMO_ACKED_INSTRUCTION = '请加强与物业沟通，确保本周内解决，办结后报我。';
export const DEMO_CONSULTATION = {
  topic: '小区供热管网老化，住建局与热力公司责任划分及维修资金来源',
  /** The other unit asked besides the handler's (it has not answered yet). */
  otherUnit: '锡林浩特市热力公司',
  opinion: '管网产权属小区业主共有，建议由热力公司先行抢修、住建局协调维修资金，我局负责督促物业配合。',
};

import type { Messages } from '../../shared/i18n';

/** 待核查: the supervisor's desk for citizens' dissatisfied web ratings. */
export const checkMessages = {
  zh: {
    'checks.title': '不满意核查',
    'checks.intro': '群众在网上评价“不满意”或“未解决”的工单不会直接办结，请核查后决定重办或说明理由办结。',
    'checks.empty': '暂无待核查的评价',
    'checks.pick': '请从左侧名单选择一个工单开始核查',
    'checks.open': '核查',
    'checks.ratedAt': '评价时间',
    'checks.rating': '群众评价',
    'checks.comment': '群众意见',
    'checks.noComment': '（未填写）',
    'checks.unit': '承办单位',
    'checks.reply': '单位答复',
    'checks.rehandles': '已重办次数',
    'checks.rehandle': '重办（退回承办单位）',
    'checks.close': '核查办结',
    'checks.rehandleHint': '重办计入重办率，累计重办达到阈值的升级为疑难件。',
    'checks.order': '工单',
  },
  en: {
    'checks.title': 'Dissatisfied ratings check',
    'checks.intro':
      'Orders a citizen rated “dissatisfied” or “not resolved” on the web are never closed at once: check them, then send them back for re-handling or close them with a reason.',
    'checks.empty': 'No ratings waiting for a check',
    'checks.pick': 'Pick an order on the left to check it',
    'checks.open': 'Check',
    'checks.ratedAt': 'Rated at',
    'checks.rating': 'Citizen’s rating',
    'checks.comment': 'Citizen’s words',
    'checks.noComment': '(none)',
    'checks.unit': 'Handling unit',
    'checks.reply': 'Unit’s reply',
    'checks.rehandles': 'Re-handled so far',
    'checks.rehandle': 'Re-handle (back to the unit)',
    'checks.close': 'Close after check',
    'checks.rehandleHint': 'A re-handling counts in the re-handling rate; enough of them make the order a difficult case.',
    'checks.order': 'Order',
  },
} satisfies Messages;

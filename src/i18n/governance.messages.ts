/**
 * Server text of active governance (issue 19: points and the 爱心超市, 微心愿, 民生实事, 每月一题),
 * Chinese first; spread into messages.ts.
 */
export const GOVERNANCE_MESSAGES = {
  'what.resident': { zh: '居民', en: 'Resident' },
  'what.household': { zh: '户', en: 'Household' },
  'what.pointsRule': { zh: '积分规则', en: 'Points rule' },
  'what.shop': { zh: '爱心超市', en: 'Love supermarket' },
  'points.insufficient': {
    zh: '积分不足：当前余额 {balance} 分，本次需要 {need} 分',
    en: 'Not enough points: the balance is {balance}, this needs {need}',
  },
  'points.soldOut': { zh: '“{item}”库存不足', en: '“{item}” is out of stock' },
  'points.alreadyAwarded': { zh: '这项积分已经发放过', en: 'These points were already awarded' },
  'points.redemptionNotCorrectable': {
    zh: '兑换记录不能更正，请在爱心超市办理退还',
    en: 'A redemption cannot be corrected; return the goods at the shop instead',
  },
  'points.phoneTaken': { zh: '该手机号已登记为另一位居民', en: 'This phone is already registered to another resident' },
  'points.residentSignIn': {
    zh: '请先用手机验证码登录',
    en: 'Please sign in with a one-time code sent to your phone first',
  },
  'points.registerFirst': {
    zh: '请先填写姓名并选择所在社区（村）完成登记',
    en: 'Please register first: your name and your community',
  },
  'what.wish': { zh: '微心愿', en: 'Wish' },
  'wish.stateChanged': { zh: '该心愿的状态已变化，请刷新后再试', en: 'The wish has changed meanwhile; refresh and try again' },
  'wish.notOpen': { zh: '该心愿已被认领或尚未开放认领', en: 'The wish is already claimed or not open for claiming' },
  'wish.notClaimer': {
    zh: '您尚未登记为认领人（党员），请联系单位管理员',
    en: 'You are not registered as a claimer (party member); ask your unit admin',
  },
  'wish.rankWindow': {
    zh: '按照普通党员、班子成员、单位主要领导逐级认领原则，您可于 {from} 起认领',
    en: 'Wishes are claimed rank by rank (members, then the team, then the principal leader): you may claim from {from}',
  },
  'what.matter': { zh: '民生实事', en: 'Practical matter' },
  'what.matterRound': { zh: '票决', en: 'Voting round' },
  'matter.changed': { zh: '该民生实事的状态已变化，请刷新后再试', en: 'The matter has changed meanwhile; refresh and try again' },
  'matter.badMove': { zh: '当前状态下不能进行这一步', en: 'This step is not possible in the current status' },
  'matter.onBallot': {
    zh: '票决中的事项不能修改年度和名称',
    en: 'A matter being voted on keeps its year and title',
  },
  'matter.notUnderWay': {
    zh: '只有已立项或进行中的事项可以报告进展',
    en: 'Progress is reported on adopted or running matters only',
  },
  'matter.roundClosed': { zh: '本轮票决未开放或已结束', en: 'This voting round is not open' },
  'matter.alreadyVoted': { zh: '您已为这一事项投过票', en: 'You have already voted for this matter' },
  'matter.noPicksLeft': {
    zh: '每人本轮最多选择 {max} 项，您的票已投完',
    en: 'Each voter picks at most {max} matters; you have used your picks',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

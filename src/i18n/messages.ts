import {
  APPEAL_TYPE_LABELS,
  CHANNEL_LABELS,
  prefixedLabels,
  SATISFACTION_LABELS,
  STAGE_LABELS,
  STATE_LABELS,
} from '../contract/labels.js';
import { GOVERNANCE_MESSAGES } from './governance.messages.js';
import { VISIT_MESSAGES } from './visits.messages.js';
import { WEBHOOK_MESSAGES } from './webhooks.messages.js';
import { GRID_MESSAGES } from './grid.messages.js';

/**
 * User-facing text of the server: Chinese first, English second. Code refers to keys, never to
 * literal sentences, so wording changes in one place.
 */
export const messages = {
  'error.validation': { zh: '输入有误：{field}', en: 'Invalid input: {field}' },
  'export.watermark': {
    zh: '内部资料，注意保密。导出人：{who}，导出时间：{at}',
    en: 'Internal — confidential. Exported by {who} at {at}',
  },
  'error.crossOrigin': {
    zh: '拒绝来自其他网站的操作请求，请在本系统页面内操作',
    en: 'A state-changing request from another site was refused; use this system’s own pages',
  },
  'error.nulByte': {
    zh: '输入含有不允许的控制字符（NUL）：{field}',
    en: 'The input holds a forbidden control character (NUL): {field}',
  },
  'error.numberOutOfRange': { zh: '数值无效或超出范围：{field}', en: 'Not a finite number in range: {field}' },
  'error.malformedBody': { zh: '请求正文格式有误或不完整：{field}', en: 'The request body is malformed or incomplete: {field}' },
  'error.blank': { zh: '请填写内容，不能为空或只有空格：{field}', en: 'Please write something, not only spaces: {field}' },
  'error.notFound': { zh: '{what}不存在', en: '{what} not found' },
  'error.forbidden': { zh: '无权执行此操作', en: 'Not allowed' },
  'error.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'error.badCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'error.loginThrottled': {
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; please try again in {minutes} min',
  },
  'error.totpRequired': { zh: '该账户需要双因素认证登录', en: 'This account signs in with two-factor authentication' },
  'error.badTotp': { zh: '动态验证码或恢复码不正确', en: 'Wrong authenticator code or recovery code' },
  'error.challengeExpired': {
    zh: '登录验证已过期或尝试次数过多，请重新输入用户名和密码',
    en: 'The sign-in step expired or had too many tries; enter your username and password again',
  },
  'error.totpNotPending': { zh: '请先生成新的双因素密钥', en: 'Start the two-factor enrolment first' },
  'password.tooShort': { zh: '密码至少 {min} 位', en: 'The password needs at least {min} characters' },
  'password.classes': {
    zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
    en: 'The password needs three of: lower-case letters, upper-case letters, digits, symbols',
  },
  'password.username': { zh: '密码不能包含用户名', en: 'The password cannot contain the username' },
  'password.common': {
    zh: '这个密码太常见，容易被猜中，请换一个',
    en: 'This password is too common and easily guessed; choose another',
  },
  'password.same': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'error.passwordExpired': {
    zh: '密码已过期，请先修改密码再登录',
    en: 'Your password has expired; change it before signing in',
  },
  'error.accountLocked': {
    zh: '账户因多次登录失败已锁定，请联系安全管理员解锁',
    en: 'This account is locked after repeated failed sign-ins; ask the security administrator to unlock it',
  },
  'error.conflict': {
    zh: '工单已被他人更新，请刷新后重试',
    en: 'The order was changed by someone else; reload and try again',
  },
  'error.retry': {
    zh: '系统繁忙，本次操作未保存，请重试',
    en: 'The system was busy and nothing was saved; please try again',
  },
  'error.alreadyExists': {
    zh: '该记录已存在（可能刚被他人创建），请刷新后重试',
    en: 'This already exists (someone may have just created it); reload and try again',
  },
  'error.invalidTransition': {
    zh: '当前状态“{state}”下不能执行“{action}”',
    en: 'Action "{action}" is not possible in state "{state}"',
  },
  'error.notLeadUnit': { zh: '只有主办单位可以执行此操作', en: 'Only the lead unit may do this' },
  // Sub-centres (ADR 0110)
  'desk.leagueOnly': { zh: '只有市级中心可以转分中心', en: 'Only the league centre routes orders to sub-centres' },
  'desk.heldOnly': {
    zh: '只有持有本工单的分中心可以上交中心',
    en: 'Only the sub-centre holding this order can hand it up',
  },
  'desk.notSubCentre': { zh: '请选择一个分中心', en: 'Choose a sub-centre' },
  'desk.alreadyThere': { zh: '工单已在该分中心', en: 'The order is already at that sub-centre' },
  'desk.leagueWideLeagueOnly': {
    zh: '只有市级中心可以设定全盟通办单位',
    en: 'Only the league centre marks units league-wide',
  },
  'desk.outsideArea': {
    zh: '{unit}不在{desk}的派单范围内：分中心只能派往{area}的单位和全盟通办单位，其他单位请上交市级中心派单',
    en: '{unit} is outside the dispatch area of {desk}: a sub-centre dispatches to units of {area} and league-wide units; hand the order up for any other',
  },
  'bulk.otherCategory': {
    zh: '批量派单只能派同一分类的工单（本单分类与第一单不同）',
    en: 'Bulk dispatch takes orders of one category (this one differs from the first)',
  },
  'bulk.noCategory': { zh: '工单未分类，不能批量派单', en: 'The order has no category; it cannot be dispatched in bulk' },
  'bulk.needsUnit': { zh: '批量派单需选择主办单位', en: 'Bulk dispatch needs a lead unit' },
  'bulk.needsNote': { zh: '批量催办需填写催办内容', en: 'Bulk urging needs a note' },
  'error.phoneFilterForbidden': {
    zh: '按来电号码查询属于个人信息查询，当前角色无权使用',
    en: 'Looking orders up by the caller’s number reads personal data; your role may not',
  },
  'error.internal': { zh: '系统内部错误，请稍后重试', en: 'Internal error, please retry later' },
  'error.tooLarge': { zh: '文件过大（上限 {max}）', en: 'File too large (limit {max})' },
  'error.badType': { zh: '不支持的文件类型：{type}', en: 'Unsupported file type: {type}' },
  'error.badContent': {
    zh: '文件「{name}」的内容不是可以接收的图片、视频或文档（按文件内容判断，与文件名无关）',
    en: 'The content of "{name}" is not an accepted picture, video or document (judged by its content, not its name)',
  },
  'error.dataDirInUse': {
    zh: '数据目录 {dir} 正被另一个进程（pid {pid}）使用：内置数据库同一时间只能由一个进程打开。请先停止该进程（例如正在运行的服务），或设置 DATABASE_URL 改用 PostgreSQL。',
    en: 'The data directory {dir} is in use by another process (pid {pid}): the embedded database opens in one process at a time. Stop that process (e.g. the running server) first, or set DATABASE_URL to use PostgreSQL.',
  },
  'error.dbDown': { zh: '数据库不可用', en: 'Database unavailable' },
  'error.dbSlow': { zh: '数据库在 {timeoutMs} 毫秒内未应答', en: 'The database did not answer within {timeoutMs} ms' },
  'error.migrationsPending': {
    zh: '数据库结构未更新：尚有 {pending} 个迁移未执行（首个 {firstPending}），请运行 lianxin migrate',
    en: 'The database schema is behind: {pending} migrations not applied (first {firstPending}); run lianxin migrate',
  },
  'error.metricsForbidden': {
    zh: '指标仅供本机或持有指标令牌的监控系统读取',
    en: 'Metrics are for this machine or a monitoring system holding the metrics token',
  },
  'error.metricsTokenMissing': {
    zh: '读取指标需提供令牌：Authorization: Bearer <LIANXIN_METRICS_TOKEN>',
    en: 'Metrics need the token: Authorization: Bearer <LIANXIN_METRICS_TOKEN>',
  },
  'what.order': { zh: '工单', en: 'Order' },
  'what.unit': { zh: '单位', en: 'Unit' },
  'what.user': { zh: '用户', en: 'User' },
  'what.category': { zh: '分类', en: 'Category' },
  'what.region': { zh: '区域', en: 'Region' },
  'what.attachment': { zh: '附件', en: 'Attachment' },
  'what.call': { zh: '来电记录', en: 'Call' },
  'what.savedFilter': { zh: '已保存的筛选', en: 'Saved filter' },
  'what.assistTask': { zh: '协办任务', en: 'Assisting task' },
  'what.desk': { zh: '分中心', en: 'Sub-centre' },
  'what.serviceWindow': { zh: '反映窗口', en: 'Service window' },
  'what.mergedLine': { zh: '归并热线', en: 'Merged hotline' },
  'what.article': { zh: '知识', en: 'Article' },
  'what.grid': { zh: '网格', en: 'Grid' },
  'what.verificationTask': { zh: '现场核实任务', en: 'Verification task' },
  'verify.orderClosed': { zh: '工单已办结，不能再发起现场核实', en: 'The order is closed: no verification can be sent' },
  'verify.notPending': { zh: '该现场核实任务已答复或已撤销', en: 'This verification task was already answered or cancelled' },
  'error.savedFilterNameTaken': {
    zh: '已有同名的筛选「{name}」，请换一个名称',
    en: 'A saved filter named “{name}” already exists; choose another name',
  },
  // Labels of order vocabulary for exports, reports and notices: the one table the console reads too.
  ...prefixedLabels('label.state', STATE_LABELS),
  ...prefixedLabels('label.channel', CHANNEL_LABELS),
  ...prefixedLabels('label.appealType', APPEAL_TYPE_LABELS),
  ...prefixedLabels('label.satisfaction', SATISFACTION_LABELS),
  ...prefixedLabels('stage', STAGE_LABELS),
  'label.yes': { zh: '是', en: 'Yes' },
  'label.no': { zh: '否', en: 'No' },
  'export.col.orderNo': { zh: '工单编号', en: 'Order no.' },
  'export.col.acceptedAt': { zh: '受理时间', en: 'Accepted at' },
  'export.col.channel': { zh: '渠道', en: 'Channel' },
  'export.col.appealType': { zh: '诉求类型', en: 'Appeal type' },
  'export.col.category': { zh: '诉求分类', en: 'Category' },
  'export.col.priority': { zh: '优先级', en: 'Priority' },
  'export.col.title': { zh: '标题', en: 'Title' },
  'export.col.content': { zh: '诉求内容', en: 'Content' },
  'export.col.callerName': { zh: '来电人', en: 'Caller' },
  'export.col.callerPhone': { zh: '联系电话', en: 'Phone' },
  'export.col.region': { zh: '区域', en: 'Region' },
  'export.col.address': { zh: '地址', en: 'Address' },
  'export.col.state': { zh: '状态', en: 'State' },
  'export.col.leadUnit': { zh: '主办单位', en: 'Lead unit' },
  'export.col.closedAt': { zh: '办结时间', en: 'Closed at' },
  'export.col.satisfaction': { zh: '满意度', en: 'Satisfaction' },
  'export.col.resolved': { zh: '是否解决', en: 'Resolved' },
  'export.col.escalated': { zh: '疑难件', en: 'Escalated' },
  // Citizen portal (issue 4): plain words for citizens, many of them elderly.
  'error.creditCode.length': {
    zh: '统一社会信用代码应为 18 位（enterprise.creditCode）',
    en: 'The unified social credit code has 18 characters (enterprise.creditCode)',
  },
  'error.creditCode.characters': {
    zh: '统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z）（enterprise.creditCode）',
    en: 'The unified social credit code has only digits and capitals without I, O, S, V, Z (enterprise.creditCode)',
  },
  'error.creditCode.checkDigit': {
    zh: '统一社会信用代码校验位不对，请核对营业执照（enterprise.creditCode）',
    en: 'The check character of the unified social credit code is wrong; please check the licence (enterprise.creditCode)',
  },
  'error.portalCodeLocked': {
    zh: '该工单号的查询码连续输错次数过多，已锁定，请 {hours} 小时后再试，或致电 12345 查询',
    en: 'Too many wrong query codes for this order number: locked; please try again in {hours} h, or call 12345',
  },
  'error.rateLimited': { zh: '操作太频繁了，请过 {seconds} 秒再试', en: 'Too many requests; please try again in {seconds} s' },
  'error.portalUnavailable': {
    zh: '网上诉求暂时无法使用，请拨打 12345',
    en: 'The online service is not available; please call 12345',
  },
  'error.portalCannotRate': {
    zh: '现在还不能评价：要等诉求办理完、进入回访时才能评价，并且只能评价一次',
    en: 'You cannot rate this now: rating opens once the appeal is handled, and only once',
  },
  'error.portalTooManyPhotos': { zh: '照片最多 {max} 张', en: 'At most {max} photos' },
  // "My appeals" by a one-time code (issue 13, ADR 0104).
  'error.portalOtpTooMany': {
    zh: '获取验证码太频繁了，请 1 小时后再试，或拨打 12345',
    en: 'Too many codes asked for; please try again in an hour, or call 12345',
  },
  'error.portalOtpWrong': {
    zh: '验证码不对或已过期，请重新获取',
    en: 'The code is wrong or has expired; please ask for a new one',
  },
  'error.portalOtpUnavailable': {
    zh: '短信验证暂未开通，请用受理编号和查询码查询，或拨打 12345',
    en: 'Text-message codes are not available yet; please use the number and query code, or call 12345',
  },
  'portal.actor': { zh: '市民（网上）', en: 'Citizen (web)' },
  'portal.confidentialTitle': { zh: '（保密诉求，内容不显示）', en: '(confidential appeal, subject not shown)' },
  'portal.stage.received': { zh: '已收到，正在安排办理单位', en: 'Received; finding the office to handle it' },
  'portal.stage.handling': { zh: '正在办理', en: 'Being handled' },
  'portal.stage.replied': { zh: '办理单位已答复，正在审核', en: 'The office has replied; the reply is being checked' },
  'portal.stage.awaiting_rating': { zh: '已办理完，请您评价', en: 'Handled; please rate it' },
  'portal.stage.checking': {
    zh: '已收到您的评价，中心正在核查办理情况',
    en: 'Your rating was received; the centre is checking how it was handled',
  },
  'portal.stage.closed': { zh: '已办结', en: 'Completed' },
  'portal.stage.not_accepted': { zh: '未受理', en: 'Not accepted' },
  'portal.stage.merged': { zh: '与相同诉求合并办理', en: 'Handled together with the same appeal' },
  'portal.step.accept': { zh: '诉求已受理', en: 'Appeal received' },
  'portal.step.dispatch': { zh: '已转交 {unit} 办理', en: 'Passed to {unit}' },
  'portal.step.sign': { zh: '办理单位已接收', en: 'The office took it on' },
  'portal.step.approve_return': { zh: '正在重新安排办理单位', en: 'Finding another office' },
  'portal.step.record_contact': { zh: '工作人员已与您联系', en: 'Staff contacted you' },
  'portal.step.approve_extension': { zh: '办理时间已延长', en: 'More time was given to handle it' },
  'portal.step.reply': { zh: '办理单位已答复', en: 'The office replied' },
  'portal.step.review_accept': { zh: '答复已审核通过', en: 'The reply was checked' },
  'portal.step.visit_close': { zh: '已回访，办结', en: 'Feedback recorded; completed' },
  'portal.step.visit_check': { zh: '已收到您的评价，转中心核查', en: 'Rating received; passed to the centre to check' },
  'portal.step.check_close': { zh: '中心核查后办结', en: 'Completed after the centre’s check' },
  'portal.step.visit_rehandle': { zh: '根据您的意见重新办理', en: 'Being handled again after your feedback' },
  'portal.step.answer_directly': { zh: '已直接答复', en: 'Answered directly' },
  'portal.step.reject': { zh: '未受理', en: 'Not accepted' },
  'portal.step.merge': { zh: '与相同诉求合并办理', en: 'Merged with the same appeal' },
  'portal.step.unmerge': { zh: '恢复单独办理', en: 'Handled on its own again' },
  'portal.step.progress_report': {
    zh: '办理单位反馈了阶段性办理进展，事项仍在办理中',
    en: 'The office reported its progress; the matter is still being handled',
  },
  'portal.step.wait_for_citizen': {
    zh: '办理单位在等您补充情况，请留意来电',
    en: 'The office is waiting for more information from you; please watch for their call',
  },
  'portal.reason.not_accepted': { zh: '不属于受理范围', en: 'Outside what the hotline handles' },
  'portal.reason.emergency_transfer': { zh: '已转紧急热线（110/119/120）', en: 'Passed to an emergency line (110/119/120)' },
  'portal.reason.lawful_channel': {
    zh: '请通过法定途径办理（如诉讼、仲裁、复议）',
    en: 'Please use the lawful channel (court, arbitration, review)',
  },
  // Knowledge base, search and duplicates (issue #5)
  'knowledge.notFound': { zh: '知识条目不存在', en: 'Knowledge article not found' },
  'knowledge.conflict': {
    zh: '知识条目已被他人修改，请刷新后重试',
    en: 'The article was changed by someone else; reload and try again',
  },
  'knowledge.reminder.expiry': {
    zh: '知识条目“{title}”将于 {day} 失效，请复核更新',
    en: 'Knowledge article "{title}" expires on {day}; please review it',
  },
  'knowledge.reminder.review': {
    zh: '知识条目“{title}”应于 {day} 前复核',
    en: 'Knowledge article "{title}" is due for review by {day}',
  },
  'knowledge.validToBeforeFrom': { zh: '失效日期不能早于生效日期', en: 'Valid to cannot be before valid from' },
  'duplicate.intoItself': {
    zh: '不能把工单并入它自己，请填写另一张主工单',
    en: 'An order cannot be merged into itself; name another main order',
  },
  'user.rolesSeparated': {
    zh: '三员分立：系统管理员、安全管理员、审计管理员不能相互兼任，也不能与其他角色兼任（{roles}）',
    en: 'Separation of duties: the system, security and audit administrators cannot be combined with each other or with any other role ({roles})',
  },
  'user.selfGrant': {
    zh: '不能修改自己的角色，请由另一位安全管理员操作',
    en: 'You cannot change your own roles; another security administrator must do it',
  },
  'user.selfReset': {
    zh: '不能在用户管理中重置自己的密码或双因素认证，请在“我的账户”中修改',
    en: 'You cannot reset your own password or two-factor sign-in here; change it under "My account"',
  },
  'user.notLocked': { zh: '账户 {username} 未被锁定', en: 'The account {username} is not locked' },
  'user.usernameTaken': { zh: '用户名 {username} 已存在', en: 'The username {username} is taken' },
  'duplicate.notMerged': { zh: '该工单未被并单', en: 'The order is not merged' },
  'duplicate.hasDuplicates': {
    zh: '该工单已有重复件并入，不能再并入其他工单；请改为把其他工单并入它',
    en: 'Other orders are merged into this order, so it cannot be merged itself; merge the other order into it instead',
  },
  'duplicate.mainFinal': {
    zh: '主工单本身已并单或为无效件，不能并入',
    en: 'The main order is itself merged or void; nothing can be merged into it',
  },
  // Time limits, supervision and notices (issue #3)
  'timelimit.nothingToPause': { zh: '没有正在计时的时限', en: 'No running time limit to pause' },
  'timelimit.nothingToResume': { zh: '没有已暂停的时限', en: 'No paused time limit to resume' },
  'timelimit.extensionNotLater': {
    zh: '新时限须晚于当前答复时限（{due}），延期不能缩短时限',
    en: 'The new deadline must be later than the current reply deadline ({due}); an extension cannot shorten it',
  },
  'timelimit.extensionPassed': {
    zh: '申请的新时限（{due}）已过，请驳回后由单位重新申请',
    en: 'The requested deadline ({due}) has passed; reject it and let the unit ask again',
  },
  'timelimit.extensionInPast': { zh: '新时限须晚于当前时间', en: 'The new deadline must be in the future' },
  'timelimit.policyNotFound': { zh: '时限规则不存在', en: 'Time-limit rule not found' },
  'supervision.notFound': { zh: '督办单不存在', en: 'Supervision order not found' },
  'supervision.wrongStatus': {
    zh: '督办单当前状态为“{status}”，不能执行此操作',
    en: 'The supervision order is "{status}"; not possible now',
  },
  'supervision.orderClosed': { zh: '工单已办结，无需督办', en: 'The order is closed; nothing to supervise' },
  'supervision.noUnit': {
    zh: '工单尚未派给承办单位，无法发督办单，请先派单',
    en: 'The order has no handling unit yet; dispatch it before issuing a supervision order',
  },
  'supervision.autoReason': { zh: '{stage}超时', en: '{stage} overdue' },
  'supervision.leaderReason': { zh: '督办单逾期未答复', en: 'Supervision order unanswered' },
  'notice.yellow': { zh: '工单 {orderNo}（{stage}）即将超时，截止 {due}', en: 'Order {orderNo} ({stage}) is due soon: {due}' },
  'notice.red': { zh: '工单 {orderNo}（{stage}）已超时，截止 {due}', en: 'Order {orderNo} ({stage}) is overdue since {due}' },
  'notice.urge': {
    zh: '催办：请尽快办理工单 {orderNo}（{stage}），截止 {due}',
    en: 'Reminder: please handle order {orderNo} ({stage}), due {due}',
  },
  'notice.supervise': {
    zh: '督办单：工单 {orderNo} 已超时，请于 {due} 前书面答复',
    en: 'Supervision order: order {orderNo} is overdue; answer in writing by {due}',
  },
  /** A 督办单 issued by hand before the order's deadline: the order is not overdue (yet). */
  'notice.superviseOnTime': {
    zh: '督办单：请督办工单 {orderNo}，请于 {due} 前书面答复',
    en: 'Supervision order: order {orderNo} is under supervision; answer in writing by {due}',
  },
  'notice.leader': {
    zh: '领导盯办：工单 {orderNo} 督办逾期未答复',
    en: 'Leader follow-up: order {orderNo}, supervision unanswered',
  },
  // Calendar coverage and holiday-notice import (issue 3).
  'calendar.notCovered': {
    zh: '{year} 年国务院放假安排尚未收录：请在“日历调整”中录入或导入（lianxin calendar import），否则时限只按周末计算',
    en: 'The {year} State Council holiday notice is not loaded: enter or import it (lianxin calendar import), or deadlines count weekends only',
  },
  'calendar.import.badDate': { zh: '第 {line} 行：日期格式应为 YYYY-MM-DD', en: 'line {line}: date must be YYYY-MM-DD' },
  'calendar.import.badKind': {
    zh: '第 {line} 行：第二列应为“休”或“班”',
    en: 'line {line}: the second column must be 休 (day off) or 班 (working day)',
  },
  'calendar.import.noName': { zh: '第 {line} 行：缺少名称', en: 'line {line}: the name is missing' },
  'calendar.import.repeated': {
    zh: '第 {line} 行：与第 {first} 行日期重复',
    en: 'line {line}: same date as line {first}',
  },
  // Monthly unit assessment (issue 6).
  'assessment.frozen': { zh: '{month} 的考核已冻结，不能再更改', en: 'The assessment of {month} is frozen' },
  'assessment.alreadyFrozen': { zh: '{month} 的考核已冻结，不能重复冻结', en: '{month} is frozen already' },
  'assessment.monthNotOver': { zh: '{month} 尚未结束，不能冻结', en: '{month} is not over yet' },
  'assessment.pendingAppeals': {
    zh: '{month} 还有 {n} 件申诉未处理，请先处理再冻结',
    en: '{month} still has {n} undecided appeals; decide them first',
  },
  'assessment.alreadyExcluded': { zh: '该工单已被认定为不合理诉求', en: 'This order is excluded already' },
  'assessment.appealExists': { zh: '本单位已对该工单提出过申诉', en: 'Your unit has already appealed this order' },
  'assessment.appealDecided': { zh: '该申诉已处理', en: 'This appeal has been decided already' },
  'assessment.noAssessedUnit': { zh: '当前账号不属于任何考核单位', en: 'Your account belongs to no assessed unit' },
  'what.appeal': { zh: '申诉', en: 'Appeal' },
  // Issue 13: agent tools (text modules, internal notes with mentions).
  'what.textModule': { zh: '文本模块', en: 'Text module' },
  'notice.mention': {
    zh: '{author} 在工单 {orderNo} 的内部备注中提到了您：{excerpt}',
    en: '{author} mentioned you in an internal note on order {orderNo}: {excerpt}',
  },
  'note.mentionUnknown': { zh: '提到的同事或单位不存在：{field}', en: 'No such colleague or unit to mention: {field}' },
  // 协办 (ADR 0120) and 阶段性答复 (ADR 0121)
  'assist.orderClosed': { zh: '工单已办结，协办任务已结束', en: 'The order is closed; the assisting task has ended' },
  'assist.alreadySigned': { zh: '本单位已签收该协办任务', en: 'Your unit has already signed for this task' },
  'assist.alreadySubmitted': { zh: '本单位已提交协办意见，不能重复提交', en: 'Your unit has already submitted its opinion' },
  'assist.cancelled': {
    zh: '该协办任务已撤销（工单已改派或退回）',
    en: 'This task was cancelled (the order was re-dispatched or returned)',
  },
  'assist.notUrgeable': {
    zh: '协办单位已提交意见，无需催办',
    en: 'The assisting unit has submitted its opinion; no reminder needed',
  },
  'notice.assistTask': {
    zh: '协办：工单 {orderNo} 请贵单位协办，{due} 前提交协办意见',
    en: 'Assisting: order {orderNo} asks your unit to assist; opinion due {due}',
  },
  'notice.assistUrge': {
    zh: '催办协办：请尽快就工单 {orderNo} 提交协办意见，截止 {due}',
    en: 'Reminder: please submit your assisting opinion on order {orderNo}, due {due}',
  },
  'notice.verifyRequest': {
    zh: '现场核实：请在 {minutes} 分钟内到现场核实工单 {orderNo}（{grid}）',
    en: 'On-site verification: please verify order {orderNo} on site within {minutes} minutes ({grid})',
  },
  'notice.verifyAnswer': {
    zh: '现场核实结果：{grid} 已答复工单 {orderNo}',
    en: 'Verification answered: {grid} answered order {orderNo}',
  },
  'notice.verifyAnswerFar': {
    zh: '现场核实结果：{grid} 已答复工单 {orderNo}，但定位远离诉求地点，请留意',
    en: 'Verification answered: {grid} answered order {orderNo} from a point far from the appeal — please check',
  },
  'notice.assistOpinion': {
    zh: '协办意见：{unit} 已就工单 {orderNo} 提交协办意见',
    en: 'Assisting opinion: {unit} submitted its opinion on order {orderNo}',
  },
  'notice.instructionMoved': {
    zh: '批示转办：工单 {orderNo} 改派贵单位，{leader} 的批示随单转来，请签收并答复：{excerpt}',
    en: "Instruction moved: order {orderNo} was re-dispatched to your unit; {leader}'s instruction came with it, please sign for and answer it: {excerpt}",
  },
  'dispatch.villageRefused': {
    zh: '村（嘎查）委员会不直接承接派单，只承接所属苏木乡镇/街道下派的工作：{field}',
    en: 'Village committees are not dispatched to; they receive only their town’s work by forwarding: {field}',
  },
  'progress.notComplex': {
    zh: '阶段性答复仅用于复杂事项（疑难复杂件或疑难件），本工单请在时限内直接答复',
    en: 'Interim progress reports are for complex matters only (priority 4 or a difficult case); reply to this order directly',
  },
  // Issue 14: forwarding down the unit tree (下派, ADR 0115, 0116).
  'forward.notHolder': { zh: '只有当前承办该工单的单位可以执行此操作', en: 'Only the unit now holding the order may do this' },
  'forward.hopState': {
    zh: '下派环节当前不能执行“{action}”（{state}）',
    en: 'The forwarded step does not allow "{actionEn}" now ({stateEn})',
  },
  'forward.notForwarded': { zh: '该工单没有下派中的环节', en: 'This order has no forwarded step open' },
  'forward.forwarded': {
    zh: '工单已下派，须待下级答复逐级采纳后再由主办单位操作',
    en: 'The order is forwarded down; the lead unit acts once the replies have been accepted back up',
  },
  'forward.notSubUnit': {
    zh: '只能下派给本单位的下级单位：{field}',
    en: 'Forward only to a sub-unit of your unit: {field}',
  },
  'forward.kindRefused': {
    zh: '{toKind}不承接{fromKind}下派的工单：{field}',
    en: 'A {toKindEn} does not receive orders forwarded by a {fromKindEn}: {field}',
  },
  'forward.noDepartmentWork': {
    zh: '职能部门的工作不得下派给村（嘎查）委员会：{field}',
    en: "A functional department's work is not forwarded to village committees: {field}",
  },
  'forward.inChain': { zh: '该单位已在本工单的下派链上：{field}', en: 'This unit is already on the forwarding chain: {field}' },
  'forward.deadlineLate': {
    zh: '下派时限不能晚于本单位自己的时限（{due}）：{field}',
    en: 'The deadline may not be later than your own ({due}): {field}',
  },
  'forward.deadlinePast': { zh: '下派时限须晚于当前时间：{field}', en: 'The deadline must be in the future: {field}' },
  // Issue 14: leaders who act (src/leaders).
  'what.instruction': { zh: '批示', en: 'Instruction' },
  'what.consultation': { zh: '会商', en: 'Consultation' },
  'leaders.orderClosed': {
    zh: '工单已办结，不能再包案、批示或会商',
    en: 'The order is closed; nothing to take, instruct or consult on',
  },
  'leaders.caseTaken': { zh: '该工单已由{leader}包案', en: 'This order is already owned by {leader}' },
  'leaders.noCase': { zh: '该工单当前没有包案领导', en: 'No leader owns this order now' },
  'leaders.notCaseOwner': { zh: '只有包案领导本人可以结束包案', en: 'Only the owning leader may end the case' },
  'leaders.noUnit': {
    zh: '工单尚未派给承办单位，无法批示，请先派单',
    en: 'The order has no handling unit yet; dispatch it before writing an instruction',
  },
  'leaders.instructionStatus': {
    zh: '批示当前状态为“{status}”，不能执行此操作',
    en: 'The instruction is "{status}"; not possible now',
  },
  'leaders.acknowledgeFirst': { zh: '请先签收批示，再答复', en: 'Acknowledge the instruction before answering it' },
  'leaders.concluded': { zh: '会商已有结论，不能再更改', en: 'The consultation is concluded already' },
  'leaders.opinionGiven': { zh: '本单位已提交会商意见', en: 'Your unit has given its opinion already' },
  'leaders.unitRepeated': { zh: '会商单位重复：{field}', en: 'A unit is listed twice: {field}' },
  'leaders.mayNotUrge': { zh: '本中心未允许领导催办', en: 'Leaders of this centre may not send reminders' },
  'leaders.mayNotSupervise': { zh: '本中心未允许领导发督办单', en: 'Leaders of this centre may not issue supervision orders' },
  'notice.instruction': {
    zh: '领导批示：{leader} 对工单 {orderNo} 作出批示，请签收并答复：{excerpt}',
    en: 'Leader instruction: {leader} instructed on order {orderNo}; acknowledge and answer: {excerpt}',
  },
  'notice.instructionAck': {
    zh: '{unit} 已签收您对工单 {orderNo} 的批示',
    en: '{unit} acknowledged your instruction on order {orderNo}',
  },
  'notice.instructionAnswer': {
    zh: '{unit} 答复了您对工单 {orderNo} 的批示：{excerpt}',
    en: '{unit} answered your instruction on order {orderNo}: {excerpt}',
  },
  'notice.consultation': {
    zh: '会商：{leader} 就工单 {orderNo} 发起会商，请提交本单位意见：{excerpt}',
    en: "Consultation: {leader} opened one on order {orderNo}; give your unit's opinion: {excerpt}",
  },
  'notice.consultOpinion': {
    zh: '{unit} 提交了工单 {orderNo} 的会商意见',
    en: '{unit} gave its opinion on the consultation of order {orderNo}',
  },
  'notice.leaderFollowupAdded': {
    zh: '领导盯办：{by} 将工单 {orderNo} 列入领导盯办：{excerpt}',
    en: 'Leader follow-up: {by} added order {orderNo} to the follow-up list: {excerpt}',
  },
  // Issue 14: 派单目录 (dispatch catalogue).
  'what.catalogueRule': { zh: '派单目录规则', en: 'Catalogue rule' },
  'catalogue.overlap': {
    zh: '与规则 #{no}（{rule} → {unit}，{period}）重叠：同一分类、地区、诉求类型和关键词在同一时段只能有一条规则',
    en: 'Overlaps rule #{no} ({rule} → {unit}, {period}): one category, region, appeal type and keyword may have only one rule at a time',
  },
  'catalogue.period': { zh: '{from} 起{to}', en: 'from {from}{to}' },
  'catalogue.periodTo': { zh: '至 {to}', en: ' to {to}' },
  'catalogue.periodOpen': { zh: '长期有效', en: ', open-ended' },
  'catalogue.any': { zh: '不限', en: 'any' },
  'catalogue.stale': {
    zh: '该规则已被他人修改（当前第 {version} 版），请刷新后重试',
    en: 'The rule was changed by someone else (now version {version}); reload and try again',
  },
  'catalogue.alreadyExpired': { zh: '规则 #{no} 已失效', en: 'Rule #{no} has ended already' },
  'catalogue.autoDispatcher': { zh: '派单目录自动派单', en: 'Catalogue auto-dispatch' },
  'report.unscored': {
    zh: '无数据单位 {n} 个（本月没有可计分的工单，不参与排名）',
    en: '{n} units without data (no scorable order this month, not ranked)',
  },
  // Issue 15: the tamper-evident audit trail (ADR 0161).
  'audit.stream.access': { zh: '个人信息与管理审计', en: 'personal-data and administrative audit' },
  'audit.stream.timeline': { zh: '工单流转记录', en: 'order timeline' },
  'audit.ok': {
    zh: '完整：{rows} 行，{checkpoints} 个签名检查点，{unsealed} 行待下次签名',
    en: 'intact: {rows} rows, {checkpoints} signed checkpoints, {unsealed} rows awaiting the next signature',
  },
  'audit.broken.edited': {
    zh: '第 {seq} 号（{table} id {id}）内容或前一环被改动',
    en: 'row {seq} ({table} id {id}): its content or the link before it was changed',
  },
  'audit.broken.deleted': {
    zh: '第 {from}–{to} 号被删除（断在 {table} id {id} 之前）',
    en: 'rows {from}–{to} were deleted (the chain breaks before {table} id {id})',
  },
  'audit.broken.inserted': { zh: '第 {seq} 号（{table} id {id}）是插入的行', en: 'row {seq} ({table} id {id}) was inserted' },
  'audit.broken.unlinked': {
    zh: '{table} id {id} 未入链（绕过触发器写入）',
    en: '{table} id {id} has no link (written past the trigger)',
  },
  'audit.broken.checkpointMismatch': {
    zh: '第 {seq} 号（{table} id {id}）与签名检查点 #{checkpoint} 不符：此前的链被重写',
    en: 'row {seq} ({table} id {id}) differs from signed checkpoint #{checkpoint}: the chain before it was rewritten',
  },
  'audit.broken.badSignature': {
    zh: '检查点 #{checkpoint}（第 {seq} 号）签名无效或非本密钥所签',
    en: 'checkpoint #{checkpoint} (row {seq}) has a bad signature or another key',
  },
  'audit.broken.tailDeleted': { zh: '链尾第 {from}–{to} 号被删除', en: 'rows {from}–{to} at the end were deleted' },
  'audit.broken.headMissing': { zh: '链头记录被删除', en: 'the chain head was deleted' },
  'audit.broken.prunedEarly': {
    zh: '第 {seq} 号之前的行在保存期内被删除',
    en: 'rows before {seq} were removed within the retention period',
  },
  'citizenNotice.badPlaceholder': {
    zh: '模板中不能使用这些变量：{names}（短信不得包含诉求内容或来电人姓名）',
    en: 'The template may not use: {names} (an SMS never carries the appeal or the caller’s name)',
  },
  'citizenNotice.reason.no_sms_channel': { zh: '未配置短信通道', en: 'No SMS channel configured' },
  'citizenNotice.reason.no_email_channel': { zh: '未配置邮件通道', en: 'No e-mail channel configured' },
  'citizenNotice.reason.opted_out': { zh: '群众已退订通知', en: 'The citizen opted out of notices' },
  'citizenNotice.reason.not_agreed': {
    zh: '保密来电人未同意接收此类通知',
    en: 'The confidential caller did not agree to this notice',
  },
  'citizenNotice.reason.sms_declined': {
    zh: '来电人受理时未同意短信通知',
    en: 'The caller declined SMS notices at intake',
  },
  'citizenNotice.reason.content_in_sms': {
    zh: '短信会带出诉求内容或姓名，已拦截',
    en: 'Stopped: the SMS would carry the appeal or the name',
  },
  'citizenNotice.reason.provider': { zh: '通道拒绝发送', en: 'Refused by the provider' },
  'citizenNotice.reason.undelivered': { zh: '运营商回执：未送达', en: 'Delivery report: not delivered' },
  'portal.phoneSessionExpired': {
    zh: '手机验证已过期，请重新获取验证码',
    en: 'Your phone verification has expired; please ask for a new code',
  },
  // Issue 17: API clients and Open311 (src/apiclients, src/open311; ADRs 0180, 0181).
  'what.apiClient': { zh: '接口客户端', en: 'API client' },
  'what.apiKey': { zh: '接口密钥', en: 'API key' },
  'what.jurisdiction': { zh: '管辖区（jurisdiction_id）', en: 'Jurisdiction' },
  'what.service': { zh: '服务类别（service_code）', en: 'Service' },
  'what.serviceRequest': { zh: '诉求', en: 'Service request' },
  'what.importRun': { zh: '导入记录', en: 'Import run' },
  'apiClient.nameTaken': { zh: '已有名为“{name}”的接口客户端', en: 'An API client named "{name}" exists' },
  'apiClient.revoked': { zh: '该接口客户端已停用', en: 'The API client is revoked' },
  'apiClient.keyRefused': { zh: '接口密钥无效、已停用或无此权限', en: 'api_key invalid, revoked or not allowed' },
  'open311.jurisdictionRequired': {
    zh: '本服务有多个管辖区：请提供 jurisdiction_id',
    en: 'jurisdiction_id is required: this endpoint serves several jurisdictions',
  },
  'open311.locationRequired': {
    zh: '请提供位置：lat 和 long，或 address_string，或 address_id',
    en: 'a location is required: lat and long, address_string or address_id',
  },
  'open311.noHtml': { zh: 'description 不得包含 HTML', en: 'description must be plain text, without HTML' },
  'open311.attributeRequired': { zh: '缺少必填属性 attribute[{code}]', en: 'attribute[{code}] is required' },
  'open311.attributeValue': { zh: '属性 attribute[{code}] 的值无效', en: 'attribute[{code}] has an invalid value' },
  'open311.notOwnRequest': { zh: '只能补充本客户端提交的诉求', en: 'only requests this client submitted can be updated' },
  'open311.unknownFormat': { zh: '不支持的格式：请用 .xml 或 .json', en: 'unknown format: use .xml or .json' },
  'open311.noEndpoint': { zh: '没有这个 Open311 资源', en: 'no such Open311 resource' },
  'open311.range': { zh: 'start_date 到 end_date 不得超过 90 天', en: 'start_date to end_date must not exceed 90 days' },
  'open311.serviceNotice': {
    zh: '已受理，工单编号 {orderNo}，请凭编号和查询码在网上查询进度',
    en: 'Accepted as order {orderNo}; progress can be looked up with its number and query code',
  },
  'open311.commentTitle': { zh: '外部系统补充：{client}', en: 'Added through {client}' },
  ...GOVERNANCE_MESSAGES,
  ...VISIT_MESSAGES,
  ...WEBHOOK_MESSAGES,
  ...GRID_MESSAGES,
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof messages;

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

export interface Text {
  zh: string;
  en: string;
}

export function text(key: MessageKey, vars: Record<string, string | number> = {}): Text {
  const m = messages[key];
  return { zh: fill(m.zh, vars), en: fill(m.en, vars) };
}

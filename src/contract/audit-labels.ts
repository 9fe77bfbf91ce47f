// The audit trail in words (issue 15): the name of each action key that pii_access_log rows carry,
// and a row's details as a reader says them — shared by the audit administrator's screen and its
// CSV export, so neither shows `auth.login.failed` or raw JSON.
import { ROLE_LABELS } from './labels.js';

type Words = { zh: string; en: string };
type Lang = 'zh' | 'en';

/** Every action key written to the audit trail, with its name. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, Words>> = {
  'order.detail': { zh: '查看诉求人信息', en: 'Viewed caller details' },
  'order.list.callerPhone': { zh: '按来电号码查询工单', en: 'Searched orders by caller phone' },
  'order.export': { zh: '导出工单', en: 'Exported orders' },
  'order.export.callerPhone': { zh: '按来电号码导出工单', en: 'Exported orders by caller phone' },
  'citizenOptOut.search': { zh: '按号码查询群众退订', en: 'Searched citizen opt-outs by number' },
  'citizenOptOut.added': { zh: '记录群众退订通知', en: 'Recorded a citizen’s opt-out' },
  'citizenOptOut.removed': { zh: '撤销群众退订（恢复通知）', en: 'Removed a citizen’s opt-out' },
  'duplicates.check.callerPhone': { zh: '按来电号码查重', en: 'Duplicate check by caller phone' },
  'call.screen_pop': { zh: '来电弹屏', en: 'Call screen-pop' },
  'auth.login': { zh: '登录成功', en: 'Signed in' },
  'auth.login.password': { zh: '密码正确，待第二步验证', en: 'Password right, second step due' },
  'auth.login.failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.login.throttled': { zh: '登录被限流', en: 'Sign-in throttled' },
  'auth.login.locked': { zh: '已锁定账户尝试登录', en: 'Sign-in to a locked account' },
  'auth.login.expired': { zh: '密码已过期', en: 'Password expired' },
  'auth.account.locked': { zh: '账户被锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.password.changed': { zh: '修改本人密码', en: 'Changed own password' },
  'auth.totp.enrolled': { zh: '启用双因素认证', en: 'Enrolled two-factor sign-in' },
  'auth.totp.failed': { zh: '双因素验证失败', en: 'Two-factor step failed' },
  'admin.user.create': { zh: '创建账户', en: 'Created an account' },
  'admin.user.update': { zh: '修改账户', en: 'Edited an account' },
  'admin.user.roles': { zh: '修改账户角色', en: "Changed an account's roles" },
  'admin.user.password': { zh: '重置密码', en: 'Reset a password' },
  'admin.user.unlock': { zh: '解锁账户', en: 'Unlocked an account' },
  'admin.user.totp.reset': { zh: '重置双因素认证', en: 'Reset two-factor sign-in' },
  'admin.centre.retention': { zh: '修改个人信息保存年限', en: 'Changed the personal-data retention period' },
  'admin.centre.mfa': { zh: '修改双因素认证要求', en: 'Changed who must use two-factor sign-in' },
  'admin.act': { zh: '管理操作', en: 'Administrative act' },
  'migration.user.roles': { zh: '升级时拆分角色', en: 'Roles split by an upgrade' },
  'http.forbidden': { zh: '越权请求被拒绝', en: 'Request refused (403)' },
  'api.key.refused': { zh: '接口密钥被拒绝', en: 'API key refused' },
  'audit.export': { zh: '导出审计记录', en: 'Exported the audit trail' },
  'portal.code.locked': { zh: '查询码输错过多，工单查询被锁定', en: 'Portal query code locked after wrong codes' },
  'retention.anonymised': { zh: '到期个人信息已删除（匿名化）', en: 'Personal data erased at the end of retention' },
};

/** The name of an action key; an unknown key is shown as it is. */
export function auditActionName(action: string, lang: Lang): string {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? action;
}

const DETAIL_KEYS: Readonly<Record<string, Words>> = {
  ip: { zh: '地址', en: 'address' },
  reason: { zh: '原因', en: 'reason' },
  next: { zh: '下一步', en: 'next step' },
  failures: { zh: '失败次数', en: 'failures' },
  retryAfterSeconds: { zh: '等待秒数', en: 'wait (s)' },
  method: { zh: '方法', en: 'method' },
  route: { zh: '接口', en: 'route' },
  status: { zh: '状态码', en: 'status' },
  params: { zh: '参数', en: 'parameters' },
  body: { zh: '内容', en: 'content' },
  before: { zh: '之前', en: 'before' },
  after: { zh: '之后', en: 'after' },
  roles: { zh: '角色', en: 'roles' },
  via: { zh: '途径', en: 'via' },
  rows: { zh: '行数', en: 'rows' },
  filter: { zh: '条件', en: 'filter' },
  lockedUntil: { zh: '锁定至', en: 'locked until' },
  orders: { zh: '工单数', en: 'orders' },
  fields: { zh: '字段', en: 'fields' },
  retentionYears: { zh: '保存年限', en: 'retention (years)' },
  closedBefore: { zh: '办结早于', en: 'closed before' },
  displayName: { zh: '姓名', en: 'name' },
  unitId: { zh: '单位编号', en: 'unit id' },
  active: { zh: '启用', en: 'active' },
  required: { zh: '必须使用的角色', en: 'roles that must use it' },
  scope: { zh: '权限范围', en: 'scope' },
  jurisdiction: { zh: '所请求的中心', en: 'jurisdiction asked' },
  serviceRequestId: { zh: '诉求编号', en: 'service request' },
};

const DETAIL_VALUES: Readonly<Record<string, Words>> = {
  unknown: { zh: '用户名不存在', en: 'unknown name' },
  inactive: { zh: '账户已停用', en: 'account inactive' },
  password: { zh: '密码错误', en: 'wrong password' },
  totp: { zh: '动态验证码', en: 'authenticator code' },
  enrol: { zh: '启用双因素认证', en: 'two-factor enrolment' },
  cli: { zh: '命令行', en: 'command line' },
  undecided: { zh: '此前未设置（全部角色）', en: 'never set before (every role)' },
  // Refused API keys (ADR 0180).
  missing: { zh: '未提供密钥', en: 'no key' },
  malformed: { zh: '密钥格式错误', en: 'malformed key' },
  unknown_key: { zh: '密钥不存在或不符', en: 'unknown key' },
  key_revoked: { zh: '密钥已停用', en: 'key revoked' },
  client_revoked: { zh: '客户端已停用', en: 'client revoked' },
  address: { zh: '地址不在白名单', en: 'address not allowed' },
  scope: { zh: '无此权限范围', en: 'scope not granted' },
  rate: { zh: '超过频率限制', en: 'rate limit' },
  other_centre: { zh: '密钥属于其他中心', en: "another centre's key" },
  not_own_request: { zh: '不是本客户端提交的诉求', en: 'a request another client submitted' },
};

/** Keys that identify rows for machines (an account id), left out of the words. */
const HIDDEN_KEYS = new Set(['userId', 'clientId']);

function valueInWords(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return DETAIL_VALUES[value]?.[lang] ?? value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (Array.isArray(value)) return value.map((v) => valueInWords(v, lang)).join('、');
  return Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => !HIDDEN_KEYS.has(k) && v !== undefined)
    .map(([k, v]) => pairInWords(k, v, lang))
    .join('，');
}

/** One key and its value; role keys name the roles (话务员, not operator). */
function pairInWords(key: string, value: unknown, lang: Lang): string {
  const label = DETAIL_KEYS[key]?.[lang] ?? key;
  const roleKey = key === 'roles' || ((key === 'before' || key === 'after') && Array.isArray(value));
  const words =
    roleKey && Array.isArray(value) ? value.map((r) => roleName(String(r), lang)).join('、') : valueInWords(value, lang);
  return `${label} ${words}`;
}

/** A row's `detail` as a reader says it: "地址 10.0.0.1 · 原因 密码错误", never raw JSON. */
export function auditDetailInWords(detail: Record<string, unknown> | null, lang: Lang): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([k, v]) => !HIDDEN_KEYS.has(k) && v !== undefined && v !== null)
    .map(([k, v]) => pairInWords(k, v, lang))
    .join(' · ');
}

const roleName = (role: string, lang: Lang) => (ROLE_LABELS as Readonly<Record<string, Words>>)[role]?.[lang] ?? role;

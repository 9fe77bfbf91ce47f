/**
 * User-facing text of the server: Chinese first, English second. Code refers to keys, never to
 * literal sentences, so wording changes in one place.
 */
export const messages = {
  'error.validation': { zh: '输入有误：{field}', en: 'Invalid input: {field}' },
  'error.notFound': { zh: '{what}不存在', en: '{what} not found' },
  'error.forbidden': { zh: '无权执行此操作', en: 'Not allowed' },
  'error.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'error.badCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'error.conflict': {
    zh: '工单已被他人更新，请刷新后重试',
    en: 'The order was changed by someone else; reload and try again',
  },
  'error.invalidTransition': {
    zh: '当前状态“{state}”下不能执行“{action}”',
    en: 'Action "{action}" is not possible in state "{state}"',
  },
  'error.notLeadUnit': { zh: '只有主办单位可以执行此操作', en: 'Only the lead unit may do this' },
  'error.internal': { zh: '系统内部错误，请稍后重试', en: 'Internal error, please retry later' },
  'error.tooLarge': { zh: '文件过大（上限 {max}）', en: 'File too large (limit {max})' },
  'error.badType': { zh: '不支持的文件类型：{type}', en: 'Unsupported file type: {type}' },
  'error.dbDown': { zh: '数据库不可用', en: 'Database unavailable' },
  'what.order': { zh: '工单', en: 'Order' },
  'what.unit': { zh: '单位', en: 'Unit' },
  'what.user': { zh: '用户', en: 'User' },
  'what.category': { zh: '分类', en: 'Category' },
  'what.region': { zh: '区域', en: 'Region' },
  'what.attachment': { zh: '附件', en: 'Attachment' },
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

import {
  APPEAL_TYPE_LABELS,
  CHANNEL_LABELS,
  CONTACT_METHOD_LABELS,
  EVENT_LABELS,
  INVALID_REASON_LABELS,
  labelsIn,
  REPLY_RESULT_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  STAGE_LABELS,
  STATE_LABELS,
  WARNING_LABELS,
} from '../../../../src/contract/labels';
import type { Messages } from '../../shared/i18n';

/**
 * Words of the domain shown on every screen. The shared vocabulary (states, actions and timeline
 * events, stages, roles, channels, appeal types, results) comes from the one table in
 * src/contract/labels.ts that the server's exports and reports read too; only console-only words live here.
 */
export const labels = {
  zh: {
    ...labelsIn('state', STATE_LABELS, 'zh'),
    ...labelsIn('action', EVENT_LABELS, 'zh'),
    ...labelsIn('stage', STAGE_LABELS, 'zh'),
    ...labelsIn('role', ROLE_LABELS, 'zh'),
    ...labelsIn('channel', CHANNEL_LABELS, 'zh'),
    ...labelsIn('type', APPEAL_TYPE_LABELS, 'zh'),
    ...labelsIn('result', REPLY_RESULT_LABELS, 'zh'),
    ...labelsIn('sat', SATISFACTION_LABELS, 'zh'),
    ...labelsIn('invalid', INVALID_REASON_LABELS, 'zh'),
    ...labelsIn('contact', CONTACT_METHOD_LABELS, 'zh'),
    ...labelsIn('warn', WARNING_LABELS, 'zh'),
    'priority.1': '1 紧急',
    'priority.2': '2 水电气热',
    'priority.3': '3 一般',
    'priority.4': '4 复杂疑难',
    'resolved.true': '已解决',
    'resolved.false': '未解决',
    'assign.lead': '主办',
    'assign.assist': '协办',
    'assign.forward': '下派承办',
    'clock.paused': '已暂停计时',
    escalated: '疑难件',
    rehandled: '重办',
    rehandledTimes: '重办 {n} 次',
  },
  en: {
    ...labelsIn('state', STATE_LABELS, 'en'),
    ...labelsIn('action', EVENT_LABELS, 'en'),
    ...labelsIn('stage', STAGE_LABELS, 'en'),
    ...labelsIn('role', ROLE_LABELS, 'en'),
    ...labelsIn('channel', CHANNEL_LABELS, 'en'),
    ...labelsIn('type', APPEAL_TYPE_LABELS, 'en'),
    ...labelsIn('result', REPLY_RESULT_LABELS, 'en'),
    ...labelsIn('sat', SATISFACTION_LABELS, 'en'),
    ...labelsIn('invalid', INVALID_REASON_LABELS, 'en'),
    ...labelsIn('contact', CONTACT_METHOD_LABELS, 'en'),
    ...labelsIn('warn', WARNING_LABELS, 'en'),
    'priority.1': '1 Emergency',
    'priority.2': '2 Utilities',
    'priority.3': '3 General',
    'priority.4': '4 Complex',
    'resolved.true': 'Resolved',
    'resolved.false': 'Not resolved',
    'assign.lead': 'Lead',
    'assign.assist': 'Assisting',
    'assign.forward': 'Forwarded to',
    'clock.paused': 'clock paused',
    escalated: 'Difficult case',
    rehandled: 'Re-handled',
    rehandledTimes: 'Re-handled {n} times',
  },
} satisfies Messages;

export type LabelKey = keyof typeof labels.zh;

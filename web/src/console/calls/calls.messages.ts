import type { Messages } from '../../shared/i18n';

/** The call on the line (screen-pop) and the calls of an order. */
export const callMessages = {
  zh: {
    onCall: '来电中',
    ringing: '振铃中',
    ended: '通话已结束',
    timer: '通话时长 {time}',
    linked: '保存后工单将关联此通来电',
    calls: '关联来电',
    noCalls: '无关联来电',
    recording: '录音',
    talk: '通话 {s} 秒',
  },
  en: {
    onCall: 'On a call',
    ringing: 'Ringing',
    ended: 'Call ended',
    timer: 'Call time {time}',
    linked: 'The order saved will be linked to this call',
    calls: 'Linked calls',
    noCalls: 'No linked calls',
    recording: 'Recording',
    talk: 'talked {s} s',
  },
} satisfies Messages;

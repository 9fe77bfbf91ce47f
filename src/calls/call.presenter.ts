import type { CallRecordView } from '../contract/calls.js';
import type { Call } from './call.table.js';

/** The call as the API shows it (the caller's number is not echoed back). */
export const presentCall = (c: Call, orderIds?: string[]): CallRecordView<Date> => ({
  id: c.id,
  callId: c.external_id,
  status: c.status,
  hotlineNumber: c.hotline_number,
  operatorUserId: c.operator_user_id,
  operatorExt: c.operator_ext,
  offeredAt: c.offered_at,
  answeredAt: c.answered_at,
  endedAt: c.ended_at,
  waitSeconds: c.wait_seconds,
  talkSeconds: c.talk_seconds,
  recordingUrl: c.recording_url,
  ...(orderIds ? { orderIds } : {}),
});

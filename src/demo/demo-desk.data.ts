// The demo's desk extras (issue 13): saved filters, a recorded call, a caller for the portal's 我的诉求.

import type { QueueName, SavedFilterQuery } from '../contract/queues.js';

/** Every DEMO_CALLER_EVERY-th generated appeal comes from this phone, so 我的诉求 lists several. */
export const DEMO_PORTAL_CALLER_PHONE = '15847912345';
export const DEMO_CALLER_EVERY = 40;

export const DEMO_SAVED_FILTERS: { username: string; queue: QueueName; name: string; query: SavedFilterQuery }[] = [
  { username: 'handler', queue: 'unit_inbox', name: '黄灯预警（将超期）', query: { warning: 'yellow', sort: 'deadline' } },
  { username: 'dispatcher', queue: 'dispatch', name: '供热问题', query: { q: '供热', sort: 'accepted' } },
];

/** Stands for the telephone system's recording store: a local path, the demo never calls out. */
export const DEMO_RECORDING_URL = '/demo/recordings/demo-call-0001.wav';
export const DEMO_CALL_EXTERNAL_ID = 'DEMO-CALL-0001';

/** Why the demo leader follows an order (领导盯办), as a leader writes it. */
export const DEMO_LEADER_FOLLOWUP_REASON = '群众反映强烈且已超期，请主办单位本周内办结并报送办理情况。';

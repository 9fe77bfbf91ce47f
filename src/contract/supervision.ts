import type { Role } from './vocabulary.js';

/**
 * Who may read the 领导盯办 list: the server's guard and the console's tab read this one list, so a
 * role that cannot read it never sees the tab (and never gets a 403 on the 督办看板).
 */
export const LEADER_FOLLOWUP_READERS: readonly Role[] = ['leader', 'supervisor'];

import type { Role } from './vocabulary.js';

/**
 * Agent tools shared by server and web (issue 13): text modules, internal notes with mentions, presence.
 */

/** Who may write internal notes (permission order.note), on the orders they can see. */
export const NOTE_WRITER_ROLES: readonly Role[] = [
  'operator',
  'dispatcher',
  'unit_handler',
  'unit_admin',
  'supervisor',
  'leader',
];

/** The variables a text module may use, as `{{name}}`; filled server-side for one order. */
export const TEXT_MODULE_VARIABLES = [
  'order.number',
  'order.title',
  'citizen.name', // always masked (张*): a reply text may be read aloud or forwarded
  'category.name',
  'unit.name', // the lead unit
  'agent.name', // who inserts the module
  'today',
  'deadline', // the running stage's deadline
] as const;
export type TextModuleVariable = (typeof TEXT_MODULE_VARIABLES)[number];

/**
 * The dialogs a text module can be limited to (ADR 0141): 答复 (reply), 审核 (review: accept or send
 * back), 回访 (visit: close or re-handle). A module limited to none is offered in every dialog.
 */
export const TEXT_MODULE_DIALOGS = ['reply', 'review', 'visit'] as const;
export type TextModuleDialog = (typeof TEXT_MODULE_DIALOGS)[number];

/** Which dialog an action's form is, for text modules (other actions: none, so only unlimited modules). */
export function textModuleDialogOf(action: string): TextModuleDialog | null {
  if (action === 'reply') return 'reply';
  if (action === 'review_accept' || action === 'review_send_back') return 'review';
  if (action === 'visit_close' || action === 'visit_rehandle') return 'visit';
  return null;
}

/** Whether a module limited to `dialogs` is offered in `dialog` (null: a dialog of no kind). */
export const moduleFitsDialog = (dialogs: readonly string[], dialog: TextModuleDialog | null): boolean =>
  dialogs.length === 0 || (dialog !== null && dialogs.includes(dialog));

/** One text module as the admin screen sees it. */
export interface TextModuleView<D = string> {
  id: string;
  name: string;
  keyword: string;
  body: string;
  categoryId: string | null;
  unitId: string | null;
  dialogs: TextModuleDialog[];
  active: boolean;
  updatedAt: D;
}

/** A module offered in a dialog for one order: its text with the variables already filled. */
export interface FilledTextModuleView {
  id: string;
  name: string;
  keyword: string;
  text: string;
}

/** Someone the note writer may mention: a colleague (user) or a whole unit. */
export interface MentionTargetView {
  kind: 'user' | 'unit';
  id: string;
  name: string;
  /** The user's unit, or the unit's parent; helps tell two 张伟 apart. */
  detail: string | null;
}

/** What POST /api/orders/:id/notes answers: how many were told, and the typed `@names` that told nobody. */
export interface NoteAddedView<D = string> {
  eventId: number;
  at: D;
  notified: number;
  /** `@李四` typed in the text that is no colleague or unit of the centre. */
  unknown: string[];
  /** `@张伟` that fits several colleagues or units: choose from the list to say which. */
  ambiguous: string[];
}

/** Another person who has the order open right now. */
export interface PresenceView {
  userId: string;
  name: string;
  unitName: string | null;
  since: string;
}

/** POST /api/orders/:id/presence: the others who have the order open. */
export interface PresenceAnswerView {
  others: PresenceView[];
}

/** DELETE /api/orders/:id/presence. */
export interface PresenceLeftView {
  left: true;
}

/** How often the order page says "I am here", and how long a silent viewer still counts. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

/** What an admin sends to create or change a text module (POST/PATCH /api/text-modules). */
export interface TextModuleInput {
  name: string;
  keyword: string;
  body: string;
  categoryId?: string | null;
  unitId?: string | null;
  dialogs?: TextModuleDialog[];
  active?: boolean;
}

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

/** One text module as the admin screen sees it. */
export interface TextModuleView<D = string> {
  id: string;
  name: string;
  keyword: string;
  body: string;
  categoryId: string | null;
  unitId: string | null;
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
  active?: boolean;
}

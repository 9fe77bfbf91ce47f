import type { MentionTargetView, NoteAddedView } from '../contract/agent-tools.js';
import { notify } from '../notifications/notify.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { mentionKeysOf, mentionSegments, resolveMentions, userMentionKeys, type MentionCandidate } from './mention-text.js';
import {
  existingUnitIds,
  existingUserIds,
  mentionCandidates,
  searchPeople,
  searchUnits,
  unitMemberIds,
} from './note.repository.js';

export interface NoteInput {
  text: string;
  mentionUserIds?: string[];
  mentionUnitIds?: string[];
}

const need = (actor: Actor) => {
  if (!can(actor, 'order.note') || !actor.userId) throw forbidden();
};

/** Every mentioned id must be a colleague or unit of this centre: a stale picker answers 400 naming the list. */
async function checkMentions(deps: Deps, centreId: string, userIds: string[], unitIds: string[]) {
  const users = await existingUserIds(deps.db, centreId, userIds);
  if (users.length !== new Set(userIds).size)
    throw domainError('VALIDATION', 'note.mentionUnknown', { field: 'mentionUserIds' }, { field: 'mentionUserIds' });
  const units = await existingUnitIds(deps.db, centreId, unitIds);
  if (units.length !== new Set(unitIds).size)
    throw domainError('VALIDATION', 'note.mentionUnknown', { field: 'mentionUnitIds' }, { field: 'mentionUnitIds' });
}

/**
 * The `@names` typed in the text (not only those chosen in the picker) resolved to colleagues and units
 * of the centre; the picker's choice settles an `@张伟` that fits two people.
 */
async function typedMentions(deps: Deps, centreId: string, text: string, userIds: string[], unitIds: string[]) {
  const segments = mentionSegments(text);
  if (segments.length === 0) return { targets: [], unknown: [], ambiguous: [] };
  const found = await mentionCandidates(deps.db, centreId, mentionKeysOf(segments));
  const candidates: MentionCandidate[] = [
    ...found.users.map((u) => ({ kind: 'user' as const, id: u.id, name: u.display_name, keys: userMentionKeys(u) })),
    ...found.units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, keys: [u.name] })),
  ];
  const picked = new Set([...userIds.map((id) => `user:${id}`), ...unitIds.map((id) => `unit:${id}`)]);
  return resolveMentions(segments, candidates, picked);
}

const EXCERPT_CHARS = 40;
const excerptOf = (text: string) => ([...text].length > EXCERPT_CHARS ? `${[...text].slice(0, EXCERPT_CHARS).join('')}…` : text);

/**
 * 内部备注: a timeline event of kind `note` (the portal never lists it) and, in the same transaction,
 * one notification whose audience is every mentioned person — chosen in the picker or typed as
 * `@name`, named ones and the members of mentioned units — except the writer; the worker makes one
 * notice per person. Typed `@names` that fit nobody or several are saved as text and answered back
 * (`unknown`, `ambiguous`) so the writer sees who was not told.
 */
export async function addNote(deps: Deps, actor: Actor, idOrNo: string, input: NoteInput): Promise<NoteAddedView<Date>> {
  need(actor);
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const pickedUsers = [...new Set(input.mentionUserIds ?? [])];
  const pickedUnits = [...new Set(input.mentionUnitIds ?? [])];
  await checkMentions(deps, order.centre_id, pickedUsers, pickedUnits);
  const typed = await typedMentions(deps, order.centre_id, input.text, pickedUsers, pickedUnits);
  const idsOf = (kind: 'user' | 'unit') => typed.targets.filter((t) => t.kind === kind).map((t) => t.id);
  const userIds = [...new Set([...pickedUsers, ...idsOf('user')])];
  const unitIds = [...new Set([...pickedUnits, ...idsOf('unit')])];
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const event = await recordOrderEvent(tx, order, {
      kind: 'note',
      by: actor,
      at,
      note: input.text.trim(),
      payload: { mentions: { userIds, unitIds } },
    });
    const audience = [...new Set([...userIds, ...(await unitMemberIds(tx, unitIds))])].filter((id) => id !== actor.userId);
    if (audience.length > 0) {
      await notify(
        tx,
        {
          kind: 'note.mention',
          centreId: order.centre_id,
          orderId: order.id,
          textKey: 'notice.mention',
          vars: { author: actor.label, orderNo: order.order_no, excerpt: excerptOf(input.text.trim()) },
          audience: { userIds: audience },
          sourceKey: `note:${event.id}`,
        },
        at,
      );
    }
    return { eventId: event.id, at, notified: audience.length, unknown: typed.unknown, ambiguous: typed.ambiguous };
  });
}

/** GET /api/notes/people: colleagues and units matching what follows the `@`. */
export async function findMentionTargets(deps: Deps, actor: Actor, q: string): Promise<{ items: MentionTargetView[] }> {
  need(actor);
  const [people, units] = await Promise.all([
    searchPeople(deps.db, actor.centreId, q.trim(), 10),
    searchUnits(deps.db, actor.centreId, q.trim(), 10),
  ]);
  return {
    items: [
      ...people.map((p) => ({ kind: 'user' as const, id: p.id, name: p.display_name, detail: p.unit_name })),
      ...units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, detail: u.parent_name })),
    ],
  };
}

import type { Static } from '@sinclair/typebox';
import type { MergedLineView, RetirementCriterionView, ServiceWindowView } from '../contract/channels.js';
import { CHANNEL_ADMINS, MERGED_LINE_REPORT_READERS } from '../contract/channels.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { blankToNull } from '../shared/optional-text.js';
import { can } from '../users/permissions.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { findRegion } from '../org/catalog.repository.js';
import {
  findServiceWindow,
  insertMergedLines,
  insertServiceWindows,
  listMergedLines,
  listServiceWindows,
  readCriterion,
  saveCriterion,
  updateMergedLine,
  updateServiceWindow,
} from './channel-register.repository.js';
import { presentLine, presentWindow } from './channel-register.presenter.js';
import type { CriterionSchema, LinePatchSchema, NewLineSchema, NewWindowSchema, WindowPatchSchema } from './channels.schemas.js';

/** The criterion when the centre has not set one (the migration's defaults). */
export const DEFAULT_CRITERION: RetirementCriterionView = { maxCalls: 300, maxShare: 0.01, months: 3 };

const requireAdmin = (actor: Actor) => {
  if (!hasAnyRole(actor, CHANNEL_ADMINS)) throw forbidden();
};
const requireReader = (actor: Actor) => {
  if (!can(actor, 'catalog.read')) throw forbidden();
};

async function checkRegion(deps: Deps, actor: Actor, regionId: string | null | undefined) {
  if (regionId && !(await findRegion(deps.db, actor.centreId, regionId))) throw invalidField('regionId');
}

// ---- windows ---------------------------------------------------------------------------------------

/** The centre's windows: every staff role reads them (the intake picks one), inactive ones included for the admin. */
export async function listWindowsFor(deps: Deps, actor: Actor): Promise<{ items: ServiceWindowView<Date>[] }> {
  requireReader(actor);
  const rows = await listServiceWindows(deps.db, actor.centreId);
  const all = hasAnyRole(actor, CHANNEL_ADMINS);
  return { items: rows.filter((w) => all || w.active).map(presentWindow) };
}

export async function createWindow(deps: Deps, actor: Actor, input: Static<typeof NewWindowSchema>) {
  requireAdmin(actor);
  await checkRegion(deps, actor, input.regionId);
  const at = deps.clock.now();
  const [row] = await insertServiceWindows(deps.db, [
    {
      centre_id: actor.centreId,
      name: input.name.trim(),
      hall: input.hall.trim(),
      level: input.level,
      region_id: input.regionId ?? null,
      active: input.active ?? true,
      sort: input.sort ?? 0,
      created_at: at,
      updated_at: at,
    },
  ]);
  return presentWindow(row!);
}

export async function editWindow(deps: Deps, actor: Actor, id: string, patch: Static<typeof WindowPatchSchema>) {
  requireAdmin(actor);
  await checkRegion(deps, actor, patch.regionId);
  if (!(await findServiceWindow(deps.db, actor.centreId, id))) throw notFound('serviceWindow');
  const row = await updateServiceWindow(deps.db, actor.centreId, id, {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.hall !== undefined && { hall: patch.hall.trim() }),
    ...(patch.level !== undefined && { level: patch.level }),
    ...(patch.regionId !== undefined && { region_id: patch.regionId }),
    ...(patch.active !== undefined && { active: patch.active }),
    ...(patch.sort !== undefined && { sort: patch.sort }),
    updated_at: deps.clock.now(),
  });
  if (!row) throw notFound('serviceWindow');
  return presentWindow(row);
}

// ---- merged lines ----------------------------------------------------------------------------------

export async function listLinesFor(deps: Deps, actor: Actor): Promise<{ items: MergedLineView<Date>[] }> {
  requireReader(actor);
  return { items: (await listMergedLines(deps.db, actor.centreId)).map(presentLine) };
}

type LineFields = Static<typeof NewLineSchema>;

/** A retired line says when; a parallel one has no retirement date; never retired before it was merged. */
function checkLineDates(line: Pick<LineFields, 'mode' | 'mergedOn'> & { retiredOn: string | null }) {
  if (line.mode === 'retired' && !line.retiredOn) throw invalidField('retiredOn', 'required when retired');
  if (line.mode === 'parallel' && line.retiredOn) throw invalidField('retiredOn', 'only when retired');
  if (line.retiredOn && line.retiredOn < line.mergedOn) throw invalidField('retiredOn', '≥ mergedOn');
}

export async function createLine(deps: Deps, actor: Actor, input: LineFields) {
  requireAdmin(actor);
  const retiredOn = input.retiredOn ?? null;
  checkLineDates({ ...input, retiredOn });
  const at = deps.clock.now();
  const [row] = await insertMergedLines(deps.db, [
    {
      centre_id: actor.centreId,
      number: input.number,
      name: input.name.trim(),
      former_department: input.formerDepartment.trim(),
      mode: input.mode,
      merged_on: input.mergedOn,
      retired_on: retiredOn,
      note: blankToNull(input.note),
      created_at: at,
      updated_at: at,
    },
  ]);
  return presentLine(row!);
}

export async function editLine(deps: Deps, actor: Actor, id: string, patch: Static<typeof LinePatchSchema>) {
  requireAdmin(actor);
  const current = (await listMergedLines(deps.db, actor.centreId)).find((l) => l.id === id);
  if (!current) throw notFound('mergedLine');
  const next = {
    mode: patch.mode ?? current.mode,
    mergedOn: patch.mergedOn ?? current.merged_on,
    // Switching back to 双号并行 clears the retirement date unless one is given.
    retiredOn: patch.retiredOn !== undefined ? patch.retiredOn : patch.mode === 'parallel' ? null : current.retired_on,
  };
  checkLineDates(next);
  const row = await updateMergedLine(deps.db, actor.centreId, id, {
    ...(patch.number !== undefined && { number: patch.number }),
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.formerDepartment !== undefined && { former_department: patch.formerDepartment.trim() }),
    ...(patch.note !== undefined && { note: blankToNull(patch.note) }),
    mode: next.mode,
    merged_on: next.mergedOn,
    retired_on: next.retiredOn,
    updated_at: deps.clock.now(),
  });
  if (!row) throw notFound('mergedLine');
  return presentLine(row);
}

// ---- the retirement criterion ----------------------------------------------------------------------

export async function centreCriterion(deps: Deps, centreId: string): Promise<RetirementCriterionView> {
  const row = await readCriterion(deps.db, centreId);
  return row ? { maxCalls: row.retire_max_calls, maxShare: row.retire_max_share, months: row.retire_months } : DEFAULT_CRITERION;
}

export async function getCriterionFor(deps: Deps, actor: Actor): Promise<RetirementCriterionView> {
  if (!hasAnyRole(actor, [...CHANNEL_ADMINS, ...MERGED_LINE_REPORT_READERS])) throw forbidden();
  return centreCriterion(deps, actor.centreId);
}

export async function setCriterion(
  deps: Deps,
  actor: Actor,
  c: Static<typeof CriterionSchema>,
): Promise<RetirementCriterionView> {
  requireAdmin(actor);
  await saveCriterion(
    deps.db,
    actor.centreId,
    { retire_max_calls: c.maxCalls, retire_max_share: c.maxShare, retire_months: c.months },
    deps.clock.now(),
  );
  return centreCriterion(deps, actor.centreId);
}

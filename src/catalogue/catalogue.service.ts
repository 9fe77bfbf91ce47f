import type { CatalogueRuleInput, CatalogueRuleVersionView, CatalogueSettingsView } from '../contract/catalogue.js';
import { CATALOGUE_EDITORS, CATALOGUE_READERS, CATALOGUE_KEYWORDS_MAX } from '../contract/catalogue.js';
import { APPEAL_TYPE_LABELS } from '../contract/labels.js';
import type { Executor } from '../db/database.js';
import { findRegion } from '../org/catalog.repository.js';
import { findCategory } from '../org/catalog.repository.js';
import { assertReceivesDispatch } from '../org/dispatch-receivers.js';
import { findUnit, findUnitsByIds } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { DomainError, domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { blankToNull } from '../shared/optional-text.js';
import { centreTimeZone, formatLocal } from '../shared/time-zone.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { text } from '../i18n/messages.js';
import { warmCentreCatalogue } from './catalogue-cache.js';
import { overlaps, type MatchRule } from './catalogue-match.js';
import { presentRule, ruleStatus } from './catalogue.presenter.js';
import {
  findAutoDispatch,
  insertRule,
  insertRules,
  insertRuleVersions,
  listRuleVersions,
  listScopeRules,
  lockCatalogue,
  nextRuleNo,
  selectRulesWithNames,
  updateRuleIfVersion,
  upsertSettings,
  type RuleRow,
} from './catalogue.repository.js';
import type { CatalogueRule } from './catalogue.table.js';
import { findCentre } from '../org/unit.repository.js';

export const needEditor = (actor: Actor) => {
  if (!hasAnyRole(actor, CATALOGUE_EDITORS)) throw forbidden();
};
export const needReader = (actor: Actor) => {
  if (!hasAnyRole(actor, CATALOGUE_READERS)) throw forbidden();
};

export interface RuleListFilter {
  categoryId?: string;
  regionId?: string;
  unitId?: string;
  status?: 'active' | 'future' | 'expired';
  q?: string;
}

/** The catalogue for the admin list, filtered (status at the moment of asking). */
export async function listRules(deps: Deps, actor: Actor, filter: RuleListFilter = {}) {
  needReader(actor);
  const now = deps.clock.now();
  const rows = await selectRulesWithNames(deps.db, actor.centreId);
  const q = filter.q?.trim();
  const items = rows
    .map((r) => presentRule(r, now))
    .filter(
      (r) =>
        (!filter.categoryId || r.categoryId === filter.categoryId) &&
        (!filter.regionId || r.regionId === filter.regionId) &&
        (!filter.unitId || r.leadUnitId === filter.unitId || r.assistUnitIds.includes(filter.unitId)) &&
        (!filter.status || r.status === filter.status) &&
        (!q || [r.categoryName, r.regionName, r.leadUnitName, r.note, ...r.keywords, `#${r.no}`].some((s) => s?.includes(q))),
    );
  return { items };
}

/** The rule as stored after cleaning: trimmed, deduplicated, ids checked against this centre. */
async function cleanInput(db: Executor, actor: Actor, input: CatalogueRuleInput, now: Date) {
  const centreId = actor.centreId;
  if (input.categoryId && !(await findCategory(db, centreId, input.categoryId))) throw invalidField('categoryId');
  if (input.regionId && !(await findRegion(db, centreId, input.regionId))) throw invalidField('regionId');
  const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter((k) => k !== ''))];
  if (keywords.length > CATALOGUE_KEYWORDS_MAX) throw invalidField('keywords');
  const lead = await findUnit(db, centreId, input.leadUnitId);
  assertReceivesDispatch(lead, 'leadUnitId');
  const assist = [...new Set(input.assistUnitIds ?? [])].filter((id) => id !== lead.id);
  const assistUnits = await findUnitsByIds(db, centreId, assist);
  if (assistUnits.length !== assist.length) throw invalidField('assistUnitIds');
  for (const u of assistUnits) assertReceivesDispatch(u, 'assistUnitIds');
  if (input.deskUnitId) {
    const desk = await findUnit(db, centreId, input.deskUnitId);
    if (!desk || !desk.active || desk.kind !== 'sub_centre') throw invalidField('deskUnitId');
  }
  const validFrom = input.validFrom ? new Date(input.validFrom) : now;
  const validTo = input.validTo ? new Date(input.validTo) : null;
  if (Number.isNaN(validFrom.getTime())) throw invalidField('validFrom');
  if (validTo && (Number.isNaN(validTo.getTime()) || validTo <= validFrom)) throw invalidField('validTo');
  return {
    category_id: input.categoryId ?? null,
    region_id: input.regionId ?? null,
    appeal_type: input.appealType ?? null,
    keywords,
    lead_unit_id: lead.id,
    assist_unit_ids: assist,
    desk_unit_id: input.deskUnitId ?? null,
    note: blankToNull(input.note),
    valid_from: validFrom,
    valid_to: validTo,
  };
}
type CleanRule = Awaited<ReturnType<typeof cleanInput>>;

const asMatchRule = (
  r: Pick<CatalogueRule, 'category_id' | 'region_id' | 'appeal_type' | 'keywords' | 'valid_from' | 'valid_to'>,
  id = '',
  no = 0,
): MatchRule => ({
  id,
  no,
  categoryId: r.category_id,
  regionId: r.region_id,
  appealType: r.appeal_type,
  keywords: r.keywords,
  validFrom: new Date(r.valid_from).getTime(),
  validTo: r.valid_to ? new Date(r.valid_to).getTime() : null,
});

/** 409 naming the first rule the new state would overlap (catalogue-match.ts `overlaps`). */
async function refuseOverlap(db: Executor, actor: Actor, rule: CleanRule, selfId: string | null) {
  const candidate = asMatchRule(rule);
  const same = await listScopeRules(db, actor.centreId, {
    categoryId: rule.category_id,
    regionId: rule.region_id,
    appealType: rule.appeal_type,
  });
  const hit = same.find((o) => o.id !== selfId && overlaps(candidate, asMatchRule(o, o.id, o.no)));
  if (!hit) return;
  const [named] = await selectRulesWithNames(db, actor.centreId, { id: hit.id });
  const centre = await findCentre(db, actor.centreId);
  throw overlapError(named!, centreTimeZone(centre?.timezone));
}

function overlapError(r: RuleRow, timeZone: string) {
  const day = (d: Date) => formatLocal(d, timeZone).replace(/ 00:00$/, '');
  const words = (lang: 'zh' | 'en') => {
    const any = text('catalogue.any')[lang];
    const type = r.appeal_type ? APPEAL_TYPE_LABELS[r.appeal_type as keyof typeof APPEAL_TYPE_LABELS][lang] : null;
    const rule = [r.category_name ?? any, r.region_name ?? any, type, r.keywords.length ? `「${r.keywords.join('、')}」` : null]
      .filter(Boolean)
      .join(' · ');
    const to = r.valid_to ? text('catalogue.periodTo', { to: day(r.valid_to) })[lang] : text('catalogue.periodOpen')[lang];
    const period = text('catalogue.period', { from: day(r.valid_from), to })[lang];
    return text('catalogue.overlap', { no: r.no, rule, unit: r.lead_unit_name, period })[lang];
  };
  return new DomainError('CONFLICT', { zh: words('zh'), en: words('en') }, { overlapsRuleId: r.id, overlapsRuleNo: r.no });
}

async function snapshotAndPresent(tx: Executor, actor: Actor, id: string, change: 'create' | 'edit' | 'expire', at: Date) {
  const [row] = await selectRulesWithNames(tx, actor.centreId, { id });
  const view = presentRule(row!, at);
  await insertRuleVersions(tx, [
    {
      ruleId: id,
      version: row!.version,
      change,
      snapshot: view as unknown as Record<string, unknown>,
      by: actor.userId,
      byName: actor.label,
      at,
    },
  ]);
  return view;
}

/**
 * An edit has committed: this process loads the catalogue's new version in the background, so the next
 * intake does not pay the cold load (ADR 0125). The editor's answer does not wait for it.
 */
async function warmAfter<T>(deps: Deps, actor: Actor, edit: Promise<T>): Promise<T> {
  const done = await edit;
  warmCentreCatalogue(deps.db, actor.centreId, () => deps.clock.now());
  return done;
}

export async function createRule(deps: Deps, actor: Actor, input: CatalogueRuleInput) {
  needEditor(actor);
  const now = deps.clock.now();
  return warmAfter(
    deps,
    actor,
    deps.db.transaction().execute(async (tx) => {
      await lockCatalogue(tx, actor.centreId);
      const rule = await cleanInput(tx, actor, input, now);
      await refuseOverlap(tx, actor, rule, null);
      const no = await nextRuleNo(tx, actor.centreId);
      const { id } = await insertRule(tx, {
        ...rule,
        centre_id: actor.centreId,
        no,
        created_by: actor.userId,
        created_at: now,
        updated_by: actor.userId,
        updated_at: now,
      });
      return snapshotAndPresent(tx, actor, id, 'create', now);
    }),
  );
}

async function loadForChange(tx: Executor, actor: Actor, id: string, version: number) {
  const [row] = await selectRulesWithNames(tx, actor.centreId, { id });
  if (!row) throw notFound('catalogueRule');
  if (row.version !== version) throw domainError('CONFLICT', 'catalogue.stale', { version: row.version });
  return row;
}

/** Edits a rule: the whole rule again, with the version the editor saw; the old state stays in the history. */
export async function editRule(deps: Deps, actor: Actor, id: string, input: CatalogueRuleInput & { version: number }) {
  needEditor(actor);
  const now = deps.clock.now();
  return warmAfter(
    deps,
    actor,
    deps.db.transaction().execute(async (tx) => {
      await lockCatalogue(tx, actor.centreId);
      await loadForChange(tx, actor, id, input.version);
      const rule = await cleanInput(tx, actor, input, now);
      await refuseOverlap(tx, actor, rule, id);
      const done = await updateRuleIfVersion(tx, actor.centreId, id, input.version, {
        ...rule,
        updated_by: actor.userId,
        updated_at: now,
      });
      if (!done) throw domainError('CONFLICT', 'catalogue.stale', { version: input.version + 1 });
      return snapshotAndPresent(tx, actor, id, 'edit', now);
    }),
  );
}

/** Ends a rule now (a rule not yet valid ends before it starts). */
export async function expireRule(deps: Deps, actor: Actor, id: string, version: number) {
  needEditor(actor);
  const now = deps.clock.now();
  return warmAfter(
    deps,
    actor,
    deps.db.transaction().execute(async (tx) => {
      await lockCatalogue(tx, actor.centreId);
      const row = await loadForChange(tx, actor, id, version);
      if (ruleStatus(row, now) === 'expired') throw domainError('CONFLICT', 'catalogue.alreadyExpired', { no: row.no });
      const end = row.valid_from > now ? row.valid_from : now;
      const done = await updateRuleIfVersion(tx, actor.centreId, id, version, {
        valid_to: end,
        updated_by: actor.userId,
        updated_at: now,
      });
      if (!done) throw domainError('CONFLICT', 'catalogue.stale', { version: version + 1 });
      return snapshotAndPresent(tx, actor, id, 'expire', now);
    }),
  );
}

export async function ruleHistory(deps: Deps, actor: Actor, id: string): Promise<{ items: CatalogueRuleVersionView<Date>[] }> {
  needReader(actor);
  const [row] = await selectRulesWithNames(deps.db, actor.centreId, { id });
  if (!row) throw notFound('catalogueRule');
  const versions = await listRuleVersions(deps.db, id);
  return {
    items: versions.map((v) => {
      const rule = v.snapshot as unknown as CatalogueRuleVersionView<string>['rule'];
      return {
        version: v.version,
        change: v.change,
        changedByName: v.changed_by_name,
        changedAt: v.changed_at,
        rule: {
          ...rule,
          validFrom: new Date(rule.validFrom),
          validTo: rule.validTo ? new Date(rule.validTo) : null,
          updatedAt: new Date(rule.updatedAt),
        },
      };
    }),
  };
}

export async function getCatalogueSettings(deps: Deps, actor: Actor): Promise<CatalogueSettingsView> {
  needReader(actor);
  return { autoDispatch: await findAutoDispatch(deps.db, actor.centreId) };
}

export async function setCatalogueSettings(
  deps: Deps,
  actor: Actor,
  input: CatalogueSettingsView,
): Promise<CatalogueSettingsView> {
  needEditor(actor);
  await warmAfter(deps, actor, upsertSettings(deps.db, actor.centreId, input.autoDispatch, actor.userId, deps.clock.now()));
  return { autoDispatch: input.autoDispatch };
}

/** A generated rule (the demo): scope and answer, valid from `validFrom`, open-ended. */
export interface ImportedRule {
  categoryId: string | null;
  regionId: string | null;
  leadUnitId: string;
  assistUnitIds: string[];
  deskUnitId: string | null;
  note: string | null;
}

/**
 * Writes a whole generated catalogue at once, numbered in order, each with its version 1 in the
 * history. No overlap check: the generator makes one rule per scope.
 */
export async function importRules(
  tx: Executor,
  centreId: string,
  rules: readonly ImportedRule[],
  validFrom: Date,
  byName: string,
) {
  const first = await nextRuleNo(tx, centreId);
  await insertRules(
    tx,
    rules.map((r, i) => ({
      centre_id: centreId,
      no: first + i,
      category_id: r.categoryId,
      region_id: r.regionId,
      lead_unit_id: r.leadUnitId,
      assist_unit_ids: r.assistUnitIds,
      desk_unit_id: r.deskUnitId,
      note: r.note,
      valid_from: validFrom,
      created_by: null,
      created_at: validFrom,
      updated_by: null,
      updated_at: validFrom,
    })),
  );
  const rows = await selectRulesWithNames(tx, centreId);
  await insertRuleVersions(
    tx,
    rows.map((r) => ({
      ruleId: r.id,
      version: 1,
      change: 'create' as const,
      snapshot: presentRule(r, validFrom) as unknown as Record<string, unknown>,
      by: null,
      byName,
      at: validFrom,
    })),
  );
  return rows.length;
}

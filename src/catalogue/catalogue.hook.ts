import type { IntakeHook, TransitionHook } from '../orders/order-hooks.js';
import { matchAppeal } from './catalogue-lookup.service.js';
import { findDispatchFacts, insertCatalogueDispatch, markLatestDispatchReturned } from './catalogue.repository.js';

export const AUTO_DISPATCH_TOPIC = 'catalogue.auto_dispatch' as const;

/**
 * An appeal taken by a person at the phone gets this long to be dispatched by that person (the
 * operator picks the outcome on the same screen, the catalogue's answer first); a system channel's
 * appeal (the portal) is dispatched at once (ADR 0126).
 */
export const AUTO_DISPATCH_GRACE_MS = 60_000;

/**
 * Intake: a rule that names a sub-centre desk routes the order to it when routing is on; when the
 * centre has switched auto-dispatch on and the catalogue has an exact hit (the rule names the
 * appeal's own category and region), queue the automatic dispatch. The catalogue is the
 * cached one of the version intake read anyway, so this costs no query on a warm cache.
 */
export const catalogueIntakeHook: IntakeHook = async (ctx) => {
  const { catalogue, match } = await matchAppeal(
    ctx.tx,
    {
      centreId: ctx.draft.centre_id,
      categoryId: ctx.draft.category_id,
      categoryPath: ctx.centre.categoryPath,
      regionId: ctx.draft.region_id,
      appealType: ctx.draft.appeal_type,
      text: `${ctx.draft.title}\n${ctx.draft.content}`,
      at: ctx.at,
    },
    ctx.centre.catalogueVersion,
  );
  // The rule's sub-centre holds the order (routing on): it wins over routing by region (ADR 0110), as
  // this hook's columns are merged after the desk-routing hook's (src/composition.ts).
  const desk = ctx.centre.routeToSubCentres && match?.rule.deskUnitId && match.rule.deskUnitActive ? match.rule.deskUnitId : null;
  const columns = desk
    ? {
        columns: { desk_unit_id: desk },
        eventFacts: {
          deskUnitId: desk,
          deskName: match!.rule.deskUnitName ?? '',
          routedBy: 'catalogue' as const,
          catalogueRuleNo: match!.rule.no,
        },
      }
    : {};
  if (!catalogue.autoDispatch || !match?.exact) return columns;
  const availableAt = ctx.actor.kind === 'user' ? new Date(ctx.at.getTime() + AUTO_DISPATCH_GRACE_MS) : ctx.at;
  return {
    ...columns,
    companions: (order) => ({
      outbox: [
        {
          topic: AUTO_DISPATCH_TOPIC,
          payload: { orderId: order.id, centreId: order.centre_id, ruleId: match.rule.id },
          availableAt,
          dedupeKey: `catalogue.auto_dispatch:${order.id}`,
        },
      ],
    }),
  };
};

/**
 * Dispatch: record whether it followed the catalogue's answer at that moment (the rule and its lead
 * unit), overrode it, or had none; an approved return marks the order's latest dispatch as returned.
 * These rows are the 遵循率 and 回退率 per rule of the report.
 */
export const catalogueTransitionHook: TransitionHook = async (ctx) => {
  if (ctx.action === 'approve_return') {
    await markLatestDispatchReturned(ctx.tx, ctx.before.id, ctx.at);
    return;
  }
  if (ctx.action !== 'dispatch') return;
  const o = ctx.after;
  const facts = await findDispatchFacts(ctx.tx, o.centre_id, o.category_id);
  const { match } = await matchAppeal(
    ctx.tx,
    {
      centreId: o.centre_id,
      categoryId: o.category_id,
      categoryPath: facts?.category_path ?? null,
      regionId: o.region_id,
      appealType: o.appeal_type,
      text: `${o.title}\n${o.content}`,
      at: ctx.at,
    },
    Number(facts?.catalogue_version ?? -1),
  );
  const lead = ctx.payload.leadUnitId;
  await insertCatalogueDispatch(ctx.tx, {
    centreId: o.centre_id,
    orderId: o.id,
    at: ctx.at,
    ruleId: match?.rule.id ?? null,
    suggestedUnitId: match?.rule.leadUnitId ?? null,
    leadUnitId: lead,
    outcome: !match ? 'no_rule' : match.rule.leadUnitId === lead ? 'followed' : 'overridden',
    auto: ctx.actor.systemRole === 'catalogue',
    deskUnitId: o.desk_unit_id,
  });
};

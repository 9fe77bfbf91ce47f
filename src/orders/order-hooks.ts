import type { InsertObject, Insertable } from 'kysely';
import type { AttachmentView, DeadlineView, OrderOriginView } from '../contract/orders.js';
import type { EnterpriseView } from '../contract/enterprise.js';
import type { Executor } from '../db/database.js';
import type { DB, Order } from '../db/schema.js';
import type { NewOutboxMessage } from '../outbox/outbox-topics.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import type { Actor } from '../users/roles.js';
import type { ActionPayload, OrderAction } from './order-actions.schemas.js';
import type { NewOrderInput } from './order.schemas.js';

/**
 * How capabilities plug into the order lifecycle without `orders/` knowing them (issue 12): the
 * composition root (src/composition.ts) builds one `OrderHooks` and hands it in through `OrderDeps`.
 * `orders/` imports none of the capability folders.
 */
export interface OrderHooks {
  /** Run at intake, before the new order row is written: columns and companion rows (ADR 0013). */
  readonly intake: readonly IntakeHook[];
  /** Run after every transition, inside its transaction. */
  readonly transition: readonly TransitionHook[];
  /** Read for the order page: the sections capabilities own. */
  readonly detail: OrderDetailReaders;
}

/** The deps of the functions that create or change orders: the shared deps and the hooks. */
export interface OrderDeps extends Deps {
  readonly orderHooks: OrderHooks;
}

// ---- the order page -------------------------------------------------------------------------------

/**
 * Sections of the order page that capabilities own (their tables are theirs): `orders/` reads them
 * through these ports, filled at the composition root, so the read side points down like the write side.
 */
export interface OrderDetailReaders {
  deadlines(db: Executor, orderId: string, now: Date): Promise<DeadlineView<Date>[]>;
  attachments(db: Executor, orderId: string): Promise<AttachmentView<Date>[]>;
  /** The company behind an enterprise appeal; `unitReader`: a handling unit reads (protection applies). */
  enterprise(db: Executor, orderId: string, unitReader: boolean): Promise<EnterpriseView | null>;
  /** An open-API order's client and what it sent through Open311 (src/open311); nulls for any other order. */
  openApiOrigin(
    db: Executor,
    order: Pick<Order, 'id' | 'api_client_id' | 'category_id'>,
  ): Promise<Pick<OrderOriginView<Date>, 'apiClient' | 'open311'>>;
  /** The import run that wrote an imported order (src/imports). */
  importRun(db: Executor, runId: string): Promise<OrderOriginView<Date>['importRun']>;
}

// ---- intake ---------------------------------------------------------------------------------------

/** What an intake hook knows about the order about to be written. */
export interface IntakeContext {
  readonly tx: Executor;
  readonly clock: Clock;
  readonly actor: Actor;
  readonly at: Date;
  /** The facts and text of the new order (trimmed), before its number and id exist. */
  readonly draft: Pick<
    Order,
    'centre_id' | 'category_id' | 'region_id' | 'appeal_type' | 'priority' | 'title' | 'content' | 'address'
  >;
  /** What the intake was given, for hooks that store parts of it (the enterprise identity). */
  readonly input: NewOrderInput;
  /** Read with the intake's one reference query: lets hooks skip their own reads. */
  readonly centre: {
    readonly settingsVersion: number;
    /** centres.catalogue_version: the dispatch catalogue's cache key (ADR 0125). */
    readonly catalogueVersion: number;
    /** centres.grid_version: the grid index's cache key (ADR 0185); 0 = no grid imported yet. */
    readonly gridVersion: number;
    /** Routing to sub-centres is on (ADR 0110). */
    readonly routeToSubCentres: boolean;
    readonly categoryPath: string | null;
  };
}

/** Columns of the order row a hook may compute (the row is written once). */
export type IntakeColumns = Partial<
  Pick<
    InsertObject<DB, 'orders'>,
    'search_vector' | 'deadline_stage' | 'deadline_due_at' | 'deadline_warn_at' | 'desk_unit_id' | 'grid_id' | 'window_id'
  >
>;

/** A row of another table written in the same statement as the new order's timeline event. */
export type CompanionRow = { [T in keyof DB]: { readonly table: T; readonly values: Insertable<DB[T]> } }[keyof DB];

/** What intake's routing adds to the accept event: the desk it routed the order to, and why (ADR 0193). */
export interface IntakeEventFacts {
  readonly deskUnitId: string;
  readonly deskName: string;
  readonly routedBy: 'region' | 'catalogue';
  /** The catalogue rule whose sub-centre it was. */
  readonly catalogueRuleNo?: number;
}

export interface IntakeContribution {
  readonly columns?: IntakeColumns;
  /** Facts for the accept event; merged like the columns (a later hook's win). */
  readonly eventFacts?: IntakeEventFacts;
  /** Rows and post-commit work that need the new order's id. */
  readonly companions?: (order: Order) => { rows?: readonly CompanionRow[]; outbox?: readonly NewOutboxMessage[] };
}

/** Hooks run concurrently (they only read); their columns are merged into the one INSERT. */
export type IntakeHook = (ctx: IntakeContext) => Promise<IntakeContribution>;

// ---- transitions ----------------------------------------------------------------------------------

interface TransitionFacts {
  readonly tx: Executor;
  readonly clock: Clock;
  readonly before: Order;
  readonly after: Order;
  readonly actor: Actor;
  readonly at: Date;
  /**
   * Outbox messages of this step: a hook pushes its own (e.g. post-commit work); the transition
   * writes them all in one statement after the hooks, in the same transaction.
   */
  readonly outbox: NewOutboxMessage[];
}

/** The context of one transition, discriminated on the action: `payload` has that action's type. */
export type TransitionHookContext = {
  [A in OrderAction]: TransitionFacts & { readonly action: A; readonly payload: ActionPayload<A> };
}[OrderAction];

/** A hook that changed the order row itself (e.g. the deadline summary) says so, so the caller re-reads it. */
export type TransitionHook = (ctx: TransitionHookContext) => Promise<void | 'order-updated'>;

/** Runs the hooks in order; true when one of them updated the order row. */
export async function runTransitionHooks(hooks: OrderHooks, ctx: TransitionHookContext): Promise<boolean> {
  let orderUpdated = false;
  for (const hook of hooks.transition) if ((await hook(ctx)) === 'order-updated') orderUpdated = true;
  return orderUpdated;
}

/** Runs the intake hooks concurrently and merges what they contribute. */
export async function runIntakeHooks(hooks: OrderHooks, ctx: IntakeContext) {
  const contributions = await Promise.all(hooks.intake.map((hook) => hook(ctx)));
  const columns: IntakeColumns = Object.assign({}, ...contributions.map((c) => c.columns ?? {}));
  const eventFacts: Partial<IntakeEventFacts> = Object.assign({}, ...contributions.map((c) => c.eventFacts ?? {}));
  const companions = (order: Order) => {
    const parts = contributions.map((c) => c.companions?.(order) ?? {});
    return { rows: parts.flatMap((p) => p.rows ?? []), outbox: parts.flatMap((p) => p.outbox ?? []) };
  };
  return { columns, eventFacts, companions };
}

import { checkFile, recordOrderFile, withStoredFiles, type UploadedFile } from '../attachments/order-files.js';
import { MEDIA_TYPES } from '../attachments/file-type.js';
import type { GridPersonRole, GridReportReceipt, GridReportView } from '../contract/geo.js';
import { text } from '../i18n/messages.js';
import { notify } from '../notifications/notify.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrderInTransaction } from '../orders/order-intake.service.js';
import { toWgs84 } from '../shared/coordinates.js';
import { DomainError, forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { currentGridIndex } from './grid-cache.js';
import { insertGridReport, selectPersonGrids, selectReportsBy, type PersonGrid } from './grid-report.repository.js';
import type { GridReportInput } from './grid-report.schemas.js';
import { selectGridWorkers } from './verification.repository.js';

/** Who may send the one-tap urgent report: the grid's own people, not a registered rider or reporter. */
const URGENT_ROLES: readonly GridPersonRole[] = ['worker', 'building_head', 'household_head'];
const TITLE_CHARS = 30;
const LIST_LIMIT = 50;

/** An order's title out of the reporter's words: the first line, cut at 30 characters. */
function titleOf(words: string): string {
  const line = words.trim().split(/\r?\n/)[0]!.trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS)}…` : line;
}

/**
 * The reporter's grid holding the point: of the grids that hold it (a border point: each side), the
 * first the reporter belongs to. Not registered anywhere: 403; the point outside their grids: 400
 * naming the point's field and their grids.
 */
async function reportersGrid(deps: Deps, actor: Actor, userId: string, input: GridReportInput) {
  const mine = await selectPersonGrids(deps.db, userId);
  if (mine.length === 0) throw forbidden('grid.notAGridPerson');
  const point = toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem ?? 'wgs84');
  const holding = (await currentGridIndex(deps.db, actor.centreId)).locateAll(point);
  const grid = holding.map((g) => mine.find((m) => m.grid_id === g.id)).find((m): m is PersonGrid => m !== undefined);
  if (!grid) {
    const grids = [...new Set(mine.map((m) => m.name))].join('、');
    throw new DomainError('VALIDATION', text('grid.outsideMyGrid', { grids }), { field: 'lat' });
  }
  if (input.urgent && !URGENT_ROLES.includes(grid.role)) throw forbidden('grid.urgentNotAllowed');
  return grid;
}

/**
 * 网格上报 (issue 18, ADR 0186 amendment): a grid worker or registered reporter reports an issue found
 * in their grid, with photos or short videos. It becomes an order through the normal intake (channel
 * `grid`, the point, the grid's town as region), recorded as the reporter's (created_by, the accept
 * step) under a narrow intake actor — the reporter holds `grid.report`, not `order.create`, and no
 * step of handling. The urgent variant is priority 1 and tells the grid's workers, the town's unit
 * (the grid workers' unit) and the centre's dispatchers at once.
 */
export async function submitGridReport(
  deps: Deps,
  actor: Actor,
  input: GridReportInput,
  files: readonly UploadedFile[],
): Promise<GridReportReceipt<Date>> {
  const userId = actor.userId;
  if (!can(actor, 'grid.report') || !userId) throw forbidden();
  const grid = await reportersGrid(deps, actor, userId, input);
  const at = deps.clock.now();
  const urgent = input.urgent === true;
  const checked = files.map((f) =>
    checkFile(deps.settings, f, { field: 'files', centreId: actor.centreId, at, allowed: MEDIA_TYPES }),
  );
  const workers = await selectGridWorkers(deps.db, grid.grid_id);
  const intake: Actor = {
    kind: 'system',
    userId,
    centreId: actor.centreId,
    unitId: actor.unitId,
    unitPath: actor.unitPath,
    roles: [],
    label: text('grid.reportActor', { name: actor.label }).zh,
  };
  const words = input.text.trim();
  const title = urgent ? text('grid.urgentTitle', { title: titleOf(words) }).zh : titleOf(words);
  return withStoredFiles(deps, checked, () =>
    deps.db.transaction().execute(async (tx) => {
      const order = await acceptOrderInTransaction({ tx, clock: deps.clock, hooks: deps.orderHooks }, intake, {
        channel: 'grid',
        appealType: 'help',
        categoryId: input.categoryId,
        priority: urgent ? 1 : 3,
        title,
        content: words,
        callerName: actor.label,
        regionId: grid.region_id,
        address: input.address?.trim() || text('grid.reportAddress', { grid: grid.name }).zh,
        lat: input.lat,
        lng: input.lng,
        coordSystem: input.coordSystem,
      });
      const report = await insertGridReport(tx, {
        centreId: actor.centreId,
        orderId: order.id,
        gridId: grid.grid_id,
        reporterId: userId,
        urgent,
        at,
      });
      for (const file of checked) await recordOrderFile(tx, order, file, { author: intake, userId, at });
      if (urgent)
        await notify(
          tx,
          {
            kind: 'grid.urgent',
            centreId: actor.centreId,
            orderId: order.id,
            textKey: 'notice.gridUrgent',
            vars: { grid: grid.name, reporter: actor.label, orderNo: order.order_no, excerpt: titleOf(words) },
            audience: {
              userIds: workers.map((w) => w.user_id!).filter((id) => id !== userId),
              unitId: workers[0]?.unit_id ?? actor.unitId,
              centreRoles: ['dispatcher'],
            },
            sourceKey: `grid-urgent:${report.id}`,
          },
          at,
        );
      return { id: report.id, orderNo: order.order_no, gridName: grid.name, urgent, files: checked.length, createdAt: at };
    }),
  );
}

/** 我的上报: the reporter's own reports and how far each order has come (its state, nothing more). */
export async function listMyGridReports(deps: Deps, actor: Actor): Promise<{ items: GridReportView<Date>[] }> {
  if (!can(actor, 'grid.report') || !actor.userId) throw forbidden();
  const rows = await selectReportsBy(deps.db, actor.centreId, actor.userId, LIST_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      title: r.title,
      gridName: r.grid_name,
      urgent: r.urgent,
      orderState: r.state,
      createdAt: r.created_at,
    })),
  };
}

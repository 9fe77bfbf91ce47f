import { centreTimeZone } from '../shared/time-zone.js';
import { findCentre } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { orderCsvHeader, orderCsvRow } from './order-export.csv.js';
import { listOrdersForExport, logPiiExport, type ExportCursor } from './order-export.repository.js';
import { listFilterFromQuery, requirePhoneFilterAllowed } from './order-query.service.js';
import { actorScope } from '../users/actor-scope.js';
import type { OrderListQuery } from './order.schemas.js';

const PAGE_SIZE = 500;

export interface OrderCsvExport {
  /** The CSV text in chunks (header first), read page by page from the database as it is consumed. */
  chunks: AsyncGenerator<string>;
  unmasked: boolean;
}

/**
 * CSV export of the order list with the same filters and visibility as GET /api/orders. Caller
 * identity is masked unless the actor holds pii.read; every unmasked order is written to
 * pii_access_log as its page is sent. Authorization happens here, before the first byte.
 */
export async function exportOrdersCsv(
  deps: Deps,
  actor: Actor,
  query: Omit<OrderListQuery, 'limit' | 'offset'>,
  options: { pageSize?: number } = {},
): Promise<OrderCsvExport> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  if (!can(actor, 'order.read')) throw forbidden();
  requirePhoneFilterAllowed(actor, query);
  const centre = await findCentre(deps.db, actor.centreId);
  const timeZone = centreTimeZone(centre?.timezone);
  const unmasked = can(actor, 'pii.read');
  const scope = actorScope(actor);
  const filter = listFilterFromQuery(query, deps.clock.now());
  async function* chunks(): AsyncGenerator<string> {
    yield orderCsvHeader();
    let cursor: ExportCursor | null = null;
    for (;;) {
      const rows = await listOrdersForExport(deps.db, scope, filter, cursor, pageSize);
      if (rows.length === 0) return;
      if (unmasked) {
        const withIdentity = rows.filter((o) => o.caller_name || o.caller_phone).map((o) => o.id);
        await logPiiExport(deps.db, { userId: actor.userId, orderIds: withIdentity, at: deps.clock.now() });
      }
      yield rows.map((o) => orderCsvRow(o, { unmasked, timeZone })).join('');
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      cursor = { acceptedAt: last.accepted_at, id: last.id };
    }
  }
  return { chunks: chunks(), unmasked };
}

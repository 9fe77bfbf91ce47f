import { centreTimeZone } from '../shared/time-zone.js';
import { findCentre } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { csvLine, orderCsvHeader, orderCsvRow } from './order-export.csv.js';
import { listOrdersForExport, logPiiExport, type ExportCursor } from './order-export.repository.js';
import { guardPhoneLookup, listFilterFromQuery } from './order-query.service.js';
import { logPhoneLookup } from '../accesslog/pii-access-log.repository.js';
import { localTime } from './order-export.csv.js';
import { text } from '../i18n/messages.js';
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
 * pii_access_log as its page is sent. Authorization happens here, before the first byte. Confidential
 * callers stay masked for everyone, and the last line names who exported the file and when.
 */
export async function exportOrdersCsv(
  deps: Deps,
  actor: Actor,
  query: Omit<OrderListQuery, 'limit' | 'offset'>,
  options: { pageSize?: number; exportedBy?: string } = {},
): Promise<OrderCsvExport> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  if (!can(actor, 'order.read')) throw forbidden();
  await guardPhoneLookup(deps, actor, query.callerPhone);
  const centre = await findCentre(deps.db, actor.centreId);
  const timeZone = centreTimeZone(centre?.timezone);
  const unmasked = can(actor, 'pii.read');
  const scope = actorScope(actor);
  const filter = listFilterFromQuery(query, deps.clock.now());
  const startedAt = deps.clock.now();
  // Who exported it and when, as the file's last line: a copy that leaves the building names its source.
  const watermark = text('export.watermark', {
    who: options.exportedBy ?? actor.label,
    at: localTime(startedAt, timeZone) ?? '',
  });
  async function* chunks(): AsyncGenerator<string> {
    yield orderCsvHeader();
    let cursor: ExportCursor | null = null;
    const found: string[] = [];
    for (;;) {
      const rows = await listOrdersForExport(deps.db, scope, filter, cursor, pageSize);
      if (filter.callerPhone) found.push(...rows.map((o) => o.id));
      if (unmasked) {
        // A confidential caller stays masked in a file, whoever exports it (the detail view shows it).
        const withIdentity = rows.filter((o) => !o.caller_confidential && (o.caller_name || o.caller_phone)).map((o) => o.id);
        await logPiiExport(deps.db, { userId: actor.userId, orderIds: withIdentity, at: deps.clock.now() });
      }
      if (rows.length > 0) yield rows.map((o) => orderCsvRow(o, { unmasked, timeZone })).join('');
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      cursor = { acceptedAt: last.accepted_at, id: last.id };
    }
    if (filter.callerPhone) {
      await logPhoneLookup(deps.db, {
        userId: actor.userId,
        orderIds: found,
        at: startedAt,
        purpose: 'order.export.callerPhone',
      });
    }
    yield csvLine([watermark.zh, watermark.en]);
  }
  return { chunks: chunks(), unmasked };
}

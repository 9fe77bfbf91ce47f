import { listPiiAccess, logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { auditActionName } from '../contract/audit-labels.js';
import { csvLine, UTF8_BOM } from '../orders/order-export.csv.js';
import type { AuditEntryView, AuditSearchView } from '../contract/audit.js';
import { searchAuditLog } from './audit-search.repository.js';
import { findOrderByIdOrNo } from '../orders/order.repository.js';
import type { Deps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';

/** The personal-data access log of one order of the auditor's centre. */
export async function loadVisibleOrderForAudit(deps: Deps, actor: Actor, idOrNo: string) {
  const order = await findOrderByIdOrNo(deps.db, { centreId: actor.centreId, unitPath: null }, idOrNo);
  if (!order) throw notFound('order');
  return { orderId: order.id, orderNo: order.order_no, entries: await listPiiAccess(deps.db, order.id) };
}

const PAGE = 200;
const EXPORT_MAX = 100_000;

export interface AuditQuery {
  person?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: number;
}

const toEntry = (r: Awaited<ReturnType<typeof searchAuditLog>>[number]): AuditEntryView<Date> => ({
  id: Number(r.id),
  at: new Date(r.at),
  username: r.username,
  displayName: r.display_name,
  action: r.purpose,
  fields: r.fields,
  orderNo: r.order_no,
  subject: r.subject,
  detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown> | null,
  chainSeq: r.chain_seq === null ? null : Number(r.chain_seq),
});

const search = (actor: Actor, q: AuditQuery, limit: number) => ({
  centreId: actor.centreId,
  person: q.person?.trim() || undefined,
  action: q.action?.trim() || undefined,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
  beforeId: q.beforeId,
  limit,
});

/** The audit administrator's search of the centre's trail by person, action and time, newest first. */
export async function searchAudit(deps: Deps, actor: Actor, q: AuditQuery): Promise<AuditSearchView<Date>> {
  const rows = await searchAuditLog(deps.db, search(actor, q, PAGE + 1));
  return { entries: rows.slice(0, PAGE).map(toEntry), more: rows.length > PAGE };
}

/** The same search as CSV (UTF-8 with BOM); the export itself is a row of the trail. */
export async function exportAuditCsv(deps: Deps, actor: Actor, q: AuditQuery): Promise<string> {
  const rows = (await searchAuditLog(deps.db, search(actor, q, EXPORT_MAX))).map(toEntry);
  await logPiiAccess(deps.db, {
    userId: actor.userId,
    orderId: null,
    centreId: actor.centreId,
    fields: [],
    purpose: 'audit.export',
    at: deps.clock.now(),
    detail: { rows: rows.length, filter: { ...q } },
  });
  const head = [
    '时间 time (UTC)',
    '用户 user',
    '姓名 name',
    '动作 action',
    '动作名称 action name',
    '字段 fields',
    '工单 order',
    '对象 subject',
    '详情 detail',
    '链序号 chain seq',
  ];
  const lines = rows.map((e) =>
    csvLine([
      e.at.toISOString(),
      e.username,
      e.displayName,
      e.action,
      auditActionName(e.action, 'zh'),
      e.fields.join(' '),
      e.orderNo,
      e.subject,
      e.detail ? JSON.stringify(e.detail) : null,
      e.chainSeq,
    ]),
  );
  return UTF8_BOM + csvLine(head) + lines.join('');
}

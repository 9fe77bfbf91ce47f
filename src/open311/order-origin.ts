import type { Open311AttributeView, OrderOriginView } from '../contract/orders.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { findOpenApiOrigin, listCategoryAttributes } from './open311.repository.js';

type Sent = Record<string, string | string[]>;

/**
 * The attributes as the category's service definition names them (描述 and list names). Attributes
 * outside the definition (FixMyStreet sends its own, some with the reporter's details) are not shown:
 * only what the centre asked for is vetted for every reader of the order.
 */
function namedAttributes(sent: Sent, defs: { code: string; description: string; values: unknown }[]): Open311AttributeView[] {
  return defs
    .filter((d) => sent[d.code] !== undefined)
    .map((d) => {
      const names = new Map(((d.values ?? []) as { key: string; name: string }[]).map((v) => [v.key, v.name]));
      const given = sent[d.code]!;
      return {
        code: d.code,
        label: d.description,
        values: (Array.isArray(given) ? given : [given]).map((v) => names.get(v) ?? v),
      };
    });
}

/** The order page's origin of an open-API order (OrderDetailReaders.openApiOrigin, wired in composition.ts). */
export async function readOpenApiOrigin(
  db: Executor,
  order: Pick<Order, 'id' | 'api_client_id' | 'category_id'>,
): Promise<Pick<OrderOriginView<Date>, 'apiClient' | 'open311'>> {
  if (!order.api_client_id) return { apiClient: null, open311: null };
  const row = await findOpenApiOrigin(db, order.id, order.api_client_id);
  if (!row) return { apiClient: null, open311: null };
  const apiClient = { id: row.id, name: row.name };
  if (row.attributes === null) return { apiClient, open311: null };
  const defs = order.category_id ? await listCategoryAttributes(db, order.category_id) : [];
  return {
    apiClient,
    open311: {
      attributes: namedAttributes((row.attributes ?? {}) as Sent, defs),
      mediaUrl: row.media_url,
      externalId: row.external_id,
    },
  };
}

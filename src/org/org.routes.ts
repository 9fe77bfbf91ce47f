import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requirePermission } from '../http/auth.js';
import { listCategories, listRegions } from './catalog.repository.js';
import { listUnits } from './unit.repository.js';

/** Reference data every screen needs: the unit tree, the category tree, the regions. */
export const orgRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get('/api/units', { schema: { tags: ['org'], summary: '单位树 / unit tree' } }, async (request) => {
    const actor = requirePermission(request, 'catalog.read');
    const units = await listUnits(deps.db, actor.centreId);
    return {
      items: units.map((u) => ({ id: u.id, parentId: u.parent_id, code: u.code, name: u.name, kind: u.kind, active: u.active })),
    };
  });

  app.get('/api/categories', { schema: { tags: ['org'], summary: '诉求分类 / categories' } }, async (request) => {
    const actor = requirePermission(request, 'catalog.read');
    const rows = await listCategories(deps.db, actor.centreId);
    return {
      items: rows.map((c) => ({
        id: c.id,
        parentId: c.parent_id,
        code: c.code,
        name: c.name,
        level: c.level,
        active: c.active,
        aliases: c.aliases,
      })),
    };
  });

  app.get('/api/regions', { schema: { tags: ['org'], summary: '区域 / regions' } }, async (request) => {
    const actor = requirePermission(request, 'catalog.read');
    const rows = await listRegions(deps.db, actor.centreId);
    return { items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, code: r.code, name: r.name, level: r.level })) };
  });
};

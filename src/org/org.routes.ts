import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requirePermission } from '../http/auth.js';
import { listCategories, listRegions } from './catalog.repository.js';
import { listUnits } from './unit.repository.js';
import { presentCategory, presentRegion, presentUnit } from './org.presenter.js';
import { CategoryTreeSchema, RegionTreeSchema, UnitTreeSchema } from './org.schemas.js';

/** Reference data every screen needs: the unit tree, the category tree, the regions. */
export const orgRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/units',
    { schema: { tags: ['org'], summary: '单位树 / unit tree', response: { 200: UnitTreeSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'catalog.read');
      const units = await listUnits(deps.db, actor.centreId);
      return {
        items: units.map(presentUnit),
      };
    },
  );

  app.get(
    '/api/categories',
    { schema: { tags: ['org'], summary: '诉求分类 / categories', response: { 200: CategoryTreeSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'catalog.read');
      const rows = await listCategories(deps.db, actor.centreId);
      return {
        items: rows.map(presentCategory),
      };
    },
  );

  app.get(
    '/api/regions',
    { schema: { tags: ['org'], summary: '区域 / regions', response: { 200: RegionTreeSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'catalog.read');
      const rows = await listRegions(deps.db, actor.centreId);
      return { items: rows.map(presentRegion) };
    },
  );
};

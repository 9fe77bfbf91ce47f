import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import {
  GridImportBody,
  GridImportResultSchema,
  GridListQuery,
  GridListSchema,
  GridLocateSchema,
  GridShapesQuery,
  GridShapesSchema,
  GridVersionsSchema,
  LocateQuery,
} from './grid.schemas.js';
import { gridShapes, gridVersions, importGrids, listGrids, locatePoint } from './grid.service.js';

const tags = ['grids'];

/** 网格: import (GeoJSON, versioned), list, outlines for the map, point → grid (ADR 0185). */
export const gridRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/grids/import',
    {
      // A county's grids in one file: up to 50 MB of GeoJSON.
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags,
        summary: '导入网格 / import grids (GeoJSON)',
        body: GridImportBody,
        response: { 200: GridImportResultSchema },
      },
    },
    async (request) => importGrids(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/grids',
    { schema: { tags, summary: '网格列表 / grids', querystring: GridListQuery, response: { 200: GridListSchema } } },
    async (request) => listGrids(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/grids/shapes',
    {
      schema: {
        tags,
        summary: '网格边界 / grid outlines (WGS-84)',
        querystring: GridShapesQuery,
        response: { 200: GridShapesSchema },
      },
    },
    async (request) => gridShapes(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/grids/locate',
    {
      schema: {
        tags,
        summary: '坐标所属网格 / the grid of a point',
        querystring: LocateQuery,
        response: { 200: GridLocateSchema },
      },
    },
    async (request) => locatePoint(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/grids/:id/versions',
    { schema: { tags, summary: '网格版本 / versions of a grid', params: IdParam, response: { 200: GridVersionsSchema } } },
    async (request) => gridVersions(deps, requireActor(request), request.params.id),
  );
};

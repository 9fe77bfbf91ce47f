import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { text } from '../i18n/messages.js';
import { formChecker, fromForm, readFormParts } from '../shared/form-input.js';
import { IdParam } from '../shared/schema.js';
import { GRID_FILE_MAX_BYTES } from './grid-file.js';
import {
  GridCreateBody,
  GridEditAnswerSchema,
  GridEditBody,
  GridImportBody,
  GridMergeBody,
  GridPeopleSchema,
  GridPersonBody,
  GridPersonParams,
  GridSplitBody,
  GridImportFileFields,
  GridImportFileResultSchema,
  type GridImportFileFieldsInput,
  GridImportResultSchema,
  GridListQuery,
  GridListSchema,
  GridLocateSchema,
  GridShapesQuery,
  GridShapesSchema,
  GridVersionsSchema,
  LocateQuery,
} from './grid.schemas.js';
import { addGridPerson, listGridPeople, removeGridPerson } from './grid-people.service.js';
import { createGrid, editGrid, mergeGrids, splitGrid } from './grid-edit.service.js';
import { gridShapes, gridVersions, importGridFile, importGrids, listGrids, locatePoint } from './grid.service.js';

const checkFileFields = formChecker<GridImportFileFieldsInput>(GridImportFileFields);
const FILE_FORM = {
  booleans: new Set(['replace']),
  numbers: new Set<string>(),
  optionalText: new Set(['coordSystem', 'codeField', 'nameField', 'regionField', 'region', 'encoding']),
};

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
  app.post(
    '/api/grids/import/file',
    {
      bodyLimit: GRID_FILE_MAX_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: '导入网格文件：GeoJSON、Shapefile（zip）或 KML/KMZ（multipart：file 及可选字段）/ import a grid file',
        consumes: ['multipart/form-data'],
        response: { 200: GridImportFileResultSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { fields, files } = await readFormParts(request, {
        fileField: 'file',
        maxFiles: 1,
        maxBytes: GRID_FILE_MAX_BYTES,
        tooMany: () => invalidField('file', 'one file'),
        tooLarge: () => new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: '50 MB' }), { field: 'file' }),
      });
      const file = files[0];
      if (!file) throw invalidField('file');
      const f = checkFileFields(fromForm(fields, FILE_FORM));
      return importGridFile(deps, actor, {
        fileName: file.fileName,
        bytes: new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength),
        replace: f.replace,
        coordSystem: f.coordSystem,
        encoding: f.encoding,
        region: f.region,
        fields: { code: f.codeField, name: f.nameField, region: f.regionField },
      });
    },
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
  // 网格编辑 (ADR 0207): each a new version of the grids it touches, audited as an administrative act.
  app.post(
    '/api/grids',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, summary: '绘制网格 / draw a grid', body: GridCreateBody, response: { 200: GridEditAnswerSchema } },
    },
    async (request) => createGrid(deps, requireActor(request), request.body),
  );
  app.patch(
    '/api/grids/:id',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: '编辑网格（名称、所属街道、边界、停用）/ edit a grid',
        params: IdParam,
        body: GridEditBody,
        response: { 200: GridEditAnswerSchema },
      },
    },
    async (request) => editGrid(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/grids/:id/split',
    {
      schema: {
        tags,
        summary: '按分割线拆分网格 / split a grid by a line',
        params: IdParam,
        body: GridSplitBody,
        response: { 200: GridEditAnswerSchema },
      },
    },
    async (request) => splitGrid(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/grids/:id/merge',
    {
      schema: {
        tags,
        summary: '合并相邻网格 / merge a neighbouring grid into this one',
        params: IdParam,
        body: GridMergeBody,
        response: { 200: GridEditAnswerSchema },
      },
    },
    async (request) => mergeGrids(deps, requireActor(request), request.params.id, request.body),
  );
  // 网格人员 (ADR 0186): grid workers, building/household heads and reporters of a grid.
  app.get(
    '/api/grids/:id/people',
    { schema: { tags, summary: '网格人员 / the people of a grid', params: IdParam, response: { 200: GridPeopleSchema } } },
    async (request) => listGridPeople(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/grids/:id/people',
    {
      schema: {
        tags,
        summary: '登记网格人员 / attach a person to a grid',
        params: IdParam,
        body: GridPersonBody,
        response: { 200: GridPeopleSchema },
      },
    },
    async (request) => addGridPerson(deps, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/grids/:id/people/:personId',
    {
      schema: {
        tags,
        summary: '移出网格人员 / a person leaves a grid',
        params: GridPersonParams,
        response: { 200: GridPeopleSchema },
      },
    },
    async (request) => removeGridPerson(deps, requireActor(request), request.params.id, request.params.personId),
  );
  app.get(
    '/api/grids/:id/versions',
    { schema: { tags, summary: '网格版本 / versions of a grid', params: IdParam, response: { 200: GridVersionsSchema } } },
    async (request) => gridVersions(deps, requireActor(request), request.params.id),
  );
};

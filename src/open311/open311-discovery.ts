import type { FastifyRequest } from 'fastify';
import type { Open311Value } from './open311-format.js';

/** When this endpoint's interface last changed (sortable, as discovery asks). */
export const OPEN311_CHANGESET = '2026-12-07T00:00:00Z';
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const FORMATS = ['text/xml', 'application/json'];

/**
 * Service discovery: this server's base URL as the client reached it, as the production endpoint and
 * (the same server; SeeClickFix's validator asks for two) the test endpoint.
 */
export function discoveryDocument(request: FastifyRequest, centres: { code: string; name: string }[]): Open311Value {
  const url = `${request.protocol}://${request.host}/open311/v2`;
  const endpoint = (type: 'production' | 'test') => ({
    specification: SPEC,
    url,
    changeset: OPEN311_CHANGESET,
    type,
    formats: FORMATS,
  });
  return {
    changeset: OPEN311_CHANGESET,
    contact: `${centres.map((c) => `${c.name}（jurisdiction_id=${c.code}）`).join('；')} 12345 政务服务便民热线`,
    key_service: '接口密钥由热线中心系统管理员在“接口客户端”页面签发 / API keys are issued by the centre’s system administrator',
    endpoints: [endpoint('production'), endpoint('test')],
  };
}

import { requirePiiKeyring } from '../../src/db/pii-columns.plugin.js';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ env: { LIANXIN_ATTACHMENT_MAX_BYTES: '1000' } });
let handler: Client;
let otherUnit: Client;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipart(fileName: string, type: string, data: Buffer) {
  const boundary = '----lianxin' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  handler = await asUser(app, w, 'unit_handler');
  otherUnit = await asUser(app, w, 'handlerB');
});

async function dispatchedOrder() {
  const o = await newOrder(w);
  return act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
}

describe('attachments', () => {
  it('stores a photo on disk, records it in the timeline, and serves it back to the unit', async () => {
    const o = await dispatchedOrder();
    const res = await handler.request({
      method: 'POST',
      url: `/api/orders/${o.id}/attachments`,
      ...multipart('现场照片.png', 'image/png', PNG),
    });
    expect(res.statusCode).toBe(201);
    const { id, contentType, sizeBytes } = res.json();
    expect(contentType).toBe('image/png');
    expect(sizeBytes).toBe(PNG.length);
    const row = await w.deps.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // Sealed on disk (ADR 0172): not the upload's bytes, which the keyring gives back.
    const onDisk = fs.readFileSync(path.join(w.deps.dataDir, row.storage_key));
    expect(onDisk.equals(PNG)).toBe(false);
    expect(requirePiiKeyring(w.deps.db).openBytes(onDisk).equals(PNG)).toBe(true);
    const download = await handler.get(`/api/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'));
    const events = (await handler.get(`/api/orders/${o.id}/timeline`)).json().events;
    expect(events.at(-1)).toMatchObject({ action: 'attach' });
    expect((await otherUnit.get(`/api/attachments/${id}`)).statusCode).toBe(404);
  });

  it('names a GIF/HTML polyglot by its real type: poly.html is stored and downloaded as poly.gif (issue 15)', async () => {
    const o = await dispatchedOrder();
    const polyglot = Buffer.from('GIF89a/*<html><script>alert(document.cookie)</script></html>*/');
    const res = await handler.request({
      method: 'POST',
      url: `/api/orders/${o.id}/attachments`,
      ...multipart('poly.html', 'text/html', polyglot),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/gif', fileName: 'poly.gif' });
    const download = await handler.get(`/api/attachments/${res.json().id}`);
    expect(download.headers['content-type']).toBe('image/gif');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''poly.gif");
    expect(download.headers['content-disposition']).not.toContain('.html');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses files whose bytes are not an allowed type, whatever their label says', async () => {
    const o = await dispatchedOrder();
    const fake = multipart('photo.png', 'image/png', Buffer.from('MZ this is a windows program'));
    const res = await handler.request({ method: 'POST', url: `/api/orders/${o.id}/attachments`, ...fake });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await w.deps.db.selectFrom('attachments').selectAll().where('order_id', '=', o.id).execute()).toHaveLength(0);
  });

  it('refuses files over the size limit', async () => {
    const o = await dispatchedOrder();
    const big = Buffer.concat([PNG, Buffer.alloc(2000, 7)]);
    const res = await handler.request({
      method: 'POST',
      url: `/api/orders/${o.id}/attachments`,
      ...multipart('big.png', 'image/png', big),
    });
    expect(res.statusCode).toBe(413);
    expect(await w.deps.db.selectFrom('attachments').selectAll().where('order_id', '=', o.id).execute()).toHaveLength(0);
  });

  it('does not let another unit attach to an order it cannot see', async () => {
    const o = await dispatchedOrder();
    const res = await otherUnit.request({
      method: 'POST',
      url: `/api/orders/${o.id}/attachments`,
      ...multipart('a.png', 'image/png', PNG),
    });
    expect(res.statusCode).toBe(404);
  });
});

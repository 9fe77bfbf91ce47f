import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { IN_V1, heic, importTwoGrids, joinGrid, jpeg, mkv, mov, mp4, multipart, png, webm } from '../helpers/grid-world.js';
import { useApp } from '../helpers/use-world.js';

// Issue 18: short videos recognised from their bytes (MP4/MOV ftyp box, WebM EBML header) under their
// own size limit; the photo a grid worker takes on site, uploaded through the task and named on the answer.
const { database, w, app } = useApp({
  start: '2025-03-03T02:00:00Z',
  env: { LIANXIN_ATTACHMENT_MAX_BYTES: '1000', LIANXIN_VIDEO_MAX_BYTES: '5000' },
});
let handler: Client;
let dispatcher: Client;
let worker: Client;

const file = (fileName: string, type: string, data: Buffer) => multipart({}, [{ name: 'file', fileName, type, data }]);

beforeAll(async () => {
  const grids = await importTwoGrids(database, w, await asUser(app, w, 'admin'));
  await joinGrid(database, w, grids.v1, 'gridworker', 'worker');
  handler = await asUser(app, w, 'unit_handler');
  dispatcher = await asUser(app, w, 'dispatcher');
  worker = await asUser(app, w, 'gridworker');
});

async function dispatchedOrder() {
  const o = await newOrder(w);
  return act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
}

describe('videos', () => {
  it('accepts MP4, MOV and WebM by their bytes, up to the video limit (beyond the attachment one)', async () => {
    const o = await dispatchedOrder();
    const cases: [string, Buffer, string, string][] = [
      ['clip.bin', mp4(3000), 'video/mp4', 'clip.mp4'],
      ['IMG_0001.MOV', mov(4000), 'video/quicktime', 'IMG_0001.MOV'],
      ['record.webm', webm(2000), 'video/webm', 'record.webm'],
    ];
    for (const [name, data, type, stored] of cases) {
      const res = await handler.request({
        method: 'POST',
        url: `/api/orders/${o.id}/attachments`,
        ...file(name, 'application/octet-stream', data),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ contentType: type, sizeBytes: data.length });
      expect(res.json().fileName.toLowerCase()).toBe(stored.toLowerCase());
    }
  });

  it('refuses an oversized video, an oversized photo and other types, naming the field and storing nothing', async () => {
    const o = await dispatchedOrder();
    const post = (name: string, type: string, data: Buffer) =>
      handler.request({ method: 'POST', url: `/api/orders/${o.id}/attachments`, ...file(name, type, data) });
    const bigVideo = await post('long.mp4', 'video/mp4', mp4(6000));
    expect(bigVideo.statusCode).toBe(413);
    expect(bigVideo.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    // A photo keeps the attachment limit, though a video of its size would pass.
    const bigPhoto = await post('big.png', 'image/png', png(3000));
    expect(bigPhoto.statusCode).toBe(413);
    expect(bigPhoto.json().error.field).toBe('file');
    for (const [name, data] of [
      ['photo.heic', heic()],
      ['film.mkv', mkv()],
      ['clip.mp4', Buffer.from('MZ this is a windows program, named as a video')],
    ] as const) {
      const res = await post(name, 'video/mp4', data);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
    }
    expect(await database.db.selectFrom('attachments').selectAll().where('order_id', '=', o.id).execute()).toHaveLength(0);
  });

  it('holds a grid report’s video to the video limit, naming the field', async () => {
    const res = await worker.request({
      method: 'POST',
      url: '/api/grid-reports',
      ...multipart({ text: '河道漂浮垃圾', lat: String(IN_V1.lat), lng: String(IN_V1.lng) }, [
        { name: 'files', fileName: 'river.mp4', type: 'video/mp4', data: mp4(6000) },
      ]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.field).toBe('files');
  });
});

describe('the photo of an on-site verification', () => {
  async function pendingTask() {
    const order = await newOrder(w, { lat: IN_V1.lat, lng: IN_V1.lng, address: '某小区 5 号楼' });
    const r = await dispatcher.post(`/api/orders/${order.id}/verification`, { note: '请核实' });
    expect(r.statusCode, r.body).toBe(201);
    return { order, task: r.json() as { id: string } };
  }

  it('is uploaded through the task by its grid worker, stored on the order, and named on the answer', async () => {
    const { order, task } = await pendingTask();
    const photo = jpeg(600);
    // Only the task's grid worker uploads through the task.
    const stranger = await handler.request({
      method: 'POST',
      url: `/api/verification-tasks/${task.id}/photo`,
      ...file('a.jpg', 'image/jpeg', photo),
    });
    expect(stranger.statusCode).toBe(403);
    const up = await worker.request({
      method: 'POST',
      url: `/api/verification-tasks/${task.id}/photo`,
      ...file('现场.jpg', 'image/jpeg', photo),
    });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id as string;
    w.clock.advance(20 * 60_000);
    const answered = await worker.post(`/api/verification-tasks/${task.id}/answer`, {
      result: 'confirmed',
      note: '现场属实',
      lat: IN_V1.lat + 0.0001,
      lng: IN_V1.lng,
      photoId,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ photoId, far: false, result: 'confirmed' });
    const row = await database.db
      .selectFrom('verification_tasks')
      .select('photo_id')
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row.photo_id).toBe(photoId);
    const event = await database.db
      .selectFrom('order_events')
      .select('payload')
      .where('order_id', '=', order.id)
      .where('action', '=', 'verify_answer')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ photoId, far: false });
    // The centre sees it on the order and downloads the very bytes.
    const onOrder = (await dispatcher.get(`/api/orders/${order.id}/verification-tasks`)).json().items;
    expect(onOrder[0].photoId).toBe(photoId);
    const download = await dispatcher.get(`/api/attachments/${photoId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(photo)).toBe(true);
    // Answered: no more photos through the task.
    const late = await worker.request({
      method: 'POST',
      url: `/api/verification-tasks/${task.id}/photo`,
      ...file('b.jpg', 'image/jpeg', photo),
    });
    expect(late.statusCode).toBe(409);
  });

  it('refuses a photo of another order and a file that is no photo, naming the field', async () => {
    const { task } = await pendingTask();
    const other = await pendingTask();
    const up = await worker.request({
      method: 'POST',
      url: `/api/verification-tasks/${other.task.id}/photo`,
      ...file('x.png', 'image/png', png()),
    });
    expect(up.statusCode).toBe(201);
    const wrong = await worker.post(`/api/verification-tasks/${task.id}/answer`, { result: 'confirmed', photoId: up.json().id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('photoId');
    const pdf = await worker.request({
      method: 'POST',
      url: `/api/verification-tasks/${task.id}/photo`,
      ...file('x.pdf', 'application/pdf', Buffer.from('%PDF-1.4 not a photo')),
    });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.field).toBe('file');
  });

  it('answers without a position when the phone gave none: no point, no distance, not flagged', async () => {
    const { order, task } = await pendingTask();
    const half = await worker.post(`/api/verification-tasks/${task.id}/answer`, { result: 'not_confirmed', lat: 43.95 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.field).toBe('lng');
    const r = await worker.post(`/api/verification-tasks/${task.id}/answer`, { result: 'not_confirmed', note: '定位被拒绝' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ answerPoint: null, distanceMetres: null, far: null, photoId: null });
    const event = await database.db
      .selectFrom('order_events')
      .select('payload')
      .where('order_id', '=', order.id)
      .where('action', '=', 'verify_answer')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ lat: null, lng: null, distanceMetres: null, far: false });
  });
});

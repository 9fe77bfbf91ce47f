import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { up as sealPersonalData } from '../../src/db/migrations/0801_seal_personal_data.js';
import { piiKeyringOf } from '../../src/db/pii-columns.plugin.js';
import { reindexAllRows, rewrapAllRows, type ReindexProgress } from '../../src/db/pii-rewrap.js';
import { countValuesByKey } from '../../src/db/pii-rewrap.repository.js';
import { openScratchDatabase } from '../../src/db/scratch-database.js';
import { findDuplicates } from '../../src/duplicates/duplicate.service.js';
import { listOrdersFor } from '../../src/orders/order-query.service.js';
import { recordCallEvent } from '../../src/calls/call.service.js';
import { getScreenPop } from '../../src/calls/screen-pop.service.js';
import { insertOtpCode, listAppealsByPhone } from '../../src/portal/portal-otp.repository.js';
import { setPendingTotpSecret } from '../../src/users/totp.repository.js';
import { actorScope } from '../../src/users/actor-scope.js';
import { generateKeyData, newKeyBytes, newKeyId, PiiKeyring, type PiiKeyData } from '../../src/shared/pii-keyring.js';
import { addAttachment, openAttachment } from '../../src/attachments/attachment.service.js';
import { countFilesByKey, rewrapAttachmentFiles } from '../../src/attachments/attachment-files.js';
import fs from 'node:fs';
import path from 'node:path';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { newOrder } from '../helpers/orders.js';

// Issue 15 (ADRs 0170, 0171): callers' names, phones and addresses (and every other copy: call
// records, the portal's one-time-code phones, TOTP secrets) are sealed with AES-256-GCM at rest; exact
// look-ups go through an HMAC blind index; a rotation re-keys every row, after which the old key can go.
// On PGlite, and on PostgreSQL with TEST_DATABASE_URL.

const PHONE = '13987654321';
const NAME = '王小明';
const ADDRESS = '锡林浩特市额尔敦路18号';

// The keys as a key file would hold them; the keyring re-reads them the way a server re-reads its file.
let keyData: PiiKeyData = generateKeyData(new Date('2026-12-01T00:00:00Z'));
const keyring = new PiiKeyring(keyData, () => keyData);
let database: Database;
let w: World;

beforeAll(async () => {
  database = await openScratchDatabase(process.env.TEST_DATABASE_URL, 'lianxin_test', 8, keyring);
  w = await buildWorld(database);
}, 180_000);
afterAll(async () => database?.close());

const raw = () => database.db.withoutPlugins();
const rawOrder = (id: string) =>
  raw()
    .selectFrom('orders')
    .select([
      'caller_name',
      'caller_phone',
      'address',
      sql<string>`caller_phone_bidx`.as('phone_index'),
      sql<string>`address_bidx`.as('address_index'),
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('personal data sealed at rest', () => {
  it('an order is stored sealed and read back in plain text; the stored row holds no name, phone or address', async () => {
    const o = await newOrder(w, { callerName: NAME, callerPhone: '139-8765-4321', address: ADDRESS });
    expect([o.caller_name, o.caller_phone, o.address]).toEqual([NAME, PHONE, ADDRESS]);
    const stored = await rawOrder(o.id);
    for (const v of [stored.caller_name, stored.caller_phone, stored.address]) expect(v).toMatch(/^lx1:k[0-9a-f]+:/);
    const text = JSON.stringify(stored);
    for (const secret of [NAME, PHONE, '87654321', ADDRESS, '额尔敦路']) expect(text).not.toContain(secret);
    expect(stored.phone_index).toBe(keyring.blindIndex('phone', PHONE));
    // Sealing the same value twice gives different ciphertexts (random IV): no equality leaks from the column.
    const again = await rawOrder((await newOrder(w, { callerPhone: PHONE })).id);
    expect(again.caller_phone).not.toBe(stored.caller_phone);
    expect(again.phone_index).toBe(stored.phone_index);
    // Through the ordinary connection the row reads in plain text.
    const read = await database.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect([read.caller_name, read.caller_phone, read.address]).toEqual([NAME, PHONE, ADDRESS]);
  });

  it('a tampered ciphertext is refused, never read as something else', async () => {
    const o = await newOrder(w, { callerName: '篡改测试' });
    const caller_name = (await rawOrder(o.id)).caller_name!;
    const flipped = caller_name.slice(0, -3) + (caller_name.at(-3) === 'A' ? 'B' : 'A') + caller_name.slice(-2);
    await raw().updateTable('orders').set({ caller_name: flipped }).where('id', '=', o.id).execute();
    await expect(database.db.selectFrom('orders').select('caller_name').where('id', '=', o.id).execute()).rejects.toThrow();
    await raw().updateTable('orders').set({ caller_name }).where('id', '=', o.id).execute();
  });

  it('the phone filter, duplicate detection, the portal look-up and the screen-pop find the caller by the blind index', async () => {
    const phone = '13700001111';
    const first = await newOrder(w, { callerPhone: phone, address: '宝昌镇幸福路1号', title: '路灯不亮' });
    const second = await newOrder(w, { callerPhone: '137 0000 1111', title: '噪音扰民', content: '夜里施工' });
    const listed = await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: phone });
    expect(listed.items.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
    const dups = await findDuplicates(w.deps.db, w.clock, {
      centreId: w.centreId,
      scope: actorScope(w.actors.dispatcher),
      probe: { title: '别的事', content: '无关', callerPhone: phone, address: '宝昌镇幸福路1号' },
      at: new Date(w.clock.now().getTime() + 1000),
    });
    const hit = dups.find((d) => d.orderId === first.id);
    expect(hit?.reasons).toEqual(expect.arrayContaining(['same_caller', 'same_address']));
    expect((await listAppealsByPhone(w.deps.db, w.centreId, phone, 10)).length).toBe(2);
    const call = await recordCallEvent(
      w.deps,
      { centreId: w.centreId, actor: null },
      {
        callId: 'enc-1',
        event: 'offered',
        at: w.clock.now().toISOString(),
        callerNumber: phone,
        operator: w.usernames.operator,
      },
    );
    expect(call.caller_number).toBe(phone);
    const stored = await raw().selectFrom('calls').select('caller_number').where('id', '=', call.id).executeTakeFirstOrThrow();
    expect(stored.caller_number).toMatch(/^lx1:/);
    const pop = await getScreenPop(w.deps, w.actors.operator, call.id);
    expect(pop.history.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('one-time-code phones and TOTP secrets are sealed too', async () => {
    await insertOtpCode(w.deps.db, {
      phone: PHONE,
      clientIp: '127.0.0.1',
      codeHash: 'x',
      at: w.clock.now(),
      expiresAt: w.clock.now(),
    });
    const otp = await raw().selectFrom('portal_otp_codes').select('phone').execute();
    expect(otp.every((r) => r.phone.startsWith('lx1:'))).toBe(true);
    await setPendingTotpSecret(w.deps.db, w.actors.operator.userId!, 'JBSWY3DPEHPK3PXP');
    const user = await raw()
      .selectFrom('users')
      .select('totp_pending_secret')
      .where('id', '=', w.actors.operator.userId!)
      .executeTakeFirstOrThrow();
    expect(user.totp_pending_secret).toMatch(/^lx1:/);
    expect(user.totp_pending_secret).not.toContain('JBSWY3DP');
  });

  it('the phone look-up bucket is keyed by the blind index, never the number', async () => {
    await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: '13655556666' });
    const keys = await raw().selectFrom('portal_rate_buckets').select('bucket_key').execute();
    expect(keys.some((k) => k.bucket_key.includes(keyring.blindIndex('phone', '13655556666')))).toBe(true);
    expect(keys.every((k) => !k.bucket_key.includes('13655556666'))).toBe(true);
  });

  it('refuses a comparison the blind index cannot answer rather than silently matching nothing', async () => {
    await expect(database.db.selectFrom('orders').select('id').where('caller_name', '=', NAME).execute()).rejects.toThrow(
      /sealed/,
    );
    await expect(database.db.selectFrom('orders').select('id').where('caller_phone', 'like', '139%').execute()).rejects.toThrow(
      /sealed/,
    );
  });
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  Buffer.from('身份证 152501199001011234 PERSONAL-MARKER'),
]);
let attachmentId: string;

describe('attachment files sealed on disk', () => {
  it('the file on disk holds no byte run of the upload; the download gives the upload back', async () => {
    const o = await newOrder(w);
    const row = await addAttachment(w.deps, w.actors.operator, o.id, {
      fileName: 'id.png',
      declaredType: 'image/png',
      data: PNG,
    });
    attachmentId = row.id;
    const onDisk = fs.readFileSync(path.join(w.deps.dataDir, row.storage_key));
    expect(onDisk.subarray(0, 4).toString()).toBe('LXE1');
    expect(onDisk.includes(Buffer.from('PERSONAL-MARKER'))).toBe(false);
    expect(onDisk.includes(PNG.subarray(0, 8))).toBe(false);
    const download = await openAttachment(w.deps, w.actors.operator, row.id);
    expect(download.data.equals(PNG)).toBe(true);
    expect(row.size_bytes).toBe(PNG.length);
  });
});

describe('older rows and key rotation', () => {
  it('migration 0801 seals the plain rows of an upgraded database, blind index included', async () => {
    const o = await newOrder(w, { callerName: '旧数据', callerPhone: '13511112222', address: '旧地址1号' });
    // As the row stood before the upgrade: plain text, no blind index.
    await sql`update orders set caller_name = '旧数据', caller_phone = '13511112222', address = '旧地址1号',
              caller_phone_bidx = null, address_bidx = null where id = ${o.id}`.execute(raw());
    expect((await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: '13511112222' })).items).toHaveLength(0);
    expect((await countValuesByKey(database.db)).plain).toBeGreaterThan(0);
    await sealPersonalData(database.db as never);
    const stored = await rawOrder(o.id);
    expect(stored.caller_name).toMatch(/^lx1:/);
    expect(stored.address).toMatch(/^lx1:/);
    expect((await countValuesByKey(database.db)).plain).toBeUndefined();
    expect((await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: '13511112222' })).items.map((i) => i.id)).toEqual([
      o.id,
    ]);
  });

  it('rotation re-keys every row; afterwards the old key can be removed and everything still reads', async () => {
    const oldId = keyData.current;
    const o = await newOrder(w, { callerName: '轮换前', callerPhone: '13822223333', address: '轮换路2号' });
    const before = await countValuesByKey(database.db);
    expect(Object.keys(before)).toEqual([oldId]);
    // A new key becomes current (the old one still opens), as `lianxin keys rotate` writes it to the key file.
    const newId = newKeyId(new Date('2026-12-07T00:00:00Z'));
    keyData = { ...keyData, current: newId, keys: { ...keyData.keys, [newId]: newKeyBytes() } };
    keyring.refresh();
    const written = await newOrder(w, { callerName: '轮换中', callerPhone: '13822223333' });
    expect((await rawOrder(written.id)).caller_name).toMatch(new RegExp(`^lx1:${newId}:`));
    const progress: number[] = [];
    const rewritten = await rewrapAllRows(database.db, keyring, { batch: 3, onProgress: (p) => progress.push(p.done) });
    // Rows rewritten (a row holds up to three sealed values), in batches of three with progress.
    expect(rewritten).toBeGreaterThanOrEqual(Math.ceil(before[oldId]! / 3));
    expect(progress.length).toBeGreaterThan(1);
    expect(await countValuesByKey(database.db)).toEqual({ [newId]: before[oldId]! + 2 });
    expect(await countFilesByKey(database.db, w.deps.dataDir)).toEqual({ [oldId]: 1 });
    expect(await rewrapAttachmentFiles(database.db, w.deps.dataDir)).toBe(1);
    expect(await countFilesByKey(database.db, w.deps.dataDir)).toEqual({ [newId]: 1 });
    // The old key is retired: every row still opens, the blind index still finds the caller.
    keyData = { ...keyData, keys: { [newId]: keyData.keys[newId]! } };
    keyring.refresh();
    expect(keyring.keyIds).toEqual([newId]);
    const all = await database.db.selectFrom('orders').select(['caller_name', 'caller_phone']).execute();
    expect(all.some((r) => r.caller_name === '轮换前')).toBe(true);
    const found = await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: '13822223333' });
    expect(found.items.map((i) => i.id).sort()).toEqual([o.id, written.id].sort());
    expect(piiKeyringOf(database.db)).toBe(keyring);
    expect((await openAttachment(w.deps, w.actors.operator, attachmentId)).data.equals(PNG)).toBe(true);
  });
});

describe('blind-index key rotation (ADR 0201)', () => {
  const phoneIndexes = async () =>
    (
      await raw()
        .selectFrom('orders')
        .select(sql<string>`caller_phone_bidx`.as('i'))
        .where('caller_phone', 'is not', null)
        .execute()
    ).map((r) => r.i);
  const found = async (phone: string) =>
    (await listOrdersFor(w.deps, w.actors.dispatcher, { callerPhone: phone })).items.map((i) => i.id).sort();

  it('a new index key: look-ups find old and new rows throughout, a resumable recompute moves every index, then the old key goes', async () => {
    const phone = '13933334444';
    const before = await newOrder(w, { callerPhone: phone, address: '盲索引路1号' });
    const oldIndexes = new Set(await phoneIndexes());
    const oldIndex = keyData.index;
    // `lianxin keys rotate-index` writes a new index key, the old one kept as previous; servers re-read it.
    keyData = { ...keyData, index: newKeyBytes(), previousIndexes: [oldIndex] };
    keyring.refresh();
    const during = await newOrder(w, { callerPhone: phone });
    expect(oldIndexes.has((await rawOrder(during.id)).phone_index)).toBe(false); // written under the new key
    // Look-ups match both keys while the stored indexes are recomputed.
    expect(await found(phone)).toEqual([before.id, during.id].sort());
    const dups = await findDuplicates(w.deps.db, w.clock, {
      centreId: w.centreId,
      scope: actorScope(w.actors.dispatcher),
      probe: { title: '别的事', content: '无关', callerPhone: phone, address: '盲索引路1号' },
      at: new Date(w.clock.now().getTime() + 1000),
    });
    expect(dups.find((d) => d.orderId === before.id)?.reasons).toEqual(expect.arrayContaining(['same_caller', 'same_address']));

    // Interrupted after the first batch: a second run finishes; progress is reported per batch.
    const interrupted: ReindexProgress[] = [];
    await expect(
      reindexAllRows(database.db, keyring, {
        batch: 2,
        onProgress: (p) => {
          interrupted.push(p);
          if (interrupted.length === 1) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const progress: ReindexProgress[] = [];
    const rewritten = await reindexAllRows(database.db, keyring, { batch: 2, onProgress: (p) => progress.push(p) });
    expect(rewritten).toBeGreaterThan(0);
    expect(progress.filter((p) => p.table === 'orders').length).toBeGreaterThan(1);
    const last = progress.filter((p) => p.table === 'orders').at(-1)!;
    expect(last.looked).toBe(last.total);
    const afterIndexes = await phoneIndexes();
    expect(afterIndexes.some((i) => oldIndexes.has(i))).toBe(false);
    // A run with nothing left rewrites nothing.
    expect(await reindexAllRows(database.db, keyring, { batch: 50 })).toBe(0);

    // The old index key retired: every look-up still finds its rows.
    keyData = { ...keyData, previousIndexes: [] };
    keyring.refresh();
    expect(keyring.blindIndexes('phone', phone)).toHaveLength(1);
    expect(await found(phone)).toEqual([before.id, during.id].sort());
    expect(await found(PHONE)).not.toHaveLength(0);
    // A key swapped without a rotation is refused: stored indexes would silently stop matching.
    keyData = { ...keyData, index: newKeyBytes() };
    expect(() => keyring.refresh()).toThrow(/rotate/);
  });
});

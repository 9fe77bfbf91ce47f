import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';
import { generateRows, GENERATED_MAPPING, rowsToCsv } from '../helpers/import-rows.js';

// Issue 17: the console's import endpoints (preview, dry run, real run, runs) — ADR 0183.
const { w, app } = useApp({ start: '2025-06-16T02:00:00Z' });

function multipart(file: { name: string; data: Buffer } | null, fields: Record<string, string>) {
  const boundary = '----lianxin' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const rows = generateRows(30, { prefix: 'WEB', units: ['A旗住建局', '热力公司'] });
const csv = Buffer.from(rowsToCsv(rows, 'A旗'));
const bad = Buffer.from(rowsToCsv(rows, 'A旗').replace('A旗住建局', '不存在的单位'));
const mapping = JSON.stringify(GENERATED_MAPPING);

describe('import over HTTP', () => {
  it('previews the columns and first rows, dry-runs, imports, and lists the run', async () => {
    const admin = await asUser(app, w, 'admin');
    const preview = await admin.request({
      method: 'POST',
      url: '/api/import/orders/preview',
      ...multipart({ name: 'h.csv', data: csv }, {}),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      fileName: 'h.csv',
      totalRows: 30,
      columns: expect.arrayContaining(['编号', '承办单位']),
    });
    expect(preview.json().rows).toHaveLength(10);

    const dry = await admin.request({
      method: 'POST',
      url: '/api/import/orders',
      ...multipart({ name: 'bad.csv', data: bad }, { mapping, dryRun: 'true' }),
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      badRows: 1,
      imported: 0,
      problems: [{ field: 'unit', reason: 'unknown_value', value: '不存在的单位' }],
    });

    const real = await admin.request({
      method: 'POST',
      url: '/api/import/orders',
      ...multipart({ name: 'h.csv', data: csv }, { mapping, dryRun: 'false' }),
    });
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, badRows: 0, imported: 30, skipped: 0 });
    const runs = (await admin.get('/api/import/runs')).json().runs;
    expect(runs[0]).toMatchObject({ fileName: 'h.csv', imported: 30, state: 'done', totalRows: 30 });
  });

  it('answers 400 naming the field for a missing file, a bad mapping or dryRun, and 403 to others', async () => {
    const admin = await asUser(app, w, 'admin');
    const post = (file: { name: string; data: Buffer } | null, fields: Record<string, string>) =>
      admin.request({ method: 'POST', url: '/api/import/orders', ...multipart(file, fields) });
    const noFile = await post(null, { mapping });
    expect([noFile.statusCode, noFile.json().error.field]).toEqual([400, 'file']);
    const badJson = await post({ name: 'h.csv', data: csv }, { mapping: '{' });
    expect([badJson.statusCode, badJson.json().error.field]).toEqual([400, 'mapping']);
    const unknownField = await post({ name: 'h.csv', data: csv }, { mapping: JSON.stringify({ columns: { nope: 'x' } }) });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.field).toMatch(/^mapping/);
    const missingColumn = await post(
      { name: 'h.csv', data: csv },
      { mapping: JSON.stringify({ columns: { originalNo: '没有这一列' } }) },
    );
    expect([missingColumn.statusCode, missingColumn.json().error.field]).toEqual([400, 'mapping.columns']);
    const badDry = await post({ name: 'h.csv', data: csv }, { mapping, dryRun: 'maybe' });
    expect([badDry.statusCode, badDry.json().error.field]).toEqual([400, 'dryRun']);
    const dispatcher = await asUser(app, w, 'dispatcher');
    const refused = await dispatcher.request({
      method: 'POST',
      url: '/api/import/orders',
      ...multipart({ name: 'h.csv', data: csv }, { mapping }),
    });
    expect(refused.statusCode).toBe(403);
    expect((await dispatcher.get('/api/import/runs')).statusCode).toBe(403);
  });
});

describe('the console starts a run and polls it (POST /api/import/runs, GET /api/import/runs/:id)', () => {
  const start = async (name: string, data: Buffer) =>
    (await asUser(app, w, 'admin')).request({
      method: 'POST',
      url: '/api/import/runs',
      ...multipart({ name, data }, { mapping }),
    });
  const poll = async (id: string) => {
    const admin = await asUser(app, w, 'admin');
    for (let i = 0; i < 200; i++) {
      const run = (await admin.get(`/api/import/runs/${id}`)).json();
      if (run.state !== 'running') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the run never ended');
  };
  const background = generateRows(12, { prefix: 'BG', units: ['A旗住建局'] });
  const file = Buffer.from(rowsToCsv(background, 'A旗'));

  it('a file with a bad row starts nothing and names the row; a good one answers 202 and is written after', async () => {
    const refused = await start('bad.csv', bad);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({
      run: null,
      report: { badRows: 1, problems: [{ field: 'unit', value: '不存在的单位' }] },
    });

    const res = await start('bg.csv', file);
    expect(res.statusCode).toBe(202);
    const { run } = res.json();
    expect(run).toMatchObject({ fileName: 'bg.csv', totalRows: 12, failure: null });
    expect(['running', 'done']).toContain(run.state);
    // rowsDone is the checkpoint as a spreadsheet numbers rows (the header is row 1): 12 rows end at 13.
    expect(await poll(run.id)).toMatchObject({ state: 'done', rowsDone: 13, imported: 12, skipped: 0, failure: null });
    const count = await w.deps.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('import_run_id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(12);
  });

  it('a batch that fails marks the run failed with a reason; started again it resumes and finishes', async () => {
    const rows = generateRows(8, { prefix: 'FAIL', units: ['A旗住建局'] });
    const data = Buffer.from(rowsToCsv(rows, 'A旗'));
    // A real failure of the database inside the batch: a trigger refuses one of the file's numbers.
    await sql
      .raw(
        `create function refuse_import_row() returns trigger language plpgsql as $f$ begin
           if new.order_no = '${rows[3]!.no}' then raise exception 'refused by the test'; end if; return new; end $f$`,
      )
      .execute(w.deps.db);
    await sql
      .raw('create trigger refuse_import_row before insert on orders for each row execute function refuse_import_row()')
      .execute(w.deps.db);
    const first = (await start('fail.csv', data)).json().run;
    const failed = await poll(first.id);
    expect(failed).toMatchObject({ state: 'failed', imported: 0, rowsDone: 0 });
    expect(failed.failure).toContain('写入失败');
    const listed = (await (await asUser(app, w, 'admin')).get('/api/import/runs')).json().runs;
    expect(listed.find((r: { id: string }) => r.id === first.id)).toMatchObject({ state: 'failed' });

    await sql.raw('drop trigger refuse_import_row on orders').execute(w.deps.db);
    const again = await start('fail.csv', data);
    expect(again.statusCode).toBe(202);
    expect(again.json().run.id).toBe(first.id);
    expect(await poll(first.id)).toMatchObject({ state: 'done', imported: 8, failure: null });
  });

  it('another centre’s or an unknown run is 404; other roles are refused', async () => {
    const admin = await asUser(app, w, 'admin');
    expect((await admin.get('/api/import/runs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/import/runs/nope')).statusCode).toBe(400);
    const dispatcher = await asUser(app, w, 'dispatcher');
    const runs = (await admin.get('/api/import/runs')).json().runs;
    expect((await dispatcher.get(`/api/import/runs/${runs[0].id}`)).statusCode).toBe(403);
    const refused = await dispatcher.request({
      method: 'POST',
      url: '/api/import/runs',
      ...multipart({ name: 'h.csv', data: csv }, { mapping }),
    });
    expect(refused.statusCode).toBe(403);
  });
});

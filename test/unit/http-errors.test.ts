import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../src/http/errors.js';

// The database's own refusals, as pg and PGlite raise them (an Error with a SQLSTATE code).
const dbError = (code: string) => Object.assign(new Error(`database error ${code}`), { code });

async function answerTo(error: Error) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.get('/boom', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return { status: res.statusCode, body: res.json() as { error: { code: string; message: string } } };
}

describe('database errors the API answers itself', () => {
  it('a deadlock victim or a serialisation failure is a 409 the client may retry, not a server fault', async () => {
    for (const code of ['40P01', '40001']) {
      const r = await answerTo(dbError(code));
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'CONFLICT', message: '系统繁忙，本次操作未保存，请重试' });
    }
  });

  it('a unique key that lost a race is a 409; anything else unknown stays a 500', async () => {
    expect((await answerTo(dbError('23505'))).status).toBe(409);
    const other = await answerTo(dbError('42P01'));
    expect(other.status).toBe(500);
    expect(other.body.error.code).toBe('INTERNAL');
  });
});

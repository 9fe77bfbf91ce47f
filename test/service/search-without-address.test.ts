import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { up as migrate0930 } from '../../src/db/migrations/0930_search_without_address.js';
import { searchOrdersFor } from '../../src/search/search.service.js';
import { queryLexemes } from '../../src/text/segment.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld('2025-03-03T02:00:00Z');

const ADDRESS = '锡林浩特市额尔敦路幸福家园小区7号楼';
const found = async (q: string) => (await searchOrdersFor(w.deps, w.actors.supervisor, { q })).items.map((i) => i.id);
const vectorOf = async (id: string) =>
  (await sql<{ v: string }>`select search_vector::text as v from orders where id = ${id}`.execute(w.deps.db)).rows[0]!.v;

describe('the search index keeps no word of the caller’s address (ADR 0200)', () => {
  it('finds an order by its title and content, never by its address', async () => {
    const order = await newOrder(w, {
      title: '楼道照明损坏',
      content: '单元门口的路灯坏了一周，晚上看不见台阶。',
      address: ADDRESS,
    });
    expect(await found('楼道')).toEqual([order.id]);
    expect(await found('台阶')).toEqual([order.id]);
    for (const word of ['额尔敦路', '幸福家园', '7号楼', ADDRESS])
      expect(`${word}:${(await found(word)).length}`).toBe(`${word}:0`);
    const vector = await vectorOf(order.id);
    for (const lexeme of queryLexemes('额尔敦路 幸福家园')) expect(vector).not.toContain(`'${lexeme}'`);
  });

  it('migration 0930 rebuilds an older vector that held the address, keeping title and content', async () => {
    const order = await newOrder(w, { title: '噪音扰民', content: '广场舞音响声音太大。', address: '贝子庙街道宝力根社区' });
    // As vectors were written before: the address's words with the content's weight.
    await sql`update orders set search_vector = search_vector || setweight(to_tsvector('simple', ${queryLexemes('贝子庙街道宝力根社区').join(' ')}), 'D')
      where id = ${order.id}`.execute(w.deps.db);
    expect(await found('宝力根')).toEqual([order.id]);
    await migrate0930(w.deps.db as never);
    expect(await found('宝力根')).toEqual([]);
    expect(await found('广场舞')).toEqual([order.id]);
    expect(await found('噪音')).toEqual([order.id]);
  });
});

import { describe, expect, it } from 'vitest';
import { trainCentreModels } from '../../src/nlp/nlp-training.service.js';
import { insertRegion } from '../../src/org/catalog.repository.js';
import type { Actor } from '../../src/users/roles.js';
import type { World } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { heatingText } from '../service/nlp-history.fixture.js';

const { w, app } = useApp({ env: { LIANXIN_NLP_SUGGEST_THRESHOLD: '0' } });

async function closeHeating(world: World, i: number, regionId: string, unitId: string, handler: Actor) {
  let o = await newOrder(world, { ...heatingText(i), regionId });
  o = await act(world, world.actors.dispatcher, o, 'dispatch', { leadUnitId: unitId });
  o = await act(world, handler, o, 'sign', {});
  o = await act(world, handler, o, 'reply', { result: 'resolved', text: '已处理' });
  o = await act(world, world.actors.supervisor, o, 'review_accept', {});
  await act(world, world.actors.supervisor, o, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
}

/** The region rule of unit suggestions (ADR 0086): another county's unit is not suggested first. */
describe('unit suggestions weigh the appeal’s region', () => {
  it('a heating appeal in A旗 suggests A旗’s unit first, though B旗’s handled more of them there', async () => {
    const regionB = await insertRegion(w.deps.db, { centreId: w.centreId, parentId: null, code: 'R2', name: 'B旗', level: 1 });
    // the history the demo used to have: B旗's unit also took A旗's heating appeals, more of them than A旗's own
    for (let i = 0; i < 10; i++) await closeHeating(w, i, regionB.id, w.units.deptB1.id, w.actors.handlerB);
    for (let i = 0; i < 10; i++) await closeHeating(w, 10 + i, w.regionId, w.units.deptB1.id, w.actors.handlerB);
    for (let i = 0; i < 5; i++) await closeHeating(w, 20 + i, w.regionId, w.units.deptA1.id, w.actors.unit_handler);
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const operator = await asUser(app, w, 'operator');
    const body = { ...heatingText(40), regionId: w.regionId };
    const inA = (await operator.post('/api/nlp/suggest', body)).json().unit.items as { id: string; confidence: number }[];
    expect(inA[0]?.id).toBe(w.units.deptA1.id);
    const b = inA.find((u) => u.id === w.units.deptB1.id);
    expect(b === undefined || b.confidence < 0.05).toBe(true);
    // in B旗 the same text goes to B旗's unit; with no region the text alone decides
    const inB = (await operator.post('/api/nlp/suggest', { ...body, regionId: regionB.id })).json().unit.items;
    expect(inB[0].id).toBe(w.units.deptB1.id);
    const { regionId: _none, ...noRegion } = body;
    const anywhere = (await operator.post('/api/nlp/suggest', noRegion)).json().unit.items;
    expect(anywhere[0].id).toBe(w.units.deptB1.id);
    // a portal appeal has no region field, but its words may name one: 「A旗…」 weighs like choosing A旗
    const named = { ...noRegion, content: `A旗某小区：${noRegion.content}` };
    const inWords = (await operator.post('/api/nlp/suggest', named)).json().unit.items;
    expect(inWords[0].id).toBe(w.units.deptA1.id);
  }, 180_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { decodeClassifier } from '../../src/nlp/model-codec.js';
import { loadLatestModel } from '../../src/nlp/nlp-model-cache.js';
import { findLatestNlpModel, listNlpModels } from '../../src/nlp/nlp-model.repository.js';
import { nlpRetrainJob } from '../../src/nlp/nlp-retrain.job.js';
import { trainCentreModels } from '../../src/nlp/nlp-training.service.js';
import { suggestForIntake } from '../../src/nlp/nlp-suggest.service.js';
import { rankLabels } from '../../src/nlp/text-classifier.js';
import { SEP } from '../../src/nlp/text-features.js';
import { insertCategory } from '../../src/org/catalog.repository.js';
import { insertUser } from '../../src/users/user.repository.js';
import { ensureCentreDictionary } from '../../src/text/dictionary.service.js';
import { act, newOrder } from '../helpers/orders.js';
import { buildHistory, closeThroughUnit, heatingText, wagesText } from './nlp-history.fixture.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld();
let wagesCategoryId: string;

beforeAll(async () => {
  ({ wagesCategoryId } = await buildHistory(w, 8));
  // 直办 orders have no handling unit: they teach the category model only.
  for (let i = 0; i < 3; i++) {
    const o = await newOrder(w, { ...heatingText(20 + i), appealType: 'consult' });
    await act(w, w.actors.operator, o, 'answer_directly', { answer: '已告知供热热线' });
  }
}, 120_000);

/** The world's deps with another LIANXIN_NLP_SUGGEST_THRESHOLD. */
const withThreshold = (nlpSuggestThreshold: number) => ({ ...w.deps, settings: { ...w.deps.settings, nlpSuggestThreshold } });

describe('training the centre models from closed orders', () => {
  it('skips a model when there is too little history and stores nothing', async () => {
    const outcomes = await trainCentreModels(w.deps, w.centreId, { minRows: 1000 });
    expect(outcomes.map((o) => [o.kind, o.status])).toEqual([
      ['category', 'skipped'],
      ['unit', 'skipped'],
    ]);
    expect(outcomes[0]!.reason).toMatch(/19 usable closed orders/);
    expect(await listNlpModels(w.deps.db, w.centreId)).toEqual([]);
  });

  it('labels categories with the final category and units with the lead unit at closure', async () => {
    const outcomes = await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const [category, unit] = outcomes;
    expect(category).toMatchObject({ kind: 'category', status: 'trained', version: 1, rows: 19, labels: 2 });
    expect(unit).toMatchObject({ kind: 'unit', status: 'trained', version: 1, rows: 16, labels: 2 });
    expect(category!.temperature).toBeGreaterThan(0);

    const stored = await findLatestNlpModel(w.deps.db, w.centreId, 'unit');
    const model = decodeClassifier(stored!.blob);
    expect(model.labels.sort()).toEqual([w.units.deptA1.id, w.units.deptB1.id].sort());
    expect(rankLabels(model, { title: '', detail: '工资被拖欠半年了' })[0]!.label).toBe(w.units.deptB1.id);
    const categories = decodeClassifier((await findLatestNlpModel(w.deps.db, w.centreId, 'category'))!.blob);
    expect(categories.labels.sort()).toEqual([w.categoryId, wagesCategoryId].sort());
  });

  it('stores a new version on retraining and the cache follows it', async () => {
    const before = await loadLatestModel(w.deps.db, w.centreId, 'category');
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const after = await loadLatestModel(w.deps.db, w.centreId, 'category');
    expect(after!.version).toBe(before!.version + 1);
    const versions = await listNlpModels(w.deps.db, w.centreId);
    expect(versions.filter((v) => v.kind === 'category').map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.metrics).toHaveProperty('heldOut');
    // 19 rows: held-out margins from 3 folds calibrate the temperature; too few rows for class offsets
    const heldOut = (versions[0]!.metrics as { heldOut: Record<string, number> }).heldOut;
    expect(heldOut).toMatchObject({ folds: 3 });
    expect(heldOut['macro_f1_with_offsets']).toBe(heldOut['macro_f1']);
    expect(after!.classifier.options.features.titleChars).toBe(true);
  });

  it('suggests category and unit for new text, ranked by calibrated confidence', async () => {
    const res = await suggestForIntake(withThreshold(0), w.actors.operator, { title: '', content: wagesText(30).content });
    expect(res.category!.items[0]).toMatchObject({ id: wagesCategoryId, fullName: '劳动和社会保障 / 拖欠工资' });
    expect(res.unit!.items[0]!.id).toBe(w.units.deptB1.id);
    const confidences = res.unit!.items.map((i) => i.confidence);
    expect(confidences[0]).toBeGreaterThan(0.5);
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.001);
  });

  it('the periodic job retrains only when the newest model is older than the configured hours', async () => {
    const config = loadConfig({ LIANXIN_NLP_RETRAIN_HOURS: '24', LIANXIN_NLP_MIN_TRAINING_ROWS: '10' });
    const deps = { ...w.deps, config, log: () => undefined };
    expect(await nlpRetrainJob.run(deps)).toBeUndefined();
    w.clock.advance(25 * 60 * 60 * 1000);
    expect(await nlpRetrainJob.run(deps)).toMatch(/category trained v3, unit trained v3/);
    // three versions are kept per kind
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const versions = await listNlpModels(w.deps.db, w.centreId);
    expect(versions.filter((v) => v.kind === 'unit').map((v) => v.version)).toEqual([4, 3, 2]);
  });

  it("segments with the centre's names loaded, as suggestions do: a name added since the last load is one word", async () => {
    const name = '翠湖湾电梯维保';
    const key = `w${SEP}${name}`;
    await ensureCentreDictionary(w.deps.db, w.clock, w.centreId); // fresh: the orders below do not reload it
    for (let i = 0; i < 6; i++) {
      const text = { title: `${name}电梯停运`, content: `${name}负责的${heatingText(i).content}电梯第${i + 2}次停运。` };
      await closeThroughUnit(w, text, w.categoryId, w.units.deptA1.id, w.actors.unit_handler);
    }
    await insertCategory(w.deps.db, { centreId: w.centreId, parentId: null, parentPath: null, code: 'C9', name, level: 1 });
    w.clock.advance(11 * 60 * 1000); // past the dictionary's refresh interval: the next load sees the name
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const model = await loadLatestModel(w.deps.db, w.centreId, 'category');
    expect(model!.classifier.vocab.index.has(key)).toBe(true);
  });

  it('never suggests the centre itself as handling unit, though a rare unit under it rolled up to it', async () => {
    const company = w.units.company;
    const user = await insertUser(w.deps.db, {
      centreId: w.centreId,
      unitId: company.id,
      username: 'company_handler_nlp',
      displayName: '热力公司 测试',
      passwordHash: '!',
      roles: ['unit_handler'],
    });
    const handler = {
      kind: 'user' as const,
      userId: user.id,
      centreId: w.centreId,
      unitId: company.id,
      unitPath: company.path,
      roles: ['unit_handler' as const],
      label: '热力公司',
    };
    // Two orders only (fewer than 5): the company's label rolls up to its parent, the centre.
    for (let i = 0; i < 2; i++) {
      await closeThroughUnit(
        w,
        { title: `锅炉房冒黑烟${i}`, content: `热力公司锅炉房烟囱冒黑烟，第${i + 1}次反映。` },
        w.categoryId,
        company.id,
        handler,
      );
    }
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    const unitModel = await loadLatestModel(w.deps.db, w.centreId, 'unit');
    expect(unitModel!.classifier.labels).toContain(w.units.centre.id);
    const res = await suggestForIntake(withThreshold(0), w.actors.operator, {
      title: '锅炉房冒黑烟',
      content: '热力公司锅炉房烟囱冒黑烟',
    });
    expect(res.unit!.items.map((i) => i.id)).not.toContain(w.units.centre.id);
  });

  it('retrains when the newer of the two models is old, not every hour while one kind cannot be trained', async () => {
    const config = loadConfig({ LIANXIN_NLP_RETRAIN_HOURS: '24', LIANXIN_NLP_MIN_TRAINING_ROWS: '10' });
    const deps = { ...w.deps, config, log: () => undefined };
    await database.db.deleteFrom('nlp_models').where('kind', '=', 'category').execute(); // as if never trainable
    expect(await nlpRetrainJob.run(deps)).toBeUndefined(); // the unit model is fresh
    w.clock.advance(25 * 60 * 60 * 1000);
    expect(await nlpRetrainJob.run(deps)).toMatch(/unit trained/);
  });
});

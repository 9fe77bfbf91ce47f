import { composeDeps } from '../composition.js';
import { defaultDomainSettings } from '../config/domain-settings.js';
import { openScratchDatabase } from '../db/scratch-database.js';
import { crossValidateCentreUnits } from '../nlp/unit-cv.service.js';
import type { UnitCvReport } from '../nlp/unit-cv.js';
import { findCentreByCode } from '../org/unit.repository.js';
import { ManualClock } from '../shared/clock.js';
import { CENTRE } from './demo-org.data.js';
import { ensureDemo, type DemoOptions } from './demo.service.js';

/** A fixed "now" for the generated history, so the same options give the same figures. */
const DEMO_CV_NOW = '2026-11-30T02:00:00Z';

/**
 * Unit-suggestion accuracy on the demo history (ADR 0086): generates the demo in a throw-away
 * in-memory database (as `npm start` would, `days` × `perDay` appeals) and cross-validates the unit
 * model on its closed orders, with and without the region rule.
 */
export async function demoUnitCrossValidation(
  options: DemoOptions & { folds?: number; log?: (line: string) => void } = {},
): Promise<UnitCvReport & { generatedSeconds: number; cvSeconds: number }> {
  const database = await openScratchDatabase(undefined, 'lianxin_unit_cv');
  try {
    const deps = composeDeps({
      db: database.db,
      clock: new ManualClock(DEMO_CV_NOW),
      dataDir: '/tmp',
      settings: defaultDomainSettings(),
    });
    const started = performance.now();
    await ensureDemo(deps, options.log ?? (() => {}), { days: options.days, perDay: options.perDay });
    const generated = performance.now();
    const centre = await findCentreByCode(deps.db, CENTRE.code);
    const report = await crossValidateCentreUnits(deps, centre!.id, options.folds ?? 5);
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    return { ...report, generatedSeconds: seconds(generated - started), cvSeconds: seconds(performance.now() - generated) };
  } finally {
    await database.close();
  }
}

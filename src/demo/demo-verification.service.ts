import { submitGridReport } from '../geo/grid-report.service.js';
import { boundsOf } from '../geo/grid-index.js';
import { selectActiveGridShapes } from '../geo/grid.repository.js';
import { selectWorkerGridIds } from '../geo/verification.repository.js';
import { answerVerification, attachVerificationPhoto, requestVerification } from '../geo/verification.service.js';
import type { Unit } from '../db/schema.js';
import type { GeoPoint } from '../contract/geo.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { ManualClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { Actor, Role } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { DemoCatalog } from './demo-org.service.js';
import {
  DEMO_GRID_REPORTS,
  DEMO_GRID_TOWN_UNIT,
  DEMO_VERIFICATIONS,
  demoSitePhoto,
  type DemoVerification,
} from './demo-verification.data.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Metres per degree of longitude at the demo's 44° N (for "so many metres east"). */
const METRES_PER_LNG_DEG = 111_320 * Math.cos((44 * Math.PI) / 180);

async function demoActor(deps: Deps, username: string, role: Role, unit: Unit): Promise<Actor | null> {
  const user = await findUserByUsername(deps.db, username);
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    centreId: unit.centre_id,
    unitId: unit.id,
    unitPath: unit.path,
    roles: [role],
    label: user.display_name,
  };
}

/** The centres of the grid worker's grids (希日塔拉街道's 演示网格), by code. */
async function gridCentres(deps: Deps, centreId: string, workerId: string): Promise<GeoPoint[]> {
  const mine = new Set(await selectWorkerGridIds(deps.db, workerId));
  const shapes = (await selectActiveGridShapes(deps.db, centreId)).filter((g) => mine.has(g.id));
  return shapes.map((g) => {
    const [minLng, minLat, maxLng, maxLat] = boundsOf(g.geometry);
    return { lng: (minLng + maxLng) / 2, lat: (minLat + maxLat) / 2 };
  });
}

interface People {
  operator: Actor;
  dispatcher: Actor;
  worker: Actor;
  town: Unit;
}

/** One appeal with a point in a grid, sent for verification and (if the spec says so) answered. */
async function seedOne(deps: Deps, people: People, spec: DemoVerification, point: GeoPoint, index: number) {
  const now = deps.clock.now().getTime();
  const sentAt = now - spec.sentHoursAgo * HOUR;
  const clock = new ManualClock(new Date(sentAt - 40 * MINUTE));
  const d: Deps = { ...deps, clock };
  // A few metres apart, so the appeals of one grid do not sit on one spot.
  const at = { lat: point.lat + 0.0009 * (index % 3), lng: point.lng - 0.0012 * (index % 2) };
  const order = await acceptOrder(d, people.operator, {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: spec.title,
    content: spec.content,
    address: spec.address,
    callerName: '市民',
    lat: at.lat,
    lng: at.lng,
  });
  clock.set(new Date(sentAt));
  const task = await requestVerification(d, people.dispatcher, order.id, { note: spec.requestNote });
  if (!spec.answer) return;
  clock.set(new Date(sentAt + spec.answer.afterMinutes * MINUTE));
  const photo = spec.answer.photo
    ? await attachVerificationPhoto(d, people.worker, task.id, {
        fileName: '现场照片.png',
        declaredType: 'image/png',
        data: demoSitePhoto(),
      })
    : null;
  await answerVerification(d, people.worker, task.id, {
    result: spec.answer.result,
    note: spec.answer.note,
    lat: at.lat,
    lng: at.lng + spec.answer.metresAway / METRES_PER_LNG_DEG,
    photoId: photo?.id,
  });
  // Verified: the centre sends it to the street office, where the verification is on the timeline.
  clock.advance(20 * MINUTE);
  await transitionOrder(d, {
    orderId: order.id,
    action: 'dispatch',
    version: order.version,
    payload: { leadUnitId: people.town.id },
    actor: people.dispatcher,
  });
}

/**
 * After the history (issue 18): appeals with points inside 希日塔拉街道's demo grids, sent for 现场核实
 * through the real service — two pending (one nearly due), one answered on site with a photo, one
 * answered from far away, one late — and the 联户长's two reports from the phone page (one the urgent
 * report). Returns how many tasks and reports were made.
 */
export async function seedDemoVerification(deps: Deps, catalog: DemoCatalog): Promise<{ tasks: number; reports: number }> {
  const town = catalog.units.find((u) => u.name === DEMO_GRID_TOWN_UNIT);
  if (!town) return { tasks: 0, reports: 0 };
  const [operator, dispatcher, worker, reporter] = await Promise.all([
    demoActor(deps, 'operator', 'operator', catalog.centreUnit),
    demoActor(deps, 'dispatcher', 'dispatcher', catalog.centreUnit),
    demoActor(deps, 'gridworker', 'gridworker', town),
    demoActor(deps, 'gridreporter', 'grid_reporter', town),
  ]);
  if (!operator || !dispatcher || !worker?.userId) return { tasks: 0, reports: 0 };
  const centres = await gridCentres(deps, catalog.centreId, worker.userId);
  if (centres.length === 0) return { tasks: 0, reports: 0 };
  let tasks = 0;
  for (const [i, spec] of DEMO_VERIFICATIONS.entries()) {
    // The console is live meanwhile (first start): a step it refused stops that appeal only.
    try {
      await seedOne(deps, { operator, dispatcher, worker, town }, spec, centres[spec.grid % centres.length]!, i);
      tasks += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  let reports = 0;
  if (reporter)
    for (const r of DEMO_GRID_REPORTS) {
      const clock = new ManualClock(new Date(deps.clock.now().getTime() - r.hoursAgo * HOUR));
      const point = centres[0]!;
      await submitGridReport(
        { ...deps, clock },
        reporter,
        { text: r.text, address: r.address, lat: point.lat - 0.002, lng: point.lng + 0.003, urgent: r.urgent },
        [],
      );
      reports += 1;
    }
  return { tasks, reports };
}

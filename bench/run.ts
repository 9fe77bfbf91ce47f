// `npm run bench [name…]`: prints figures (throughput, latency, ratios against a baseline measured in
// the same run). Not a test: these machines are shared and noisy. Each capability adds its section.
import { intakeBench } from './intake.bench.js';
import { sweepBench } from './sweep.bench.js';
import { nlpBench } from './nlp.bench.js';
import { kpiBench } from './kpi.bench.js';
import { searchBench } from './search.bench.js';
import { hotspotsBench } from './hotspots.bench.js';
import { knowledgeBench } from './knowledge.bench.js';
import { unitCvBench } from './unit-cv.bench.js';
import { webBench } from './web.bench.js';
import { deskListBench } from './desk-list.bench.js';
import { catalogueBench } from './catalogue.bench.js';
import { leadersBench } from './leaders.bench.js';
import { fuzzBench } from './fuzz.bench.js';
import { importBench } from './import.bench.js';
import { gridsBench } from './grids.bench.js';
import { mapBench } from './map.bench.js';
import { governanceBench } from './governance.bench.js';
import { rotationBench } from './rotation.bench.js';
import { noticesBench } from './notices.bench.js';
import { open311Bench } from './open311.bench.js';
import { loggingBench } from './logging.bench.js';

export interface BenchSection {
  name: string;
  description: string;
  run: () => Promise<void>;
}

const sections: BenchSection[] = [
  intakeBench,
  nlpBench,
  sweepBench,
  searchBench,
  kpiBench,
  hotspotsBench,
  knowledgeBench,
  webBench,
  unitCvBench,
  deskListBench,
  catalogueBench,
  leadersBench,
  governanceBench,
  fuzzBench,
  importBench,
  gridsBench,
  mapBench,
  rotationBench,
  noticesBench,
  loggingBench,
  open311Bench,
];

const wanted = process.argv.slice(2);
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`\n=== ${section.name}: ${section.description}`);
  await section.run();
}

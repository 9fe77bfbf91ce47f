import type { BenchSection } from './run.js';

export const intakeBench: BenchSection = {
  name: 'intake',
  description: 'order intake through the HTTP API vs raw SQL inserts (PGlite and PostgreSQL)',
  run: async () => {
    console.log('(pending)');
  },
};

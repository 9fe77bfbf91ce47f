import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeDemoTemplate } from './demo-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory of the seeded demo that each browser journey copies (demo-template.ts). */
    browserDemoTemplate: string;
  }
}

/** Seeds the journeys' demo once for the run; each file copies it (and remakes it when stale). */
export default async function setup(project: TestProject) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-browser-run-')), 'template');
  await makeDemoTemplate(dir);
  project.provide('browserDemoTemplate', dir);
  return () => fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-cli-empty-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Issue 17: on a database nobody seeded yet, `lianxin client add` says what to do first, not that
// there are "several centres" (there are none).
describe('lianxin client add on an unseeded database', { timeout: 180_000 }, () => {
  it('tells the person to seed the demo first, in one line', () => {
    let stderr = '';
    try {
      execFileSync('node', ['bin/lianxin.mjs', 'client', 'add', '--name', 'test', '--scopes', 'submit,read'], {
        encoding: 'utf8',
        env: { ...process.env, LIANXIN_DATA_DIR: dataDir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    // The first line (a new data directory) says a key file was generated; the last is the refusal.
    expect(stderr.trim().split('\n').at(-1)).toBe(
      '还没有任何中心：请先运行 `lianxin seed --demo` / no centre yet: run `lianxin seed --demo` first',
    );
    expect(stderr).not.toContain('several centres');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

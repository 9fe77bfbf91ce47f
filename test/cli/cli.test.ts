import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-cli-'));
const lianxin = (...args: string[]) =>
  execFileSync('node', ['bin/lianxin.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LIANXIN_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

beforeAll(() => {
  lianxin('seed', '--demo', '--days', '2', '--per-day', '3');
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Each command starts a fresh Node process through tsx (several seconds on a loaded 2-core machine).
describe('lianxin CLI', { timeout: 300_000 }, () => {
  it('prints help for every command', () => {
    const help = lianxin('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'order']) expect(help).toContain(command);
    expect(lianxin('order', 'show', '--help')).toContain('timeline');
    expect(lianxin('user', 'add', '--help')).toContain('--roles');
  });

  it('seeds the demo once and prints the sign-ins', () => {
    const again = lianxin('seed', '--demo');
    expect(again).not.toContain('first start');
    expect(again).toContain('dispatcher');
  });

  it('adds a user to a unit by code, and refuses a bad role', () => {
    expect(
      lianxin('user', 'add', '--username', 'clerk1', '--password', 'Clerk@12345', '--roles', 'unit_handler', '--unit', 'U0003'),
    ).toContain('created user clerk1');
    expect(() =>
      lianxin('user', 'add', '--username', 'clerk2', '--password', 'Clerk@12345', '--roles', 'king', '--unit', 'U0003'),
    ).toThrow(/roles/);
  });

  it('shows an order with its masked caller and full timeline', () => {
    expect(lianxin('migrate')).toContain('migrated');
    const orderNo = findAnyOrderNo();
    const out = lianxin('order', 'show', orderNo);
    expect(out).toContain(orderNo);
    expect(out).toMatch(/1\d\d\*\*\*\*\d{4}/);
    expect(out).toContain('accept');
    expect(() => lianxin('order', 'show', '0000000000')).toThrow(/不存在/);
  });

  it('tells a person’s mistakes in one line, without a stack trace', () => {
    const failure = (...args: string[]) => {
      try {
        lianxin(...args);
      } catch (e) {
        return String((e as { stderr: string }).stderr);
      }
      throw new Error(`lianxin ${args.join(' ')} did not fail`);
    };
    const missing = failure('order', 'show', '0000000000');
    expect(missing.trim()).toBe('工单 0000000000 不存在 / order 0000000000 not found');
    expect(failure('nlp', 'eval')).toMatch(/^请给出 --train <csv> 和 --test <csv>/);
    expect(failure('nlp', 'eval', '--train', '/nonexistent/a.csv', '--test', '/nonexistent/b.csv').trim()).toBe(
      '文件不存在 / file not found: /nonexistent/a.csv',
    );
    const header = path.join(dataDir, 'wrong-columns.csv');
    fs.writeFileSync(header, 'id,title\n1,x\n');
    expect(failure('text', 'eval-knowledge', '--file', header)).toContain('缺少列 留言主题、留言详情、答复意见');
    expect(failure('text', 'eval-knowledge', '--limit', 'abc')).toContain('须为正整数');
    for (const out of [missing, failure('nlp', 'eval')]) expect(out).not.toMatch(/\n\s+at /);
  });

  it('refuses to open the embedded database while another process has it, and takes over a dead one’s lock', async () => {
    const holder = spawn('npx', ['tsx', '--input-type=module', '-e', holdDatabaseScript()], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true, // its own process group: npx and tsx start child processes, all must go
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
      });
      expect(() => lianxin('order', 'show', '0000000000')).toThrow(/正被另一个进程（pid \d+）使用/);
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      process.kill(-holder.pid!, 'SIGKILL'); // no clean exit: its lock file stays behind, naming a dead process
      await exited;
    }
    await untilGone(Number(fs.readFileSync(path.join(dataDir, 'pgdata.lock'), 'utf8')));
    expect(() => lianxin('order', 'show', '0000000000')).toThrow(/工单 0000000000 不存在/);
  });

  it('imports a holiday notice as centre overrides, or nothing when a line is bad', () => {
    const good = path.join(dataDir, 'notice-good.csv');
    fs.writeFileSync(good, '日期,类型,名称\n2031-10-01,休,国庆节\n2031-10-11,班,国庆节调休上班\n');
    expect(lianxin('calendar', 'import', good)).toContain('imported 2 days (1 off, 1 working)');
    const month = lianxin('calendar', 'show', '2031-10');
    expect(month).toContain('2031-10-01 休息 day off  国庆节 (centre_holiday)');
    expect(month).toContain('2031-10-11 上班 working  国庆节调休上班 (centre_workday)');
    const bad = path.join(dataDir, 'notice-bad.csv');
    fs.writeFileSync(bad, '2031-10-02,休,国庆节\n2031-10-3,休,国庆节\n');
    expect(() => lianxin('calendar', 'import', bad)).toThrow(/line 2: date must be YYYY-MM-DD/);
    expect(lianxin('calendar', 'show', '2031-10')).not.toContain('2031-10-02 休息');
  });
});

/** A closed order whose caller is still on record (the demo also keeps an archive erased by the retention job). */
function findAnyOrderNo(): string {
  const script = `
    import { openDatabase } from './src/db/database.ts';
    const d = await openDatabase({ pgliteDir: ${JSON.stringify(path.join(dataDir, 'pgdata'))} });
    const r = await d.db.selectFrom('orders').select('order_no').where('state', '=', 'closed').where('anonymised_at', 'is', null).limit(1).executeTakeFirstOrThrow();
    console.log(r.order_no);
    await d.close();`;
  return execFileSync('npx', ['tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
}

/** A process that opens the data directory's database and keeps it open until killed. */
function holdDatabaseScript(): string {
  return `
    import { openDatabase } from './src/db/database.ts';
    await openDatabase({ pgliteDir: ${JSON.stringify(path.join(dataDir, 'pgdata'))} });
    console.log('holding');
    setInterval(() => {}, 1000);`;
}

/** Waits until a killed process has really ended (its children die a moment after the group's leader). */
async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

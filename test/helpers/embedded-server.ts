import { spawn } from 'node:child_process';
import { expect } from 'vitest';

// An embedded (PGlite) lianxin server in a child process, for kill -9 and backup-while-running tests.

/**
 * The embedded server with an operator (k9_operator / Bench@12345) that takes `lianxin backup`
 * requests like `serve` does; run it in its own process group; it prints "READY <port>".
 */
export const serverScript = (dir: string) => `
  import { openDatabase } from './src/db/database.ts';
  import { migrateToLatest } from './src/db/migrate.ts';
  import { composeDeps } from './src/composition.ts';
  import { loadConfig } from './src/config/config.ts';
  import { domainSettings } from './src/config/domain-settings.ts';
  import { buildApp } from './src/http/app.ts';
  import { insertCentre, insertUnit } from './src/org/unit.repository.ts';
  import { systemClock } from './src/shared/clock.ts';
  import { hashPassword } from './src/users/password.ts';
  import { insertUser } from './src/users/user.repository.ts';
  import { setCentreMfaRoles } from './src/users/totp.repository.ts';
  import { listenForBackupRequests } from './src/backup/backup-request.ts';
  import { loadPiiKeyring } from './src/config/pii-keys.ts';
  const dataDir = ${JSON.stringify(dir)};
  const database = await openDatabase({ pgliteDir: dataDir + '/pgdata', pii: loadPiiKeyring({ kind: 'file', file: dataDir + '/keys/pii-keys.json', explicit: false }) });
  await migrateToLatest(database.db);
  const centre = await insertCentre(database.db, { code: 'k9', name: '断电中心' });
  // A new centre requires two-factor sign-in of every role (ADR 0156); this one signs in by password.
  await setCentreMfaRoles(database.db, centre.id, []);
  const unit = await insertUnit(database.db, { centreId: centre.id, parentId: null, parentPath: null, code: 'U0', name: '中心', kind: 'centre' });
  await insertUser(database.db, { centreId: centre.id, unitId: unit.id, username: 'k9_operator', displayName: '话务员',
    passwordHash: await hashPassword('Bench@12345'), roles: ['operator'] });
  const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const app = await buildApp({ deps: composeDeps({ db: database.db, clock: systemClock, dataDir, settings: domainSettings(config) }), config });
  listenForBackupRequests(database, dataDir, () => {});
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log('READY ' + app.server.address().port);`;

/**
 * Starts the embedded server script in its own process group; `ready` gives its base URL once it
 * prints READY (and fails if it exits first). The caller kills the group (-pid) and awaits `exited`.
 */
export function spawnEmbeddedServer(dir: string) {
  const server = spawn('npx', ['tsx', '--input-type=module', '-e', serverScript(dir)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { server, exited, ready };
}

/** The script's operator signs in and gets a bearer token (ADR 0158: only when asked for). */
export async function signInOperator(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'k9_operator', password: 'Bench@12345', bearer: true }),
  });
  expect(login.status).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

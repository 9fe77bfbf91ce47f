import { Command, Option } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openRuntime } from '../../runtime.js';
import { startServer, type RunningServer, type ServerRole } from '../../server.js';
import { prepareDemo } from '../../demo/demo.service.js';
import { CliError } from '../cli-error.js';
import { listenForBackupRequests } from '../../backup/backup-request.js';
import { requirePiiKeyring } from '../../db/pii-columns.plugin.js';
import { describePiiKeys } from '../../config/pii-keys.js';

export const serveCommand = () =>
  new Command('serve')
    .description('启动服务 / start the server (web console, API, background worker)')
    .addOption(new Option('--roles <roles>', 'comma-separated roles of this process').default('web,worker'))
    .option('--no-demo', '首次启动不生成演示数据 / do not seed the demo hotline on an empty database')
    .action(async (opts: { roles: string; demo: boolean }) => {
      const config = loadConfig();
      const roles = opts.roles.split(',').map((r) => r.trim()) as ServerRole[];
      const bad = roles.filter((r) => r !== 'web' && r !== 'worker');
      if (bad.length > 0)
        throw new CliError(
          `未知角色：${bad.join(', ')}（可用 web、worker）`,
          `unknown role(s): ${bad.join(', ')} (use web, worker)`,
        );
      const rt = await openRuntime(config);
      console.log(`lianxin: database ${rt.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`);
      console.log(`lianxin: ${describePiiKeys(config, requirePiiKeyring(rt.database.db).currentId)}`);
      // `lianxin backup` from another process asks this one for the embedded database (ADR 0162).
      if (rt.database.kind === 'pglite') listenForBackupRequests(rt.database, config.dataDir, console.log);

      const servers: RunningServer[] = [];
      const stopping = new AbortController();
      let history: Promise<void> = Promise.resolve();
      const shutdown = async () => {
        stopping.abort(); // the demo history stops after the order it is writing
        await history.catch(() => undefined);
        for (const server of servers.reverse()) await server.stop();
        await rt.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);

      const generateHistory =
        config.seedDemo && opts.demo
          ? await prepareDemo(rt.deps, (l) => console.log(l), { serverUrl: config.notices.publicUrl })
          : null;
      // A first start answers at once: the web role listens while the demo history is generated; the
      // worker starts after it, so deadlines and rollups see the finished history.
      if (roles.includes('web')) {
        servers.push(await startServer(rt, config, ['web']));
        console.log(`lianxin: listening on http://localhost:${config.port}`);
      }
      if (generateHistory) {
        console.log('demo: generating months of history in the background; the console is usable meanwhile…');
        // A failed history leaves a smaller demo, never a dead server: the worker still starts.
        history = generateHistory(stopping.signal).catch((error: unknown) =>
          console.error(`demo: history generation stopped: ${error instanceof Error ? error.message : String(error)}`),
        );
        await history;
      }
      if (stopping.signal.aborted) return;
      if (roles.includes('worker')) servers.push(await startServer(rt, config, ['worker']));
      console.log(`lianxin: ready (roles: ${roles.join(', ')})`);
    });

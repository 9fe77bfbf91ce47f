import { Command, Option } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openRuntime } from '../../runtime.js';
import { startServer, type ServerRole } from '../../server.js';
import { ensureDemo } from '../../demo/demo.service.js';

export const serveCommand = () =>
  new Command('serve')
    .description('启动服务 / start the server (web console, API, background worker)')
    .addOption(new Option('--roles <roles>', 'comma-separated roles of this process').default('web,worker'))
    .option('--no-demo', '首次启动不生成演示数据 / do not seed the demo hotline on an empty database')
    .action(async (opts: { roles: string; demo: boolean }) => {
      const config = loadConfig();
      const roles = opts.roles.split(',').map((r) => r.trim()) as ServerRole[];
      const bad = roles.filter((r) => r !== 'web' && r !== 'worker');
      if (bad.length > 0) throw new Error(`unknown role(s): ${bad.join(', ')} (use web, worker)`);
      const rt = await openRuntime(config);
      console.log(`lianxin: database ${rt.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`);
      if (config.seedDemo && opts.demo) await ensureDemo(rt.deps, (line) => console.log(line));
      const server = await startServer(rt, config, roles);
      console.log(`lianxin: listening on http://localhost:${config.port} (roles: ${roles.join(', ')})`);
      const shutdown = async () => {
        await server.stop();
        await rt.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

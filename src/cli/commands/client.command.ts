import { Command } from 'commander';
import { API_SCOPES, type ApiScope } from '../../contract/api-clients.js';
import { CHANNELS, type Channel } from '../../contract/vocabulary.js';
import { findCentreByCode, findUnitByCode, listCentres } from '../../org/unit.repository.js';
import { findApiClientByName } from '../../apiclients/api-client.repository.js';
import { createApiClient, issueApiKey, listClients, revokeApiClient, revokeApiKey } from '../../apiclients/api-client.service.js';
import type { Runtime } from '../../runtime.js';
import { withRuntime } from '../with-runtime.js';
import { CliError } from '../cli-error.js';

async function centreOf(rt: Runtime, code: string | undefined) {
  const centres = await listCentres(rt.deps.db);
  const centre = code ? await findCentreByCode(rt.deps.db, code) : centres.length === 1 ? centres[0] : undefined;
  if (centre) return centre;
  if (code) throw new CliError(`中心 ${code} 不存在`, `no centre ${code}`);
  // An empty database has no centre yet: only the demo seed makes one today.
  if (centres.length === 0) {
    throw new CliError('还没有任何中心：请先运行 `lianxin seed --demo`', 'no centre yet: run `lianxin seed --demo` first');
  }
  throw new CliError('有多个中心：请用 --centre <代码> 指定', 'several centres: pass --centre <code>');
}

async function clientOf(rt: Runtime, centreId: string, name: string) {
  const client = await findApiClientByName(rt.deps.db, centreId, name);
  if (!client) throw new CliError(`没有名为“${name}”的接口客户端`, `no API client named "${name}"`);
  return client;
}

function scopesOf(raw: string): ApiScope[] {
  const scopes = raw.split(',').map((s) => s.trim());
  const bad = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (bad.length > 0 || scopes.length === 0) {
    throw new CliError(
      `无效的权限范围：${bad.join(', ')}`,
      `unknown scopes: ${bad.join(', ')} (known: ${API_SCOPES.join(', ')})`,
    );
  }
  return scopes as ApiScope[];
}

const centreOption = ['--centre <code>', 'centre code (default: the only centre)'] as const;

/** 接口客户端 (ADR 0180): outside systems and their keys, from the machine's shell. */
export const clientCommand = () => {
  const client = new Command('client').description('接口客户端 / API clients of outside systems (Open311 keys)');
  client
    .command('add')
    .description('登记接口客户端 / register an API client')
    .requiredOption('--name <name>', 'name of the outside system')
    .requiredOption('--scopes <list>', `comma-separated: ${API_SCOPES.join(', ')}`)
    .option('--channel <channel>', `channel its appeals count under: ${CHANNELS.join(', ')}`, 'open_api')
    .option('--owner-unit <code>', 'owner unit code')
    .option('--contact <text>', 'contact person and number')
    .option('--rate <n>', 'requests per minute', (v) => Number.parseInt(v, 10))
    .option('--ip-allow <list>', 'comma-separated addresses or CIDR blocks allowed to use its keys')
    .option('--print-key', 'issue its first key and print it (shown this once)')
    .option(...centreOption)
    .action(
      async (opts: {
        name: string;
        scopes: string;
        channel: string;
        ownerUnit?: string;
        contact?: string;
        rate?: number;
        ipAllow?: string;
        printKey?: boolean;
        centre?: string;
      }) => {
        await withRuntime(async (rt) => {
          const centre = await centreOf(rt, opts.centre);
          if (!(CHANNELS as readonly string[]).includes(opts.channel))
            throw new CliError(`无效渠道 ${opts.channel}`, `unknown channel ${opts.channel}`);
          const unit = opts.ownerUnit ? await findUnitByCode(rt.deps.db, centre.id, opts.ownerUnit) : undefined;
          if (opts.ownerUnit && !unit) throw new CliError(`没有代码为 ${opts.ownerUnit} 的单位`, `no unit ${opts.ownerUnit}`);
          const { client: created, issued } = await createApiClient(
            rt.deps,
            null,
            centre.id,
            {
              name: opts.name,
              scopes: scopesOf(opts.scopes),
              channel: opts.channel as Channel,
              ownerUnitId: unit?.id,
              contact: opts.contact,
              ratePerMinute: opts.rate,
              ipAllow: opts.ipAllow?.split(','),
            },
            { issueKey: opts.printKey ?? false },
          );
          if (issued) console.log(issued.key);
          else
            console.log(
              `created API client ${created.name} (${created.scopes.join(',')}); issue a key with \`lianxin client key add\``,
            );
        });
      },
    );
  client
    .command('list')
    .description('接口客户端列表 / list API clients and their keys')
    .option(...centreOption)
    .action(async (opts: { centre?: string }) => {
      await withRuntime(async (rt) => {
        const centre = await centreOf(rt, opts.centre);
        for (const c of await listClients(rt.deps, null, centre.id)) {
          const state = c.revokedAt ? 'revoked' : 'active';
          console.log(`${c.name}\t${state}\t${c.channel}\t${c.scopes.join(',')}\t${c.ratePerMinute}/min\torders ${c.orderCount}`);
          for (const k of c.keys) console.log(`  key lx_${k.prefix}_…\t${k.revokedAt ? 'revoked' : 'active'}\t${k.label}`);
        }
      });
    });
  client
    .command('revoke')
    .description('停用接口客户端（全部密钥失效）/ revoke a client (all its keys stop)')
    .requiredOption('--name <name>', 'client name')
    .option(...centreOption)
    .action(async (opts: { name: string; centre?: string }) => {
      await withRuntime(async (rt) => {
        const centre = await centreOf(rt, opts.centre);
        await revokeApiClient(rt.deps, null, centre.id, (await clientOf(rt, centre.id, opts.name)).id);
        console.log(`revoked API client ${opts.name}`);
      });
    });
  const key = client.command('key').description('密钥 / keys of a client');
  key
    .command('add')
    .description('签发新密钥（轮换）并打印 / issue and print a new key (rotation)')
    .requiredOption('--name <name>', 'client name')
    .option('--label <label>', 'what the key is for', '')
    .option(...centreOption)
    .action(async (opts: { name: string; label: string; centre?: string }) => {
      await withRuntime(async (rt) => {
        const centre = await centreOf(rt, opts.centre);
        const issued = await issueApiKey(rt.deps, null, centre.id, (await clientOf(rt, centre.id, opts.name)).id, opts.label);
        console.log(issued.key);
      });
    });
  key
    .command('revoke')
    .description('停用一个密钥 / revoke one key')
    .requiredOption('--name <name>', 'client name')
    .requiredOption('--prefix <prefix>', 'the key’s prefix (the 8 characters after lx_)')
    .option(...centreOption)
    .action(async (opts: { name: string; prefix: string; centre?: string }) => {
      await withRuntime(async (rt) => {
        const centre = await centreOf(rt, opts.centre);
        const c = await clientOf(rt, centre.id, opts.name);
        const listed = (await listClients(rt.deps, null, centre.id)).find((x) => x.id === c.id)!;
        const found = listed.keys.find((k) => k.prefix === opts.prefix.replace(/^lx_/, '').slice(0, 8));
        if (!found) throw new CliError(`没有前缀为 ${opts.prefix} 的密钥`, `no key with prefix ${opts.prefix}`);
        await revokeApiKey(rt.deps, null, centre.id, c.id, found.id);
        console.log(`revoked key lx_${found.prefix}_… of ${opts.name}`);
      });
    });
  return client;
};

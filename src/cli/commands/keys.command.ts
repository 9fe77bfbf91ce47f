import fs from 'node:fs';
import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../../config/config.js';
import { readKeyFile, writeKeyFile } from '../../config/pii-keys.js';
import { requirePiiKeyring } from '../../db/pii-columns.plugin.js';
import { reindexAllRows, rewrapAllRows } from '../../db/pii-rewrap.js';
import { countValuesByKey } from '../../db/pii-rewrap.repository.js';
import { generateKeyData, newKeyBytes, newKeyId, RELOAD_EVERY_MS } from '../../shared/pii-keyring.js';
import { CliError } from '../cli-error.js';
import { systemClock } from '../../shared/clock.js';
import { countFilesByKey, rewrapAttachmentFiles } from '../../attachments/attachment-files.js';
import { withRuntime } from '../with-runtime.js';
import type { Runtime } from '../../runtime.js';

// `lianxin keys …` (ADRs 0170, 0171): the personal-data keys. They live in a key file (or the
// environment), never in the database; back the file up apart from the database backups.

const keyFileOf = (config: Config): string => {
  if (config.piiKeys.kind === 'file') return config.piiKeys.file;
  throw new CliError(
    '密钥来自环境变量 LIANXIN_PII_KEYS：请在其中加入新密钥并设为 current，逐台重启后运行 lianxin keys rewrap',
    'the keys come from LIANXIN_PII_KEYS: add a new key there as "current", restart the processes one by one, then run lianxin keys rewrap',
  );
};

const describeCounts = (counts: Record<string, number>, current: string) =>
  Object.entries(counts)
    .map(([id, n]) => `${id === 'plain' ? '明文 / plain text' : id}${id === current ? ' (current)' : ''}: ${n}`)
    .join(', ') || '无个人信息 / no personal data yet';

/** Re-seals every row with the current key, with progress on stderr; true when no value uses another key. */
async function rewrap(rt: Runtime, batch: number): Promise<boolean> {
  const keyring = requirePiiKeyring(rt.database.db);
  let shown = false;
  const rows = await rewrapAllRows(rt.database.db, keyring, {
    batch,
    onProgress: (p) => {
      const line = `重新加密 / re-sealing ${p.table}: ${p.done}/${p.total}`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
      shown = true;
    },
  });
  const files = await rewrapAttachmentFiles(rt.database.db, rt.deps.dataDir, (n) => {
    process.stderr.write(process.stderr.isTTY ? `\r重新加密附件 / re-sealing files: ${n}   ` : `re-sealing files: ${n}\n`);
    shown = true;
  });
  if (process.stderr.isTTY && shown) process.stderr.write('\n');
  const counts = await countValuesByKey(rt.database.db);
  const fileCounts = await countFilesByKey(rt.database.db, rt.deps.dataDir);
  console.log(`已重新加密 / re-sealed: ${rows} rows, ${files} files`);
  console.log(`各密钥的值 / values by key: ${describeCounts(counts, keyring.currentId)}`);
  console.log(`各密钥的附件 / files by key: ${describeCounts(fileCounts, keyring.currentId)}`);
  return [...Object.keys(counts), ...Object.keys(fileCounts)].every((id) => id === keyring.currentId);
}

/** Recomputes every blind index under the current index key, with progress on stderr (ADR 0201). */
async function reindex(rt: Runtime, batch: number): Promise<number> {
  const keyring = requirePiiKeyring(rt.database.db);
  const rewritten = await reindexAllRows(rt.database.db, keyring, {
    batch,
    onProgress: (p) => {
      const line = `重算盲索引 / recomputing blind indexes ${p.table}: ${p.looked}/${p.total} (${p.rewritten} rewritten)`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`已重算盲索引 / blind indexes recomputed: ${rewritten}`);
  return rewritten;
}

/** After a complete recompute: the previous index keys leave the key file (look-ups then use one key). */
function retirePreviousIndexes(file: string) {
  const { previousIndexes, ...data } = readKeyFile(file);
  writeKeyFile(file, data);
  console.log(`已删除旧盲索引密钥 / retired ${previousIndexes?.length ?? 0} previous blind-index key(s)`);
}

export const keysCommand = () => {
  const cmd = new Command('keys').description('个人信息加密密钥 / the personal-data encryption keys (ADR 0170)');
  cmd
    .command('generate')
    .description('为新部署生成密钥文件 / make the key file of a new installation')
    .option('--file <path>', '写到此文件（默认：配置的密钥文件）/ write this file (default: the configured key file)')
    .option('--print', '只打印 JSON（供 LIANXIN_PII_KEYS 使用）/ only print the JSON (for LIANXIN_PII_KEYS)')
    .action((opts: { file?: string; print?: boolean }) => {
      const data = generateKeyData(systemClock.now());
      if (opts.print) {
        console.log(JSON.stringify(data));
        return;
      }
      const file = opts.file ?? keyFileOf(loadConfig());
      if (fs.existsSync(file))
        throw new CliError(`密钥文件已存在，不覆盖：${file}`, `the key file exists and is not overwritten: ${file}`);
      writeKeyFile(file, data, true);
      console.log(`已生成 / written: ${file} (key ${data.current}); 请与数据库备份分开保存 / back it up apart from the database`);
    });
  cmd
    .command('status')
    .description('当前密钥与各密钥加密的值数 / the current key and the values each key sealed')
    .action(async () => {
      await withRuntime(async (rt) => {
        const keyring = requirePiiKeyring(rt.database.db);
        console.log(`密钥 / keys: ${keyring.keyIds.join(', ')}; current: ${keyring.currentId}`);
        console.log(`各密钥的值 / values by key: ${describeCounts(await countValuesByKey(rt.database.db), keyring.currentId)}`);
        console.log(
          `各密钥的附件 / files by key: ${describeCounts(await countFilesByKey(rt.database.db, rt.deps.dataDir), keyring.currentId)}`,
        );
      });
    });
  cmd
    .command('rotate')
    .description(
      '生成新密钥并用它重新加密全部个人信息（服务不停）/ add a new current key and re-seal all personal data (no downtime)',
    )
    .addOption(new Option('--batch <n>', '每批行数 / rows per batch').default('500'))
    .option('--retire', '完成后从密钥文件删除旧密钥 / remove the old keys from the key file when done')
    .action(async (opts: { batch: string; retire?: boolean }) => {
      const config = loadConfig();
      const file = keyFileOf(config);
      const data = readKeyFile(file);
      const id = newKeyId(systemClock.now());
      writeKeyFile(file, { ...data, current: id, keys: { ...data.keys, [id]: newKeyBytes() } });
      console.log(
        `新密钥 / new current key: ${id} (旧密钥仍可解密 / the old keys still open: ${Object.keys(data.keys).join(', ')})`,
      );
      // Running servers look at the key file every few seconds: from now on they seal with the new key.
      const wait = RELOAD_EVERY_MS * 2 + 1000;
      console.log(`等待运行中的服务读取新密钥 / waiting ${wait / 1000} s for running servers to take the new key…`);
      await new Promise((r) => setTimeout(r, wait));
      await retireIfDone(await withRuntime((rt) => rewrap(rt, Number(opts.batch) || 500)), opts.retire === true, file, id);
    });
  cmd
    .command('rewrap')
    .description('用当前密钥重新加密仍用旧密钥或明文的值 / re-seal values still under an old key or in plain text')
    .addOption(new Option('--batch <n>', '每批行数 / rows per batch').default('500'))
    .action(async (opts: { batch: string }) => {
      const done = await withRuntime((rt) => rewrap(rt, Number(opts.batch) || 500));
      if (!done) process.exitCode = 1;
    });
  cmd
    .command('rotate-index')
    .description(
      '生成新盲索引密钥并重算全部盲索引（服务不停，期间查找同时匹配新旧密钥）/ add a new blind-index key and recompute every blind index (no downtime; look-ups match both keys meanwhile)',
    )
    .addOption(new Option('--batch <n>', '每批行数 / rows per batch').default('500'))
    .option('--retire', '完成后删除旧盲索引密钥 / remove the previous blind-index key when done')
    .action(async (opts: { batch: string; retire?: boolean }) => {
      const file = keyFileOf(loadConfig());
      const data = readKeyFile(file);
      writeKeyFile(file, { ...data, index: newKeyBytes(), previousIndexes: [data.index, ...(data.previousIndexes ?? [])] });
      console.log(
        '新盲索引密钥已写入；旧密钥在重算完成前继续匹配 / new blind-index key written; the old one still matches until the recompute is done',
      );
      const wait = RELOAD_EVERY_MS * 2 + 1000;
      console.log(`等待运行中的服务读取新密钥 / waiting ${wait / 1000} s for running servers to take the new key…`);
      await new Promise((r) => setTimeout(r, wait));
      await withRuntime((rt) => reindex(rt, Number(opts.batch) || 500));
      if (opts.retire) retirePreviousIndexes(file);
      else console.log('完成后可删除旧盲索引密钥 / the previous blind-index key can go: lianxin keys retire-index');
    });
  cmd
    .command('reindex')
    .description('重算仍用旧盲索引密钥的索引（可中断后续跑）/ recompute blind indexes still under a previous key (resumable)')
    .addOption(new Option('--batch <n>', '每批行数 / rows per batch').default('500'))
    .action(async (opts: { batch: string }) => {
      await withRuntime((rt) => reindex(rt, Number(opts.batch) || 500));
    });
  cmd
    .command('retire-index')
    .description(
      '确认全部盲索引已用当前密钥后删除旧盲索引密钥 / remove the previous blind-index keys once every index is under the current one',
    )
    .action(async () => {
      const file = keyFileOf(loadConfig());
      // A recompute that rewrites nothing proves every index is under the current key.
      const rewritten = await withRuntime((rt) => reindex(rt, 500));
      if (rewritten > 0) console.log('已补算遗留索引 / indexes left over were recomputed');
      retirePreviousIndexes(file);
    });
  cmd
    .command('retire')
    .description('删除不再使用的旧密钥 / remove old keys no value uses any more')
    .action(async () => {
      const config = loadConfig();
      const file = keyFileOf(config);
      const done = await withRuntime(async (rt) => {
        const counts = {
          ...(await countValuesByKey(rt.database.db)),
          ...(await countFilesByKey(rt.database.db, rt.deps.dataDir)),
        };
        return Object.keys(counts).every((k) => k === readKeyFile(file).current);
      });
      await retireIfDone(done, true, file, readKeyFile(file).current);
    });
  return cmd;
};

async function retireIfDone(done: boolean, retire: boolean, file: string, current: string) {
  if (!done) {
    process.exitCode = 1;
    console.log('仍有值使用旧密钥，旧密钥保留 / some values still use an old key: the old keys stay (run lianxin keys rewrap)');
    return;
  }
  const data = readKeyFile(file);
  const old = Object.keys(data.keys).filter((k) => k !== current);
  if (!retire || old.length === 0) {
    if (old.length)
      console.log(`旧密钥已不再使用，可删除 / the old keys are no longer used: lianxin keys retire (${old.join(', ')})`);
    return;
  }
  writeKeyFile(file, { ...data, keys: { [current]: data.keys[current]! } });
  console.log(`已删除旧密钥 / retired: ${old.join(', ')}`);
}

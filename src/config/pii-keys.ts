import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../shared/clock.js';
import { generateKeyData, keyDataProblems, PiiKeyring, type PiiKeyData } from '../shared/pii-keyring.js';

/**
 * Where the personal-data keys come from (ADR 0170), decided once by loadConfig: the environment
 * (`LIANXIN_PII_KEYS`, the key file's JSON) or a key file (`LIANXIN_PII_KEY_FILE`, default
 * `<dataDir>/keys/pii-keys.json`). Only the default file is made when missing (zero-config start);
 * a named file that is missing is an error, so a lost key never turns silently into a new one.
 */
export type PiiKeySource =
  | { readonly kind: 'env'; readonly data: PiiKeyData }
  | { readonly kind: 'file'; readonly file: string; readonly explicit: boolean };

type Env = Record<string, string | undefined>;

export function piiKeySourceFrom(env: Env, dataDir: string, problems: string[]): PiiKeySource {
  const raw = env.LIANXIN_PII_KEYS;
  if (raw !== undefined && raw !== '') {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      problems.push('LIANXIN_PII_KEYS must be the JSON of a key file ({"current","keys","index"})');
      return { kind: 'file', file: '', explicit: true };
    }
    const wrong = keyDataProblems(data);
    for (const p of wrong) problems.push(`LIANXIN_PII_KEYS: ${p}`);
    return { kind: 'env', data: data as PiiKeyData };
  }
  const named = env.LIANXIN_PII_KEY_FILE;
  if (named) return { kind: 'file', file: path.resolve(named), explicit: true };
  return { kind: 'file', file: path.join(dataDir, 'keys', 'pii-keys.json'), explicit: false };
}

export function readKeyFile(file: string): PiiKeyData {
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = keyDataProblems(data);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return data as PiiKeyData;
}

/** Writes key data atomically (a temporary file renamed over), mode 600; `exclusive` refuses an existing file. */
export function writeKeyFile(file: string, data: PiiKeyData, exclusive = false): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const body = `${JSON.stringify(data, null, 2)}\n`;
  if (exclusive) {
    fs.writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, body, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * The keyring of this process. A key file is re-read when it changes (its mtime), so running
 * servers follow `lianxin keys rotate` without a restart. `announce` is told when a key file was made.
 */
export function loadPiiKeyring(source: PiiKeySource, announce: (line: string) => void = () => {}): PiiKeyring {
  if (source.kind === 'env') return new PiiKeyring(source.data);
  const { file } = source;
  if (!fs.existsSync(file)) {
    if (source.explicit)
      throw new Error(`个人信息密钥文件不存在 / the personal-data key file ${file} does not exist (lianxin keys generate)`);
    try {
      writeKeyFile(file, generateKeyData(systemClock.now()), true);
      announce(
        `已生成个人信息加密密钥 ${file}（演示/开发用；生产环境请用 lianxin keys generate 并与数据库分开备份）/ ` +
          `generated a personal-data key file ${file} (demo/development; in production make one with lianxin keys generate and back it up apart from the database)`,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first
    }
  }
  let mtime = fs.statSync(file).mtimeMs;
  const reload = () => {
    try {
      const now = fs.statSync(file).mtimeMs;
      if (now === mtime) return undefined;
      const data = readKeyFile(file);
      mtime = now;
      return data;
    } catch {
      return undefined; // a file being replaced: the keys in hand stay until the next look
    }
  };
  return new PiiKeyring(readKeyFile(file), reload);
}

/** One start-up line: where the keys come from (never the keys themselves). */
export function describePiiKeys(config: { piiKeys: PiiKeySource }, currentId: string): string {
  const s = config.piiKeys;
  const from =
    s.kind === 'env'
      ? 'LIANXIN_PII_KEYS'
      : s.explicit
        ? s.file
        : `${s.file}（自动生成，仅供演示 / made automatically, for demo and development）`;
  return `个人信息加密（AES-256-GCM）密钥 ${currentId} 来自 / personal data sealed (AES-256-GCM) with key ${currentId} from ${from}`;
}

import path from 'node:path';

/** Every setting lianxin reads from the environment, parsed once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset means the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly attachmentMaxBytes: number;
  readonly sessionHours: number;
  /** Seed the demo hotline on first start when the database is empty. */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly cookieSecure: boolean;
  /** Bearer token of the telephone system (CTI) posting call events; unset = only operators may. */
  readonly ctiToken: string | undefined;
  /** The centre (code) the CTI token reports for; unset = the first centre. */
  readonly ctiCentreCode: string | undefined;
  /** Weight of 基本满意 in 满意率 (0..1). */
  readonly kpiBasicSatisfiedWeight: number;
  /** The centre the public citizen portal serves (by code); unset means the first centre. */
  readonly portalCentreCode: string | undefined;
  /** Per client IP: appeals the portal accepts per hour, and look-ups (incl. ratings) per minute. */
  readonly portalSubmitsPerHour: number;
  readonly portalLookupsPerMinute: number;
  /**
   * DEVELOPMENT ONLY (LIANXIN_DEV_LOG_OTP=1): writes the portal's one-time codes to the server log,
   * as no SMS gateway exists yet; off, "my appeals" is unavailable. Never on in production.
   */
  readonly devLogOtp: boolean;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): false, true, a hop count
   * or a list of addresses/CIDRs. Needed behind a load balancer, or every citizen shares its IP.
   */
  readonly trustProxy: boolean | number | string[];
  /** Pause of the background worker between idle ticks. */
  readonly workerPollMs: number;
  /** Where notifications are POSTed as JSON (unset: no webhooks). */
  readonly webhookUrl: string | undefined;
  readonly webhookTimeoutMs: number;
  /** Category/unit suggestions below this calibrated confidence are not shown at intake. */
  readonly nlpSuggestThreshold: number;
  /** Hours between scheduled retrainings of the suggestion models (0 = never by schedule). */
  readonly nlpRetrainHours: number;
  /** Fewer closed orders than this (per model) and no model is trained. */
  readonly nlpMinTrainingRows: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 / invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, key: string, fallback: number, problems: string[], min = 0): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    problems.push(`${key} must be an integer ≥ ${min}, got "${raw}"`);
    return fallback;
  }
  return n;
}

function boolFrom(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${key} must be true or false, got "${raw}"`);
  return fallback;
}

function urlFrom(env: Env, key: string, problems: string[]): string | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    problems.push(`${key} must be an http:// or https:// URL, got "${raw}"`);
    return undefined;
  }
  return raw;
}

function ctiTokenFrom(env: Env, problems: string[]): string | undefined {
  const raw = env.LIANXIN_CTI_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) problems.push('LIANXIN_CTI_TOKEN must be at least 16 characters');
  return raw;
}

function fractionFrom(env: Env, key: string, fallback: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    problems.push(`${key} must be a number from 0 to 1, got "${raw}"`);
    return fallback;
  }
  return n;
}

function trustProxyFrom(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw === '' || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses the environment; lists every problem at once instead of failing on the first. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with postgres:// or postgresql://`);
  }
  const config: Config = {
    port: intFrom(env, 'PORT', 8080, problems, 0),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.LIANXIN_DATA_DIR || './data'),
    attachmentMaxBytes: intFrom(env, 'LIANXIN_ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, problems, 1),
    sessionHours: intFrom(env, 'LIANXIN_SESSION_HOURS', 12, problems, 1),
    seedDemo: boolFrom(env, 'LIANXIN_SEED_DEMO', true, problems),
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: boolFrom(env, 'LIANXIN_COOKIE_SECURE', false, problems),
    ctiToken: ctiTokenFrom(env, problems),
    ctiCentreCode: env.LIANXIN_CTI_CENTRE || undefined,
    kpiBasicSatisfiedWeight: fractionFrom(env, 'LIANXIN_KPI_BASIC_SATISFIED_WEIGHT', 1, problems),
    portalCentreCode: env.LIANXIN_PORTAL_CENTRE || undefined,
    portalSubmitsPerHour: intFrom(env, 'LIANXIN_PORTAL_SUBMITS_PER_HOUR', 10, problems, 1),
    portalLookupsPerMinute: intFrom(env, 'LIANXIN_PORTAL_LOOKUPS_PER_MINUTE', 30, problems, 1),
    devLogOtp: boolFrom(env, 'LIANXIN_DEV_LOG_OTP', false, problems),
    trustProxy: trustProxyFrom(env.LIANXIN_TRUST_PROXY),
    workerPollMs: intFrom(env, 'LIANXIN_WORKER_POLL_MS', 1000, problems, 10),
    webhookUrl: urlFrom(env, 'LIANXIN_WEBHOOK_URL', problems),
    webhookTimeoutMs: intFrom(env, 'LIANXIN_WEBHOOK_TIMEOUT_MS', 5000, problems, 100),
    nlpSuggestThreshold: fractionFrom(env, 'LIANXIN_NLP_SUGGEST_THRESHOLD', 0.2, problems),
    nlpRetrainHours: intFrom(env, 'LIANXIN_NLP_RETRAIN_HOURS', 24, problems, 0),
    nlpMinTrainingRows: intFrom(env, 'LIANXIN_NLP_MIN_TRAINING_ROWS', 30, problems, 2),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

import path from 'node:path';
import type { MapTilesView } from '../contract/map.js';
import { mapTilesFrom } from './map-config.js';
import { noticeConfigFrom, type NoticeConfig } from './notice-config.js';
import { piiKeySourceFrom, type PiiKeySource } from './pii-keys.js';

/** Every setting lianxin reads from the environment, parsed once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset means the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /**
   * Embedded database: flush each commit to disk (default true). false is faster but an acknowledged
   * order can be lost to a power cut or an OS crash (not to a killed process) — ADR 0160.
   */
  readonly pgliteFsync: boolean;
  /**
   * The Ed25519 key that signs the audit trail's checkpoints (ADR 0161): a PEM file outside the
   * database, created (mode 600) on first use. Default `<dataDir>/keys/audit-signing.pem`.
   */
  readonly auditKeyFile: string;
  /**
   * The personal-data keys (ADR 0170): LIANXIN_PII_KEYS (the key file's JSON) or the key file
   * LIANXIN_PII_KEY_FILE; by default `<dataDir>/keys/pii-keys.json`, made on first start.
   */
  readonly piiKeys: PiiKeySource;
  /** Days the audit trail (personal-data and administrative audit) is kept; ≥ 183 (6 months), default 3 years. */
  readonly auditRetentionDays: number;
  readonly attachmentMaxBytes: number;
  /** Largest video (MP4/MOV/WebM, recognised from the bytes): grid reports' short clips (issue 18). */
  readonly videoMaxBytes: number;
  /** 现场核实 (issue 18): minutes a grid worker has to verify on site (default 120), and how far (metres) an answer's point may lie from the order's before it is flagged. */
  readonly verifyMinutes: number;
  readonly verifyFarMetres: number;
  readonly sessionHours: number;
  /** Sign-in throttling (ADR 0156): failed sign-ins per account name and per client address in a window → 429. */
  readonly loginAccountFailures: number;
  readonly loginIpFailures: number;
  readonly loginWindowMinutes: number;
  /** Consecutive failed sign-ins that lock an account until the security administrator unlocks it. */
  readonly loginLockoutFailures: number;
  /** A session unused this long ends (besides sessionHours); 0 = no idle timeout. */
  readonly sessionIdleMinutes: number;
  /** Password policy (ADR 0156): shortest length; days a password lasts (0 = no expiry). */
  readonly passwordMinLength: number;
  readonly passwordMaxAgeDays: number;
  /** Seed the demo hotline on first start when the database is empty. */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly cookieSecure: boolean;
  /** Send Strict-Transport-Security (only behind HTTPS): LIANXIN_HSTS=true. */
  readonly hsts: boolean;
  /**
   * Origins besides the server's own from which browsers may send state-changing requests (the
   * portal on another domain, say): LIANXIN_ALLOWED_ORIGINS=https://a.example,https://b.example.
   */
  readonly allowedOrigins: readonly string[];
  /** Serve /api/docs and an unauthenticated /api/openapi.json (LIANXIN_API_DOCS=true); off, the description is for signed-in staff. */
  readonly apiDocs: boolean;
  /** Bearer token Prometheus sends to scrape /metrics (≥ 16 characters); unset = only unproxied requests from loopback. */
  readonly metricsToken: string | undefined;
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
  /** Consecutive wrong query codes of one order number that lock its look-up, and for how long (ADR 0173). */
  readonly portalCodeLockoutFailures: number;
  readonly portalCodeLockoutHours: number;
  /**
   * DEVELOPMENT ONLY (LIANXIN_DEV_LOG_OTP=1): writes the portal's one-time codes to the server log,
   * for a machine with no SMS gateway; with neither, "my appeals" is unavailable. Never on in production.
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
  /** Signs the staff-notice webhook like a client's (ADR 0182): X-Lianxin-Timestamp and X-Lianxin-Signature; unset = unsigned. */
  readonly webhookSecret: string | undefined;
  /** Client webhooks (ADR 0182): consecutive failed attempts that pause a subscription (default 10). */
  readonly webhookPauseAfterFailures: number;
  /** Allow plain http:// subscription URLs beyond this machine (default false: https only, http to loopback). */
  readonly webhookAllowHttp: boolean;
  /** Notices to the citizen: SMS and e-mail providers, rate limits, the public URL of links (issue 16). */
  readonly notices: NoticeConfig;
  /** Category/unit suggestions below this calibrated confidence are not shown at intake. */
  readonly nlpSuggestThreshold: number;
  /** Hours between scheduled retrainings of the suggestion models (0 = never by schedule). */
  readonly nlpRetrainHours: number;
  /** Fewer closed orders than this (per model) and no model is trained. */
  readonly nlpMinTrainingRows: number;
  /** The map's base tiles (LIANXIN_MAP_TILES, _CRS, _SUBDOMAINS, LIANXIN_MAP_ATTRIBUTION; ADR 0187); null = none. */
  readonly map: MapTilesView | null;
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

function originsFrom(env: Env, key: string, problems: string[]): string[] {
  const list = (env[key] ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const o of list)
    if (!/^https?:\/\/[^\s/]+$/.test(o)) problems.push(`${key}: "${o}" is not an origin like https://host:port`);
  return list;
}

function ctiTokenFrom(env: Env, problems: string[]): string | undefined {
  const raw = env.LIANXIN_CTI_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) problems.push('LIANXIN_CTI_TOKEN must be at least 16 characters');
  return raw;
}

/** Prometheus sends it as `Authorization: Bearer <token>`: long enough not to be guessed, no spaces. */
function metricsTokenFrom(env: Env, problems: string[]): string | undefined {
  const raw = env.LIANXIN_METRICS_TOKEN;
  if (!raw) return undefined;
  if (raw.length < 16 || /\s/.test(raw)) problems.push('LIANXIN_METRICS_TOKEN must be at least 16 characters, without spaces');
  return raw;
}

function webhookSecretFrom(env: Env, problems: string[]): string | undefined {
  const raw = env.LIANXIN_WEBHOOK_SECRET;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) problems.push('LIANXIN_WEBHOOK_SECRET must be at least 16 characters');
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
    pgliteFsync: boolFrom(env, 'LIANXIN_PGLITE_FSYNC', true, problems),
    auditKeyFile: path.resolve(
      env.LIANXIN_AUDIT_KEY_FILE || path.join(env.LIANXIN_DATA_DIR || './data', 'keys/audit-signing.pem'),
    ),
    piiKeys: piiKeySourceFrom(env, path.resolve(env.LIANXIN_DATA_DIR || './data'), problems),
    auditRetentionDays: intFrom(env, 'LIANXIN_AUDIT_RETENTION_DAYS', 3 * 365, problems, 183),
    attachmentMaxBytes: intFrom(env, 'LIANXIN_ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, problems, 1),
    videoMaxBytes: intFrom(env, 'LIANXIN_VIDEO_MAX_BYTES', 50 * 1024 * 1024, problems, 1),
    verifyMinutes: intFrom(env, 'LIANXIN_VERIFY_MINUTES', 120, problems, 1),
    verifyFarMetres: intFrom(env, 'LIANXIN_VERIFY_FAR_METRES', 500, problems, 1),
    sessionHours: intFrom(env, 'LIANXIN_SESSION_HOURS', 12, problems, 1),
    loginAccountFailures: intFrom(env, 'LIANXIN_LOGIN_ACCOUNT_FAILURES', 5, problems, 1),
    loginIpFailures: intFrom(env, 'LIANXIN_LOGIN_IP_FAILURES', 30, problems, 1),
    loginWindowMinutes: intFrom(env, 'LIANXIN_LOGIN_WINDOW_MINUTES', 15, problems, 1),
    loginLockoutFailures: intFrom(env, 'LIANXIN_LOGIN_LOCKOUT_FAILURES', 10, problems, 1),
    sessionIdleMinutes: intFrom(env, 'LIANXIN_SESSION_IDLE_MINUTES', 30, problems, 0),
    passwordMinLength: intFrom(env, 'LIANXIN_PASSWORD_MIN_LENGTH', 8, problems, 8),
    passwordMaxAgeDays: intFrom(env, 'LIANXIN_PASSWORD_MAX_AGE_DAYS', 0, problems, 0),
    seedDemo: boolFrom(env, 'LIANXIN_SEED_DEMO', true, problems),
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: boolFrom(env, 'LIANXIN_COOKIE_SECURE', false, problems),
    hsts: boolFrom(env, 'LIANXIN_HSTS', false, problems),
    allowedOrigins: originsFrom(env, 'LIANXIN_ALLOWED_ORIGINS', problems),
    apiDocs: boolFrom(env, 'LIANXIN_API_DOCS', false, problems),
    metricsToken: metricsTokenFrom(env, problems),
    ctiToken: ctiTokenFrom(env, problems),
    ctiCentreCode: env.LIANXIN_CTI_CENTRE || undefined,
    kpiBasicSatisfiedWeight: fractionFrom(env, 'LIANXIN_KPI_BASIC_SATISFIED_WEIGHT', 1, problems),
    portalCentreCode: env.LIANXIN_PORTAL_CENTRE || undefined,
    portalSubmitsPerHour: intFrom(env, 'LIANXIN_PORTAL_SUBMITS_PER_HOUR', 10, problems, 1),
    portalLookupsPerMinute: intFrom(env, 'LIANXIN_PORTAL_LOOKUPS_PER_MINUTE', 30, problems, 1),
    portalCodeLockoutFailures: intFrom(env, 'LIANXIN_PORTAL_CODE_LOCKOUT_FAILURES', 20, problems, 1),
    portalCodeLockoutHours: intFrom(env, 'LIANXIN_PORTAL_CODE_LOCKOUT_HOURS', 24, problems, 1),
    devLogOtp: boolFrom(env, 'LIANXIN_DEV_LOG_OTP', false, problems),
    trustProxy: trustProxyFrom(env.LIANXIN_TRUST_PROXY),
    workerPollMs: intFrom(env, 'LIANXIN_WORKER_POLL_MS', 1000, problems, 10),
    webhookUrl: urlFrom(env, 'LIANXIN_WEBHOOK_URL', problems),
    webhookTimeoutMs: intFrom(env, 'LIANXIN_WEBHOOK_TIMEOUT_MS', 5000, problems, 100),
    webhookSecret: webhookSecretFrom(env, problems),
    webhookPauseAfterFailures: intFrom(env, 'LIANXIN_WEBHOOK_PAUSE_AFTER', 10, problems, 1),
    webhookAllowHttp: boolFrom(env, 'LIANXIN_WEBHOOK_ALLOW_HTTP', false, problems),
    notices: noticeConfigFrom(env, problems, intFrom(env, 'PORT', 8080, [], 0)),
    nlpSuggestThreshold: fractionFrom(env, 'LIANXIN_NLP_SUGGEST_THRESHOLD', 0.2, problems),
    nlpRetrainHours: intFrom(env, 'LIANXIN_NLP_RETRAIN_HOURS', 24, problems, 0),
    nlpMinTrainingRows: intFrom(env, 'LIANXIN_NLP_MIN_TRAINING_ROWS', 30, problems, 2),
    map: mapTilesFrom(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

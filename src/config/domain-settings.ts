import { loadConfig, type Config } from './config.js';

/**
 * The settings domain code reads (through `deps.settings`), taken from the Config in one place, so a
 * route cannot forget to pass one along. Infrastructure settings (ports, cookies, tokens, the worker's
 * pace) stay in Config.
 */
export type DomainSettings = Readonly<
  Pick<
    Config,
    | 'kpiBasicSatisfiedWeight'
    | 'nlpSuggestThreshold'
    | 'nlpMinTrainingRows'
    | 'attachmentMaxBytes'
    | 'videoMaxBytes'
    | 'verifyMinutes'
    | 'verifyFarMetres'
    | 'portalCentreCode'
    | 'portalCodeLockoutFailures'
    | 'portalCodeLockoutHours'
    | 'ctiCentreCode'
    | 'sessionHours'
    | 'loginAccountFailures'
    | 'loginIpFailures'
    | 'loginWindowMinutes'
    | 'loginLockoutFailures'
    | 'sessionIdleMinutes'
    | 'passwordMinLength'
    | 'passwordMaxAgeDays'
    | 'auditKeyFile'
    | 'auditRetentionDays'
    | 'webhookTimeoutMs'
    | 'webhookPauseAfterFailures'
    | 'webhookAllowHttp'
  > & {
    /** Where the citizen portal is reached from outside (LIANXIN_PUBLIC_URL): the return-visit link's base. */
    publicUrl: string;
  }
>;

/** The domain's settings out of a parsed Config. */
export function domainSettings(config: Config): DomainSettings {
  return Object.freeze({
    kpiBasicSatisfiedWeight: config.kpiBasicSatisfiedWeight,
    nlpSuggestThreshold: config.nlpSuggestThreshold,
    nlpMinTrainingRows: config.nlpMinTrainingRows,
    attachmentMaxBytes: config.attachmentMaxBytes,
    videoMaxBytes: config.videoMaxBytes,
    verifyMinutes: config.verifyMinutes,
    verifyFarMetres: config.verifyFarMetres,
    portalCentreCode: config.portalCentreCode,
    portalCodeLockoutFailures: config.portalCodeLockoutFailures,
    portalCodeLockoutHours: config.portalCodeLockoutHours,
    ctiCentreCode: config.ctiCentreCode,
    sessionHours: config.sessionHours,
    loginAccountFailures: config.loginAccountFailures,
    loginIpFailures: config.loginIpFailures,
    loginWindowMinutes: config.loginWindowMinutes,
    loginLockoutFailures: config.loginLockoutFailures,
    sessionIdleMinutes: config.sessionIdleMinutes,
    passwordMinLength: config.passwordMinLength,
    passwordMaxAgeDays: config.passwordMaxAgeDays,
    auditKeyFile: config.auditKeyFile,
    auditRetentionDays: config.auditRetentionDays,
    webhookTimeoutMs: config.webhookTimeoutMs,
    webhookPauseAfterFailures: config.webhookPauseAfterFailures,
    webhookAllowHttp: config.webhookAllowHttp,
    publicUrl: config.notices.publicUrl,
  });
}

/** The settings of an unconfigured installation (no environment variables): evaluations and tests. */
export const defaultDomainSettings = (): DomainSettings => domainSettings(loadConfig({}));

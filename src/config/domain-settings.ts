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
    | 'portalCentreCode'
    | 'ctiCentreCode'
    | 'sessionHours'
  >
>;

/** The domain's settings out of a parsed Config. */
export function domainSettings(config: Config): DomainSettings {
  return Object.freeze({
    kpiBasicSatisfiedWeight: config.kpiBasicSatisfiedWeight,
    nlpSuggestThreshold: config.nlpSuggestThreshold,
    nlpMinTrainingRows: config.nlpMinTrainingRows,
    attachmentMaxBytes: config.attachmentMaxBytes,
    portalCentreCode: config.portalCentreCode,
    ctiCentreCode: config.ctiCentreCode,
    sessionHours: config.sessionHours,
  });
}

/** The settings of an unconfigured installation (no environment variables): evaluations and tests. */
export const defaultDomainSettings = (): DomainSettings => domainSettings(loadConfig({}));

/**
 * The web's one door to the contract it shares with the server (src/contract): vocabularies, their
 * labels and the shapes the API presents. Import from here, never redeclare them.
 */
export * from '../../../src/contract/vocabulary';
export * from '../../../src/contract/timeline';
export * from '../../../src/contract/labels';
export type * from '../../../src/contract/orders';
export * from '../../../src/contract/knowledge';
export * from '../../../src/contract/kpi';
export type * from '../../../src/contract/org';
export * from '../../../src/contract/supervision';
export * from '../../../src/contract/limit-words';
export * from '../../../src/contract/agent-tools';
export * from '../../../src/contract/category-aliases';
export type * from '../../../src/contract/calls';
export * from '../../../src/contract/queues';
export * from '../../../src/contract/portal';
export type * from '../../../src/contract/nlp';
export type * from '../../../src/contract/timelimits';
export type * from '../../../src/contract/analytics';
export type * from '../../../src/contract/portal-views';
export type * from '../../../src/contract/notices';
export type * from '../../../src/contract/retention';
export * from '../../../src/contract/assist';
export * from '../../../src/contract/forwarding';
export * from '../../../src/contract/leaders';
export * from '../../../src/contract/leaders-labels';
export * from '../../../src/contract/catalogue';
export * from '../../../src/contract/enterprise';
export * from '../../../src/contract/checks';
export * from '../../../src/contract/api-clients';
export * from '../../../src/contract/imports';
export type * from '../../../src/contract/auth';
export type * from '../../../src/contract/audit';
export * from '../../../src/contract/audit-labels';
export * from '../../../src/contract/channels';
export * from '../../../src/contract/client-webhooks';
export * from '../../../src/contract/visits';
export * from '../../../src/contract/points';
export * from '../../../src/contract/matters';
export * from '../../../src/contract/wishes';

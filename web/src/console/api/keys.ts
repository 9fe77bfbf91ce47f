/**
 * Every query key of the console, in one place, so a write or a live event can refetch exactly what
 * changed. The first element names the family (`orders`, `order`, `knowledge`…); invalidating a
 * family's prefix refetches all its queries.
 */
export const keys = {
  me: ['me'] as const,
  /** Under 'me': the signed-in user's second step and recovery codes. */
  mySecurity: ['me', 'security'] as const,
  orders: (params?: Record<string, unknown>) => (params ? (['orders', params] as const) : (['orders'] as const)),
  orderSearch: (params: Record<string, unknown>) => ['orders', 'search', params] as const,
  leaderFollowupOrders: ['orders', 'leader-followups'] as const,
  /** 待核查 and the enterprise queue live under 'orders': an order action refreshes them (ADR 0135, 0137). */
  checks: ['orders', 'checks'] as const,
  enterpriseOrders: (status: string) => ['orders', 'enterprise', status] as const,
  /** The 回访 desk's links and sampled 直办 orders (ADR 0202): under 'orders', so a visit refreshes them. */
  visitLinks: ['orders', 'visit-links'] as const,
  directSamples: ['orders', 'direct-samples'] as const,
  enterpriseKpis: (params: Record<string, unknown>) => ['kpis', 'enterprise', params] as const,
  order: (id: string) => ['order', id] as const,
  orderDuplicates: (id: string) => ['order', id, 'duplicates'] as const,
  timeline: (id: string) => ['timeline', id] as const,
  /** Under the order's prefix: a write or live event on the order refetches its 协办 panel too. */
  orderAssist: (id: string) => ['order', id, 'assist'] as const,
  assistInbox: ['assist-inbox'] as const,
  units: ['units'] as const,
  categories: ['categories'] as const,
  regions: ['regions'] as const,
  subCentres: ['sub-centres'] as const,
  /** Where the signed-in dispatcher may dispatch (ADR 0153). */
  dispatchArea: ['sub-centres', 'dispatch-area'] as const,
  users: ['users'] as const,
  supervisions: ['supervisions'] as const,
  leaderFollowups: ['leader-followups'] as const,
  calendar: (month?: string) => (month ? (['calendar', month] as const) : (['calendar'] as const)),
  calendarOverrides: ['calendar-overrides'] as const,
  timeLimitPolicies: ['timelimit-policies'] as const,
  knowledge: ['knowledge'] as const,
  knowledgeList: (q: string, status: string | undefined) => ['knowledge', 'list', q, status] as const,
  knowledgeUpkeep: ['knowledge', 'upkeep'] as const,
  knowledgeArticle: (id: string) => ['knowledge-article', id] as const,
  knowledgeSuggest: (text: unknown) => ['knowledge-suggest', text] as const,
  duplicateCheck: (body: unknown) => ['duplicate-check', body] as const,
  nlpSuggest: (input: unknown) => ['nlp-suggest', input] as const,
  kpis: (params: Record<string, unknown>) => ['kpis', params] as const,
  kpiNow: ['kpis', 'now'] as const,
  hotspots: (params: unknown) => ['hotspots', params] as const,
  assessment: (month: string) => ['assessment', month] as const,
  assessmentAppeals: (month: string) => ['assessment-appeals', month] as const,
  assessmentHistory: (toMonth: string) => ['assessment-history', toMonth] as const,
  /** Every assessment query (a month, its appeals, the history): what a freeze or a decision changes. */
  assessmentAll: [['assessment'], ['assessment-appeals'], ['assessment-history']] as const,
};

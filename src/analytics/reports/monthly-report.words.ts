/** Row names of the monthly report's KPI table (the service names rows; the formats print them). */
export const KPI_ROW_LABEL = { total: '合计', ownLevel: '（本级）', undispatched: '中心（未派单）' } as const;

/** The personal-data retention of the actor's centre, as the system administrator's screen shows it (ADR 0174). */
export interface RetentionView {
  /** Closed orders keep the caller's personal data this many years (1–30). */
  retentionYears: number;
  /** Orders closed before this instant are due for erasure now. */
  closedBefore: string;
  /** Closed orders due and not erased yet (the daily job erases them). */
  due: number;
  /** Orders whose personal data has been erased so far. */
  erased: number;
  /** The last run that erased anything: when and how many orders. */
  lastRun: { at: string; orders: number } | null;
}

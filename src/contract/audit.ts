// The audit administrator's answers (issue 15, ADR 0161): the trail's search and its verification.

/** One row of the audit trail: who, what (the purpose/action key), when, about which order or person. */
export interface AuditEntryView<D = string> {
  id: number;
  at: D;
  username: string | null;
  displayName: string | null;
  action: string;
  fields: string[];
  orderNo: string | null;
  subject: string | null;
  /** What happened besides (client address, reason, roles before and after…). */
  detail: Record<string, unknown> | null;
  /** The row's link in its chain (null: written before chaining, never after migration 0760). */
  chainSeq: number | null;
}

export interface AuditSearchView<D = string> {
  entries: AuditEntryView<D>[];
  /** More rows match than were returned (narrow the search or export). */
  more: boolean;
}

export interface AuditChainStatusView {
  stream: string;
  centre: string;
  ok: boolean;
  zh: string;
  en: string;
}

/** The latest verification of the trail (at null: never verified yet). */
export interface AuditVerificationView<D = string> {
  at: D | null;
  ok: boolean | null;
  rowsChecked: number;
  chains: AuditChainStatusView[];
}

import type { AppealType, Role } from './vocabulary.js';

/**
 * 派单目录 (dispatch catalogue, issue 14, ADR 0125): the shapes server and web share. A rule says who
 * handles a category in a region (optionally for one appeal type or when the appeal names a keyword);
 * the most specific valid rule answers.
 */

/** Who edits the catalogue and its auto-dispatch switch. */
export const CATALOGUE_EDITORS: readonly Role[] = ['admin'];
/** Who asks the catalogue for an answer (intake, dispatch) and reads the rules. */
export const CATALOGUE_READERS: readonly Role[] = ['operator', 'dispatcher', 'supervisor', 'admin'];
/** Who reads the 遵循率 / 回退率 report. */
export const CATALOGUE_REPORT_READERS: readonly Role[] = ['admin', 'supervisor', 'dispatcher', 'analyst', 'leader'];

/** Whether a dispatch followed the catalogue's answer, went elsewhere, or had no answer to follow. */
export const CATALOGUE_OUTCOMES = ['followed', 'overridden', 'no_rule'] as const;
export type CatalogueOutcome = (typeof CATALOGUE_OUTCOMES)[number];

export const CATALOGUE_RULE_CHANGES = ['create', 'edit', 'expire'] as const;
export type CatalogueRuleChange = (typeof CATALOGUE_RULE_CHANGES)[number];

/** A rule's state at a moment: not yet valid, valid, or past its end. */
export type CatalogueRuleStatus = 'future' | 'active' | 'expired';

export const CATALOGUE_KEYWORDS_MAX = 10;
export const CATALOGUE_KEYWORD_MAX_CHARS = 20;

/** What an admin writes for a rule (create, or the whole rule again on edit). */
export interface CatalogueRuleInput {
  categoryId: string | null;
  regionId: string | null;
  appealType?: AppealType | null;
  keywords?: string[];
  leadUnitId: string;
  assistUnitIds?: string[];
  deskUnitId?: string | null;
  note?: string | null;
  /** ISO instant; default: now. */
  validFrom?: string;
  /** ISO instant (exclusive); null or absent: open-ended. */
  validTo?: string | null;
}

export interface CatalogueRuleView<D = string> {
  id: string;
  no: number;
  categoryId: string | null;
  categoryName: string | null;
  regionId: string | null;
  regionName: string | null;
  appealType: AppealType | null;
  keywords: string[];
  leadUnitId: string;
  leadUnitName: string;
  assistUnitIds: string[];
  assistUnitNames: string[];
  deskUnitId: string | null;
  deskUnitName: string | null;
  note: string | null;
  validFrom: D;
  validTo: D | null;
  status: CatalogueRuleStatus;
  version: number;
  updatedAt: D;
}

export interface CatalogueRuleVersionView<D = string> {
  version: number;
  change: CatalogueRuleChange;
  changedByName: string | null;
  changedAt: D;
  rule: CatalogueRuleView<D>;
}

/** The catalogue's answer for an appeal: the rule that applies, or none. */
export interface CatalogueAnswer {
  rule: {
    id: string;
    no: number;
    leadUnitId: string;
    leadUnitName: string;
    assistUnitIds: string[];
    assistUnitNames: string[];
    deskUnitId: string | null;
    deskUnitName: string | null;
    note: string | null;
    /** The rule names the appeal's own category and region (not a parent's): may dispatch automatically. */
    exact: boolean;
  } | null;
  /** The centre dispatches exact hits automatically. */
  autoDispatch: boolean;
}

export interface CatalogueSettingsView {
  autoDispatch: boolean;
}

export interface CatalogueReportRuleRow {
  ruleId: string;
  no: number;
  label: string;
  leadUnitName: string;
  followed: number;
  overridden: number;
  returned: number;
  /** returned / followed; null without followed dispatches. */
  returnRate: number | null;
}

export interface CatalogueReport {
  from: string;
  to: string;
  dispatches: number;
  followed: number;
  overridden: number;
  noRule: number;
  auto: number;
  /** followed / (followed + overridden): of the dispatches the catalogue had an answer for. */
  followRate: number | null;
  /** Rules with dispatches in the period, those that cause returns first. */
  rules: CatalogueReportRuleRow[];
  /** The sub-centre whose dispatches these are (null: every desk's; ADR 0153). */
  deskUnitId: string | null;
}

// Issue 16: channels at intake, the 办不成事 windows register, the merged-lines register and its report
// (ADR 0175). Shared by the server's schemas and the console.
import type { Instant } from './orders.js';
import type { Channel, Role } from './vocabulary.js';

/** The centre's own number: a call or a phoned appeal without another number reported came in on it. */
export const MAIN_HOTLINE = '12345';

/** Channels an operator records by hand in the console (the portal, open API and import arrive by themselves). */
export const CONSOLE_CHANNELS = [
  'phone',
  'window',
  'grid',
  'letter',
  'email',
  'wechat_app',
] as const satisfies readonly Channel[];
export type ConsoleChannel = (typeof CONSOLE_CHANNELS)[number];

/** 办不成事 windows sit in the centre's hall (盟/市级) or a county's hall (旗县级). */
export const WINDOW_LEVELS = ['centre', 'county'] as const;
export type WindowLevel = (typeof WINDOW_LEVELS)[number];

/** 双号并行 (the old number still rings into 12345) or 取消后整体并入 (retired). */
export const LINE_MODES = ['parallel', 'retired'] as const;
export type LineMode = (typeof LINE_MODES)[number];

/** Who keeps the registers and the retirement criterion. */
export const CHANNEL_ADMINS: readonly Role[] = ['admin'];
/** Who reads the merged-lines report (centre-wide figures). */
export const MERGED_LINE_REPORT_READERS: readonly Role[] = ['analyst', 'leader', 'supervisor', 'admin'];

export interface ServiceWindowView<At = Instant> {
  id: string;
  name: string;
  hall: string;
  level: WindowLevel;
  regionId: string | null;
  active: boolean;
  sort: number;
  updatedAt: At;
}

export interface MergedLineView<At = Instant> {
  id: string;
  number: string;
  name: string;
  formerDepartment: string;
  mode: LineMode;
  /** 'YYYY-MM-DD'. */
  mergedOn: string;
  retiredOn: string | null;
  note: string | null;
  updatedAt: At;
}

/** The centre's retirement criterion: a parallel line qualifies when, in each of the last `months` months, it stayed within both thresholds. */
export interface RetirementCriterionView {
  maxCalls: number;
  /** Share of all calls of the month, 0…1. */
  maxShare: number;
  months: number;
}

/** One month of one line (or of 12345 itself, number MAIN_HOTLINE). */
export interface LineMonthFigures {
  month: string;
  offered: number;
  answered: number;
  /** 接通率 = answered / offered; null without calls. */
  answerRate: number | null;
  /** Appeals accepted whose caller dialled this number. */
  appeals: number;
  /** offered / all calls the centre was offered in the month; null without calls. */
  share: number | null;
}

export interface MergedLineReportRow extends LineMonthFigures {
  /** null for the main number's row. */
  lineId: string | null;
  number: string;
  name: string;
  formerDepartment: string | null;
  mode: LineMode | null;
  /** The months before, oldest first (as many as the criterion looks at, at least 6). */
  trend: LineMonthFigures[];
  /** A parallel line that met the criterion in each of the last `months` months. */
  meetsRetirement: boolean;
}

export interface MergedLineReportView {
  month: string;
  criterion: RetirementCriterionView;
  /** All calls and appeals of the month, every number. */
  total: { offered: number; answered: number; answerRate: number | null; appeals: number };
  rows: MergedLineReportRow[];
}

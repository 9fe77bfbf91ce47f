import type { Role } from './vocabulary.js';

/**
 * 民生实事 (issue 19, ADR 0206): a yearly list of practical matters per centre or per county (region),
 * each with an owning leader, claiming units, a schedule of milestones (时间表、路线图), progress
 * reports and linked appeals; residents vote on the year's candidates (票决) with a verified phone.
 */
export const MATTER_STATUSES = ['candidate', 'voting', 'adopted', 'in_progress', 'done', 'rejected'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

export const MATTER_STATUS_LABELS: Record<MatterStatus, { zh: string; en: string }> = {
  candidate: { zh: '候选', en: 'Candidate' },
  voting: { zh: '票决中', en: 'Being voted on' },
  adopted: { zh: '已立项', en: 'Adopted' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  rejected: { zh: '未通过', en: 'Not adopted' },
};

/** The moves staff make by hand; candidate → voting → adopted | rejected is the round's. */
export const MATTER_MOVES: Readonly<Partial<Record<MatterStatus, readonly MatterStatus[]>>> = {
  candidate: ['adopted', 'rejected'],
  adopted: ['in_progress'],
  in_progress: ['done'],
};

export const MATTER_SOURCES = ['scratch', 'cluster', 'suggestion'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MATTER_SOURCE_LABELS: Record<MatterSource, { zh: string; en: string }> = {
  scratch: { zh: '直接提出', en: 'Proposed by staff' },
  cluster: { zh: '来自热点诉求', en: 'From a hot issue' },
  suggestion: { zh: '来自群众建议', en: 'From citizen suggestions' },
};

export const MATTER_LINK_KINDS = ['origin', 'related'] as const;
export type MatterLinkKind = (typeof MATTER_LINK_KINDS)[number];

/** Create, edit, open and close voting rounds. */
export const MATTER_WRITER_ROLES = ['supervisor', 'leader', 'admin'] as const satisfies readonly Role[];
/** Read every matter of the centre. */
export const MATTER_READER_ROLES = ['supervisor', 'leader', 'admin', 'analyst'] as const satisfies readonly Role[];
/** Unit staff read, report progress on and tick milestones of the matters their unit (subtree) claimed. */
export const MATTER_UNIT_ROLES = ['unit_handler', 'unit_admin'] as const satisfies readonly Role[];

export interface MilestoneView {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  dueOn: string;
  doneOn: string | null;
}

export interface ProgressView<At = string> {
  id: string;
  body: string;
  reportedOn: string;
  byName: string | null;
  createdAt: At;
}

export interface MatterLinkView<At = string> {
  orderId: string;
  orderNo: string;
  title: string;
  appealType: string;
  kind: MatterLinkKind;
  acceptedAt: At;
}

export interface EffectMonth {
  /** YYYY-MM */
  month: string;
  phase: 'before' | 'after';
  count: number;
}

/** The proof that it worked: linked orders' categories in the matter's region, 6 months before adoption and 6 after completion. */
export interface MatterEffectView {
  categoryNames: string[];
  months: EffectMonth[];
  beforeTotal: number;
  afterTotal: number;
}

export interface MatterSummary<At = string> {
  id: string;
  year: number;
  title: string;
  description: string;
  status: MatterStatus;
  source: MatterSource;
  regionId: string | null;
  regionName: string | null;
  leaderId: string;
  leaderName: string;
  unitNames: string[];
  budgetYuan: number | null;
  roundId: string | null;
  votes: number | null;
  milestonesDone: number;
  milestonesTotal: number;
  createdAt: At;
  updatedAt: At;
}

export interface MatterView<At = string> extends MatterSummary<At> {
  unitIds: string[];
  clusterKey: string | null;
  clusterLabel: string | null;
  clusterTerms: string[];
  milestones: MilestoneView[];
  progress: ProgressView<At>[];
  links: MatterLinkView<At>[];
  effect: MatterEffectView | null;
  /** May the reader edit it, move it, open a round with it (writers) or report progress (claiming units too). */
  canEdit: boolean;
  canReport: boolean;
}

export interface RoundTallyRow {
  matterId: string;
  title: string;
  votes: number;
  status: MatterStatus;
}

export interface RoundView<At = string> {
  id: string;
  year: number;
  title: string;
  regionId: string | null;
  regionName: string | null;
  opensAt: At;
  closesAt: At;
  maxPicks: number;
  adoptCount: number;
  state: 'open' | 'closed';
  closedAt: At | null;
  voters: number;
  /** Recounted from the vote rows; after closing each matter's stored tally must equal it. */
  tally: RoundTallyRow[];
  /** After closing: true when every stored tally equals the recount of the (immutable) vote rows. */
  auditOk: boolean | null;
}

export interface MatterOptionsView {
  leaders: { id: string; name: string }[];
  units: { id: string; name: string }[];
  regions: { id: string; name: string }[];
}

/** The public 民生实事 list: no person's name, no phone, no appeal — titles, units, schedule, progress. */
export interface PublicMatter {
  id: string;
  title: string;
  description: string;
  status: MatterStatus;
  regionName: string | null;
  unitNames: string[];
  votes: number | null;
  milestones: { name: string; dueOn: string; doneOn: string | null }[];
  progress: { body: string; reportedOn: string }[];
}

export interface PublicMattersView {
  year: number;
  matters: PublicMatter[];
}

export interface PublicRoundView<At = string> {
  round: {
    id: string;
    title: string;
    year: number;
    opensAt: At;
    closesAt: At;
    maxPicks: number;
    adoptCount: number;
    open: boolean;
  } | null;
  candidates: { id: string; title: string; description: string; regionName: string | null; unitNames: string[] }[];
  /** The signed-in phone's picks in this round (empty without a session). */
  myPicks: string[];
}

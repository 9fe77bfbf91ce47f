import type { Role } from './vocabulary.js';

/**
 * 微心愿 (issue 19, ADR 0189): a resident's small, concrete wish, moderated by the community, claimed
 * rank by rank (普通党员 → 班子成员 → 单位主要领导, each rank a window before the next) or by a unit
 * collectively, fulfilled with a proof photo and confirmed by the resident, who then gets points.
 */
export const WISH_STATES = ['pending', 'rejected', 'open', 'claimed', 'fulfilled', 'confirmed'] as const;
export type WishState = (typeof WISH_STATES)[number];

export const WISH_STATE_LABELS: Record<WishState, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Awaiting review' },
  rejected: { zh: '未通过', en: 'Not accepted' },
  open: { zh: '待认领', en: 'Waiting for a claimer' },
  claimed: { zh: '已认领', en: 'Claimed' },
  fulfilled: { zh: '待确认', en: 'Fulfilled, to confirm' },
  confirmed: { zh: '已实现', en: 'Come true' },
};

/** The wall's three columns (待认领 / 已认领 / 已实现); fulfilled-but-unconfirmed shows as claimed. */
export const WALL_STATES = ['open', 'claimed', 'done'] as const;
export type WallState = (typeof WALL_STATES)[number];

export const CLAIMER_RANKS = ['member', 'team', 'principal'] as const;
export type ClaimerRank = (typeof CLAIMER_RANKS)[number];

export const CLAIMER_RANK_LABELS: Record<ClaimerRank, { zh: string; en: string }> = {
  member: { zh: '普通党员', en: 'Party member' },
  team: { zh: '班子成员', en: 'Leadership-team member' },
  principal: { zh: '单位主要领导', en: 'Principal leader of the unit' },
};

export const WISH_SOURCES = ['portal', 'staff', 'appeal'] as const;
export type WishSource = (typeof WISH_SOURCES)[number];

/**
 * Community staff and grid workers moderate, post for residents (a grid worker collects wishes on the
 * rounds, as on Xinghe's wish walls) and confirm for residents without a phone.
 */
export const WISH_COMMUNITY_ROLES = ['unit_handler', 'unit_admin', 'gridworker'] as const satisfies readonly Role[];
/** An operator or dispatcher turns an appeal into a wish. */
export const WISH_FROM_APPEAL_ROLES = ['operator', 'dispatcher'] as const satisfies readonly Role[];
/** Who registers claimers (party members and their rank): a unit admin for their unit, the system admin. */
export const WISH_CLAIMER_ADMIN_ROLES = ['unit_admin', 'admin'] as const satisfies readonly Role[];
/** Centre readers of every wish and the rates. */
export const WISH_READER_ROLES = ['supervisor', 'leader', 'analyst', 'admin'] as const satisfies readonly Role[];

export interface WishView<At = string> {
  id: string;
  title: string;
  detail: string;
  state: WishState;
  source: WishSource;
  unitId: string;
  unitName: string;
  /** Masked for readers outside the community. */
  posterName: string;
  residentId: string | null;
  orderId: string | null;
  postedAt: At;
  openAt: At | null;
  rejectReason: string | null;
  claimedByName: string | null;
  claimedUnitName: string | null;
  claimRank: ClaimerRank | null;
  collective: boolean;
  claimedAt: At | null;
  proofText: string | null;
  hasPhoto: boolean;
  fulfilledAt: At | null;
  confirmedAt: At | null;
  pointsAwarded: number | null;
  /** For the reader who is a claimer: from when their rank may claim (null: not a claimer or not open). */
  claimableFrom: At | null;
}

/** One card of the public wall: no personal data (the poster's name masked, no phone, no claimer's name). */
export interface WallWish<At = string> {
  id: string;
  title: string;
  detail: string;
  state: WallState;
  unitName: string;
  posterName: string;
  claimedUnitName: string | null;
  postedAt: At;
  doneAt: At | null;
}

export interface WishWallView<At = string> {
  state: WallState;
  wishes: WallWish<At>[];
  /** Pass back as `before` for the next page (null: no more). */
  next: string | null;
}

export interface WishRateRow {
  id: string;
  name: string;
  posted: number;
  claimed: number;
  confirmed: number;
  /** claimed / open-or-later; null without wishes, and for a claiming unit (its rows are all claimed). */
  claimRate: number | null;
  completionRate: number | null;
}

export interface WishRatesView {
  communities: WishRateRow[];
  units: WishRateRow[];
}

export interface WishSettingsView {
  memberHours: number;
  teamHours: number;
  points: number;
}

export interface ClaimerView {
  userId: string;
  name: string;
  unitName: string;
  rank: ClaimerRank;
}

import type { Role } from './vocabulary.js';

/**
 * 积分 and 爱心超市 (issue 19, ADR 0188): a points ledger per resident. Every entry is immutable
 * (a correction is a new entry), the balance is the ledger's sum, and a debit never takes it below zero.
 */

/** The seven kinds of activity of Chifeng's 积分制 (基层党建、美丽乡村、平安建设、普法宣传、乡风文明 …). */
export const ACTIVITY_KINDS = [
  'party_building',
  'beautiful_village',
  'safety',
  'legal_education',
  'civilised_customs',
  'volunteering',
  'sanitation',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { zh: string; en: string }> = {
  party_building: { zh: '基层党建', en: 'Party building' },
  beautiful_village: { zh: '美丽乡村', en: 'Beautiful village' },
  safety: { zh: '平安建设', en: 'Safety' },
  legal_education: { zh: '普法宣传', en: 'Legal education' },
  civilised_customs: { zh: '乡风文明', en: 'Civilised customs' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  sanitation: { zh: '环境卫生', en: 'Clean surroundings' },
};

/** What an entry is: an award by staff, an automatic award, a redemption, or a correction of an earlier entry. */
export const ENTRY_KINDS = ['award', 'wish_fulfilled', 'useful_report', 'redemption', 'correction'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, { zh: string; en: string }> = {
  award: { zh: '积分奖励', en: 'Award' },
  wish_fulfilled: { zh: '微心愿实现', en: 'Wish fulfilled' },
  useful_report: { zh: '有效反映', en: 'Useful report' },
  redemption: { zh: '爱心超市兑换', en: 'Redemption' },
  correction: { zh: '更正', en: 'Correction' },
};

/**
 * Staff who register residents and award points: the community's own staff and its grid workers, who
 * see the activities (房前屋后卫生, 志愿服务) on their rounds — within their own town's subtree.
 */
export const POINTS_STAFF_ROLES = ['unit_handler', 'unit_admin', 'gridworker'] as const satisfies readonly Role[];
/** Who runs the shops: the system administrator, and a unit admin for shops in their unit (rules: admin only). */
export const POINTS_CONFIG_ROLES = ['admin', 'unit_admin'] as const satisfies readonly Role[];
/** Who reads every ledger of the centre (figures); unit staff and grid workers read their own subtree. */
export const POINTS_READER_ROLES = [
  'admin',
  'supervisor',
  'leader',
  'analyst',
  'unit_handler',
  'unit_admin',
  'gridworker',
] as const satisfies readonly Role[];

/** Stars of 积分争星 by household points: one star per threshold reached. */
export const HOUSEHOLD_STAR_THRESHOLDS = [50, 100, 200, 400, 800] as const;

export const starsFor = (points: number): number => HOUSEHOLD_STAR_THRESHOLDS.filter((t) => points >= t).length;

export interface PointsRuleView {
  id: string;
  activityKind: ActivityKind;
  name: string;
  points: number;
  active: boolean;
}

export interface ResidentView<At = string> {
  id: string;
  name: string;
  /** Masked unless the reader may see personal data. */
  phone: string | null;
  phoneVerified: boolean;
  unitId: string;
  unitName: string;
  householdId: string | null;
  householdName: string | null;
  balance: number;
  createdAt: At;
}

export interface PointsEntryView<At = string> {
  id: string;
  seq: number;
  kind: EntryKind;
  activityKind: ActivityKind | null;
  points: number;
  balanceAfter: number;
  note: string | null;
  evidence: string | null;
  byName: string | null;
  itemName: string | null;
  correctsEntryId: string | null;
  at: At;
}

export interface PointsStatementView<At = string> {
  residentId: string;
  month: string;
  opening: number;
  credits: number;
  debits: number;
  closing: number;
  /** Per activity kind, the month's credits. */
  byActivity: { activityKind: ActivityKind; points: number }[];
  entries: PointsEntryView<At>[];
}

export interface HouseholdView {
  id: string;
  name: string;
  unitName: string;
  points: number;
  stars: number;
  members: { id: string; name: string; balance: number }[];
}

export interface ShopItemView {
  id: string;
  name: string;
  cost: number;
  stock: number;
}

export interface ShopView {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  items: ShopItemView[];
}

export interface RedemptionView<At = string> {
  entry: PointsEntryView<At>;
  balance: number;
  stockLeft: number;
}

/** The resident's own page on the portal after signing in with the phone's one-time code. */
export interface ResidentMeView<At = string> {
  name: string;
  unitName: string;
  balance: number;
  householdStars: number | null;
  entries: PointsEntryView<At>[];
}

export interface ResidentSessionView {
  token: string;
  name: string;
  /** False when the phone has no resident yet: the portal asks for a name and a community first. */
  registered: boolean;
}

export interface CommunityView {
  id: string;
  name: string;
}

import type { Instant, TextFragment } from './orders.js';

/** The knowledge base as the API shows it (src/knowledge/knowledge.presenter.ts, knowledge.service.ts). */
export const ARTICLE_STATUSES = ['draft', 'published', 'expired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticleView<At = Instant> {
  id: string;
  title: string;
  body: string;
  categoryId: string | null;
  ownerUnitId: string;
  status: ArticleStatus;
  /** Published and inside its validity dates today: what intake may answer with. */
  answerable: boolean;
  validFrom: string | null;
  validTo: string | null;
  reviewAt: string | null;
  reviewOverdue: boolean;
  version: number;
  usageCount: number;
  lastUsedAt: At | null;
  /** Readable by citizens on the portal's knowledge base when also answerable (issue 16). */
  public: boolean;
  /** Views of its portal page. */
  publicViews: number;
  createdAt: At;
  updatedAt: At;
}

export interface ArticleHitView<At = Instant> extends ArticleView<At> {
  score: number;
  highlight: { title: TextFragment[]; body: TextFragment[] };
}

export interface ArticleVersionView<At = Instant> {
  version: number;
  title: string;
  body: string;
  status: ArticleStatus;
  categoryId: string | null;
  ownerUnitId: string;
  validFrom: string | null;
  validTo: string | null;
  reviewAt: string | null;
  editedAt: At;
  editorName: string | null;
  note: string | null;
}

/** GET /api/knowledge/articles/:id. */
export interface ArticleDetailView<At = Instant> {
  article: ArticleView<At>;
  ownerUnitName: string | null;
  versions: ArticleVersionView<At>[];
  recentUsages: { at: At; version: number; orderId: string; orderNo: string }[];
}

/** One owner unit's row of GET /api/knowledge/upkeep. */
export interface UpkeepRowView {
  unitId: string;
  unitName: string;
  owned: number;
  upToDate: number;
  expired: number;
  reviewOverdue: number;
  drafts: number;
  usages: number;
}

/** An article on the portal's public knowledge base (issue 16): what a citizen reads, nothing internal. */
export interface PublicArticleView<At = Instant> {
  id: string;
  title: string;
  body: string;
  updatedAt: At;
  views: number;
}

/** A search hit on the portal: the title and a short excerpt with the words found marked. */
export interface PublicArticleHitView {
  id: string;
  title: TextFragment[];
  excerpt: TextFragment[];
}

/** How long a portal excerpt is (characters). */
export const PUBLIC_EXCERPT_CHARS = 80;

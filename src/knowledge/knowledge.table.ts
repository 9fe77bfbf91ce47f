import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** PostgreSQL `date`: a 'YYYY-MM-DD' string from both backends (src/db/database.ts). */
type DateOnly = string;

import type { ArticleStatus } from '../contract/knowledge.js';

export type { ArticleStatus };

export interface KnowledgeArticlesTable {
  id: Generated<string>;
  centre_id: string;
  title: string;
  body: string;
  category_id: string | null;
  owner_unit_id: string;
  status: ArticleStatus;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  review_at: DateOnly | null;
  version: Generated<number>;
  usage_count: Generated<number>;
  last_used_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  /** Length of the article's TF-IDF term vector (0 = terms not written yet); see knowledge_article_terms. */
  term_norm: Generated<number>;
  /** Readable by citizens on the portal's knowledge base (migration 0820, issue 16). */
  public: Generated<boolean>;
  /** Views of the article's portal page. */
  public_views: Generated<number>;
}

/** Inverted index of the knowledge ranking: one row per (article, term), tf = 1 + ln(count). */
export interface KnowledgeArticleTermsTable {
  centre_id: string;
  term: string;
  article_id: string;
  tf: number;
}

/** Number of articles of the centre that contain the term (any status), kept on every article write. */
export interface KnowledgeTermStatsTable {
  centre_id: string;
  term: string;
  df: number;
}

export interface KnowledgeArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  body: string;
  category_id: string | null;
  owner_unit_id: string;
  status: ArticleStatus;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  review_at: DateOnly | null;
  edited_by: string | null;
  edited_at: Timestamp;
  note: string | null;
}

export interface KnowledgeUsagesTable {
  id: Generated<number>;
  article_id: string;
  article_version: number;
  order_id: string;
  used_by: string | null;
  at: Timestamp;
}

export interface KnowledgeTables {
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_article_versions: KnowledgeArticleVersionsTable;
  knowledge_usages: KnowledgeUsagesTable;
  knowledge_article_terms: KnowledgeArticleTermsTable;
  knowledge_term_stats: KnowledgeTermStatsTable;
}

export type KnowledgeArticle = Selectable<KnowledgeArticlesTable>;
export type KnowledgeArticleVersion = Selectable<KnowledgeArticleVersionsTable>;

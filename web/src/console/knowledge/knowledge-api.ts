import { useEffect, useState } from 'react';
import type { TextFragment as Fragment } from '../api/types';

export type ArticleStatus = 'draft' | 'published' | 'expired';

export interface Article {
  id: string;
  title: string;
  body: string;
  categoryId: string | null;
  ownerUnitId: string;
  status: ArticleStatus;
  answerable: boolean;
  validFrom: string | null;
  validTo: string | null;
  reviewAt: string | null;
  reviewOverdue: boolean;
  version: number;
  usageCount: number;
  updatedAt: string;
}

export interface ArticleHit extends Article {
  score: number;
  highlight: { title: Fragment[]; body: Fragment[] };
}

export interface ArticleVersion {
  version: number;
  title: string;
  body: string;
  status: ArticleStatus;
  validFrom: string | null;
  validTo: string | null;
  reviewAt: string | null;
  editedAt: string;
  editorName: string | null;
  note: string | null;
}

export interface ArticleDetail {
  article: Article;
  ownerUnitName: string | null;
  versions: ArticleVersion[];
  recentUsages: { at: string; version: number; orderId: string; orderNo: string }[];
}

export interface UpkeepRow {
  unitId: string;
  unitName: string;
  owned: number;
  upToDate: number;
  expired: number;
  reviewOverdue: number;
  drafts: number;
  usages: number;
}

export interface DuplicateCandidate {
  orderId: string;
  orderNo: string;
  title: string;
  state: string;
  acceptedAt: string;
  score: number;
  likely: boolean;
  reasons: ('same_caller' | 'same_address' | 'same_region' | 'similar_text')[];
}

/** Waits until typing pauses, so the server is asked once per pause, not once per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { keys } from '../api/keys';
import type {
  ArticleDetailView as ArticleDetail,
  ArticleHitView as ArticleHit,
  ArticleStatus,
  ArticleView as Article,
  DuplicateCandidateView as DuplicateCandidate,
  UpkeepRowView as UpkeepRow,
} from '../../shared/contract';
export type {
  ArticleStatus,
  ArticleView as Article,
  ArticleHitView as ArticleHit,
  ArticleVersionView as ArticleVersion,
  ArticleDetailView as ArticleDetail,
  UpkeepRowView as UpkeepRow,
  DuplicateCandidateView as DuplicateCandidate,
} from '../../shared/contract';

/** Waits until typing pauses, so the server is asked once per pause, not once per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The knowledge base's list: ranked hits when there are words, else the newest articles. */
export function useArticles(q: string, status: ArticleStatus | 'all') {
  const statusParam = status === 'all' ? '' : `&status=${status}`;
  return useQuery({
    queryKey: keys.knowledgeList(q, status),
    queryFn: () =>
      q
        ? api<{ items: ArticleHit[] }>(`/api/knowledge/search?q=${encodeURIComponent(q)}&limit=50${statusParam}`)
        : api<{ items: Article[] }>(`/api/knowledge/articles?limit=200${statusParam}`),
  });
}

export const useUpkeep = () =>
  useQuery({ queryKey: keys.knowledgeUpkeep, queryFn: () => api<{ units: UpkeepRow[] }>('/api/knowledge/upkeep') });

/** Read afresh each time the drawer opens: the version a save is checked against, and the portal views, are current. */
export const useArticleDetail = (articleId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: keys.knowledgeArticle(articleId ?? ''),
    queryFn: () => api<ArticleDetail>(`/api/knowledge/articles/${articleId}`),
    enabled: enabled && articleId !== null,
    staleTime: 0,
  });

/** Creates an article, or saves a new version of one (the version read guards against lost edits). */
export const saveArticle = (article: Pick<Article, 'id' | 'version'> | undefined, json: Record<string, unknown>) =>
  article
    ? api<Article>(`/api/knowledge/articles/${article.id}`, { method: 'PUT', json: { ...json, version: article.version } })
    : api<Article>('/api/knowledge/articles', { method: 'POST', json });

/** Articles that may answer the appeal being typed at intake. */
export const useKnowledgeSuggest = (text: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.knowledgeSuggest(text),
    queryFn: () =>
      api<{ items: ArticleHit[] }>('/api/knowledge/suggest', { method: 'POST', json: { text: text.slice(0, 10_000), limit: 3 } }),
    enabled,
    staleTime: 60_000,
  });

/** Earlier orders that may be the same appeal as the one being typed (nothing is stored). */
export const useDuplicateCheck = (body: Record<string, unknown>, enabled: boolean) =>
  useQuery({
    queryKey: keys.duplicateCheck(body),
    queryFn: () => api<{ candidates: DuplicateCandidate[] }>('/api/duplicates/check', { method: 'POST', json: body }),
    enabled,
    staleTime: 30_000,
  });

/** Shows the article on the portal's public knowledge base, or takes it off (knowledge editors). */
export const setArticlePublic = (id: string, flag: boolean) =>
  api<Article>(`/api/knowledge/articles/${id}/public`, { method: 'PUT', json: { public: flag } });

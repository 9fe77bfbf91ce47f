import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import type { PublicArticleHitView, PublicArticleView } from '../shared/contract';

/** 常见问题 on the portal: the public knowledge base's search and articles. */
export const portalKnowledgeKeys = {
  search: (q: string) => ['portal', 'knowledge', q] as const,
  article: (id: string) => ['portal', 'knowledge', 'article', id] as const,
};

/** The hits for `q`, or the most read when `q` is empty. */
export const usePublicKnowledgeSearch = (q: string) =>
  useQuery({
    queryKey: portalKnowledgeKeys.search(q),
    queryFn: () =>
      api<{ items: PublicArticleHitView[] }>(`/api/portal/knowledge?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

export const usePublicArticle = (id: string) =>
  useQuery({
    queryKey: portalKnowledgeKeys.article(id),
    queryFn: () => api<PublicArticleView>(`/api/portal/knowledge/${id}`),
    staleTime: Infinity,
  });

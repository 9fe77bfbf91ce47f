import { useEffect, useState } from 'react';

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

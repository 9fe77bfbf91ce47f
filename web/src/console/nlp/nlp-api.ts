import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { keys } from '../api/keys';
import type { SuggestResponse } from '../../shared/contract';

/** Category and handling-unit suggestions of the trained models (POST /api/nlp/suggest, src/nlp). */
export function useIntakeSuggest(input: { title: string; content: string; regionId?: string }, enabled: boolean) {
  return useQuery({
    queryKey: keys.nlpSuggest(input),
    queryFn: () =>
      api<SuggestResponse>('/api/nlp/suggest', {
        method: 'POST',
        // Clipped to what the API takes: a title typed past its limit must not silence the suggestions.
        json: {
          title: input.title.slice(0, 200),
          content: input.content.slice(0, 20_000),
          regionId: input.regionId || undefined,
        },
      }),
    enabled,
    staleTime: 60_000,
  });
}

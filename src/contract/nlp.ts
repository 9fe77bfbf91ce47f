/**
 * The answer of POST /api/nlp/suggest as src/nlp/nlp-suggest.service.ts builds it and the intake
 * form reads it: the trained models' category and handling-unit suggestions for the typed appeal.
 */
export interface Suggestion {
  id: string;
  name: string;
  /** Category: names from the root ("城乡建设 / 物业管理"); unit: the unit's name. */
  fullName: string;
  /** Calibrated probability 0–1. */
  confidence: number;
}

/** One model's top 3 above the threshold; null in the answer when the centre has no such model yet. */
export interface ModelSuggestions {
  modelVersion: number;
  /** ISO instant. */
  trainedAt: string;
  items: Suggestion[];
}

export interface SuggestResponse {
  threshold: number;
  category: ModelSuggestions | null;
  unit: ModelSuggestions | null;
}

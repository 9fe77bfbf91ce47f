import type { Form } from './open311-requests.service.js';

/** An `application/x-www-form-urlencoded` body: a repeated name (`attribute[x][]`, `media_url`) becomes a list. */
export function parseForm(body: string): Form {
  const form: Form = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const had = form[key];
    form[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return form;
}

/**
 * A JSON body (or the query) as the same form: numbers and booleans as text, and a nested
 * `attribute: {code: value}` object as `attribute[code]` (`attribute[code][]` for a list).
 */
export function formFromJson(body: unknown): Form {
  const form: Form = {};
  if (!body || typeof body !== 'object') return form;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (key === 'attribute' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
        if (Array.isArray(v)) form[`attribute[${code}][]`] = v.map(String);
        else if (v !== null && v !== undefined) form[`attribute[${code}]`] = String(v);
      }
      continue;
    }
    form[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return form;
}

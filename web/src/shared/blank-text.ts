/**
 * What a form sends: texts trimmed, and an optional text left empty (or typed as spaces) not sent at
 * all. A form gives '' for an untouched field; the API counts a blank optional text as absent
 * (`OptionalText`, src/shared/schema.ts) and refuses a blank written one, so '' never means anything.
 */
export function withoutBlankTexts(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') out[key] = value;
    else if (value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

import { TEXT_MODULE_VARIABLES, type TextModuleVariable } from '../contract/agent-tools.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

/** The `{{name}}` placeholders of a body, in order of appearance (duplicates kept once). */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Placeholders a body uses that are not among the known variables (the admin is told which). */
export function unknownPlaceholders(body: string): string[] {
  const known: readonly string[] = TEXT_MODULE_VARIABLES;
  return placeholdersOf(body).filter((name) => !known.includes(name));
}

/**
 * Fills a module's body for one order. A variable without a value (no deadline yet, no unit) becomes
 * "—" so the clerk sees a gap rather than a raw `{{…}}`; an unknown name is left as written.
 */
export function fillTextModule(body: string, values: Partial<Record<TextModuleVariable, string | null>>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEXT_MODULE_VARIABLES as readonly string[]).includes(name)) return whole;
    return values[name as TextModuleVariable] ?? '—';
  });
}

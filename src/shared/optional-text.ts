/** An optional free text as stored: trimmed, and null when nothing but spaces was typed. */
export const blankToNull = (s: string | null | undefined): string | null => {
  const trimmed = s?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

// Building an Intl formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatter = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: '2-digit', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
};

/** The day part of an order number (yyMMdd) in the centre's own time zone. */
export function orderDay(at: Date, timeZone: string): string {
  const parts = dayFormatter(timeZone)
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}${parts.month}${parts.day}`;
}

/** Six digits the citizen uses with the order number to look it up on the portal. */
export function newQueryCode(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  return String(n).padStart(6, '0');
}

/** The calendar day ('YYYY-MM-DD') of an instant in a centre's time zone. */
export function dayIn(at: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Published and inside its validity dates on `day`: what intake may answer with. */
export const isAnswerable = (a: { status: string; valid_from: string | null; valid_to: string | null }, day: string): boolean =>
  a.status === 'published' && (a.valid_from === null || a.valid_from <= day) && (a.valid_to === null || a.valid_to >= day);

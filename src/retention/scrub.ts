// Free text of an order after its caller's data is erased (ADR 0174), pure: the caller's own name,
// phone and address where the text repeats them, and anything shaped like a phone or an identity
// card number, become 【已删除】. Whatever else identifies a person in free prose stays — see the ADR.

export const ERASED = '【已删除】';

export interface CallerIdentifiers {
  name: string | null;
  phone: string | null;
  address: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Mainland mobiles, landlines with an area code, 18-digit identity card numbers (not inside longer digit runs). */
const SHAPES = [
  /(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g,
  /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g,
  /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g,
];

/** Forms of address built on a surname: 张先生, 王女士, 李师傅, 刘阿姨, 赵大爷… */
const SALUTATIONS = ['先生', '女士', '小姐', '师傅', '阿姨', '大爷', '大妈', '大姐', '大哥', '老师'];

function patternsFor(caller: CallerIdentifiers): RegExp[] {
  const found: RegExp[] = [];
  const name = caller.name?.trim() ?? '';
  if (name.length >= 2) {
    found.push(new RegExp(escape(name), 'g'));
    // A Chinese name: its surname with a form of address names the same person.
    if (/^[\u4e00-\u9fff]{2,4}$/.test(name)) found.push(new RegExp(`${escape(name[0]!)}(?:${SALUTATIONS.join('|')})`, 'g'));
  }
  const digits = (caller.phone ?? '').replace(/\D/g, '');
  // The caller's own number, however it was written (spaces or dashes between the digits).
  if (digits.length >= 5) found.push(new RegExp(`(?<!\\d)${digits.split('').join('[\\s-]?')}(?!\\d)`, 'g'));
  const address = caller.address?.trim() ?? '';
  if (address.length >= 4) found.push(new RegExp(escape(address), 'g'));
  return [...found, ...SHAPES];
}

/** The text with the caller's identifiers and phone/ID-shaped numbers erased, and how many passages went. */
export function scrubText(text: string, caller: CallerIdentifiers): { text: string; replaced: number } {
  let replaced = 0;
  let out = text;
  for (const re of patternsFor(caller)) {
    out = out.replace(re, () => {
      replaced++;
      return ERASED;
    });
  }
  return { text: out, replaced };
}

/** Coordinates kept to two decimals (about 1 km): maps of where appeals come from still work, a home is not found. */
export const coarsen = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

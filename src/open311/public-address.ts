/**
 * The address as a public Open311 answer may show it (ADR 0181 amendment): the street, estate or area,
 * never the door. An address is personal data (ADR 0170): 锦绣园5号楼3单元501室 says who called. The
 * door begins at the first house-level number — digits (half or full width), or a Chinese numeral
 * before a house word (五号楼, 三单元) — and everything from there is dropped. What is left must still
 * name a place of at least MIN_PLACE characters, else the address is withheld (null), as it is when
 * it starts with the door itself.
 */
const DOOR_START = new RegExp(
  [
    '[0-9０-９]', // 128号, ５号楼, 3-2-501, a phone number written into the address
    '[一二三四五六七八九十百零〇两]+\\s*(?:号|栋|幢|座|单元|室|层|楼|户|排|组|弄|巷|门)', // 五号楼, 三单元, 十二组
    '[#＃]', // #5楼
    '[A-Za-zＡ-Ｚａ-ｚ]\\s*(?:座|栋|幢|区\\d)', // A座, B栋
  ].join('|'),
);

/** Words that were the door's lead-in and mean nothing without it (锦绣园 第 → 锦绣园). */
const DANGLING = /[\s,，、:：;；(（\-—_/\\·.。第]+$/;

export const MIN_PLACE = 2;

export function coarseAddress(address: string | null | undefined): string | null {
  const text = address?.trim();
  if (!text) return null;
  const door = DOOR_START.exec(text);
  const place = (door ? text.slice(0, door.index) : text).replace(DANGLING, '').trim();
  return place.length >= MIN_PLACE ? place : null;
}

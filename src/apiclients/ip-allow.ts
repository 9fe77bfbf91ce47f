import { BlockList, isIP } from 'node:net';

/** `10.0.0.7`, `192.168.0.0/16`, `2001:db8::/32`: an address or a CIDR block; throws naming the bad entry. */
export function parseAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) throw new Error(entry);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(entry);
    list.addSubnet(address!, prefix, type);
  }
  return list;
}

/** An IPv4 client seen through an IPv6 socket (`::ffff:10.0.0.1`) is its IPv4 address. */
const unmapped = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/** True when the list is empty (no restriction) or holds the address. */
export function addressAllowed(entries: readonly string[], ip: string): boolean {
  if (entries.length === 0) return true;
  const address = unmapped(ip);
  const family = isIP(address);
  if (family === 0) return false;
  return parseAllowList(entries).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

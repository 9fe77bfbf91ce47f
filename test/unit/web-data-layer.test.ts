import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12: the web reads and writes through per-area API modules (`*-api.ts`, console/api/queries.ts),
 * whose query keys are named there too. A component (.tsx) that calls the server itself or spells a
 * query key out is what this test finds.
 */
const WEB = path.resolve(__dirname, '../../web/src');

const INLINE_DATA = [
  /(?<![.\w])api\s*(?:<[^>]*>+\s*)?\(/, // api('/api/…') or api<T>('/api/…')
  /(?<![.\w])fetch\s*\(/, // fetch('/api/…')
  /queryKey:\s*\[/, // queryKey: ['audit', …]
];

function components(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return components(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

export function inlineData(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, at: `${path.relative(WEB, file)}:${i + 1}` }))
    .filter(({ line }) => !/^\s*(?:\/\/|\*)/.test(line) && INLINE_DATA.some((rule) => rule.test(line)))
    .map(({ line, at }) => `${at} ${line.trim()}`);
}

describe('the web data layer', () => {
  it('no component calls the server or names a query key itself', () => {
    const found = components(WEB).flatMap((f) => inlineData(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds an inline call when there is one (the check can fail)', () => {
    const file = path.join(WEB, 'console/x/X.tsx');
    expect(inlineData(file, "const q = useQuery({ queryKey: ['x'], queryFn: () => api<X>('/api/x') });")).toHaveLength(1);
    expect(inlineData(file, "await api('/api/x', { method: 'POST' });")).toHaveLength(1);
    expect(inlineData(file, "const r = await fetch('/api/x');")).toHaveLength(1);
    expect(inlineData(file, 'const detail = await fetchOrderDetail(id);')).toEqual([]);
    expect(inlineData(file, 'const q = useApiClients();')).toEqual([]);
  });
});

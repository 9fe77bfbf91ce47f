import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12: the subtree rule of the unit and category trees is written once (src/shared/subtree.ts:
 * isInSubtree for JS, inSubtree(column, rootPath) for SQL). A reader that spells it out again — a
 * `like` on a path column or a `startsWith` on a path — is what this test finds.
 */
const SRC = path.resolve(__dirname, '../../src');
const RULE = path.join(SRC, 'shared/subtree.ts');

const INLINE_RULES = [
  /\bpath['"]\s*,\s*['"]like['"]/i, // .where('units.path', 'like', `${prefix}%`)
  /\.path\s+like\s/i, // sql`… u.path like ${…}`
  /\.startsWith\(\s*(?:\w+\.)*\w*(?:path|root)\w*\s*\)/i, // p.startsWith(actor.unitPath)
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

export function inlineSubtreeRules(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, at: `${path.relative(SRC, file)}:${i + 1}` }))
    .filter(({ line }) => INLINE_RULES.some((rule) => rule.test(line)))
    .map(({ line, at }) => `${at} ${line.trim()}`);
}

describe('the subtree rule', () => {
  it('is written once, in shared/subtree.ts', () => {
    const copies = sourceFiles(SRC)
      .filter((f) => f !== RULE)
      .flatMap((f) => inlineSubtreeRules(f, fs.readFileSync(f, 'utf8')));
    expect(copies).toEqual([]);
  });

  it('finds a copy when there is one (the check can fail)', () => {
    const file = path.join(SRC, 'x/x.repository.ts');
    expect(inlineSubtreeRules(file, "q.where('u.path', 'like', `${unitPath}%`)")).toHaveLength(1);
    expect(inlineSubtreeRules(file, 'paths.some((p) => p.startsWith(root))')).toHaveLength(1);
    expect(inlineSubtreeRules(file, 'sql`u.path like ${prefix}`')).toHaveLength(1);
    expect(inlineSubtreeRules(file, "q.where(inSubtree('u.path', unitPath))")).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src/ stays one way (issue 12): no file imports itself back through any chain
 * (type-only imports included), and orders/ — the bottom of the domain — imports none of the
 * capabilities that plug into it. eslint's no-restricted-imports says the same for orders/ while
 * editing; this test catches cycles anywhere.
 */
const SRC = path.resolve(__dirname, '../../src');
const CAPABILITIES = [
  'duplicates',
  'search',
  'knowledge',
  'timelimits',
  'attachments',
  'calendar',
  'supervision',
  'notifications',
  'portal',
  'analytics',
  'nlp',
  'calls',
  'live',
  'demo',
  'textmodules',
  'notes',
  'presence',
  'forwarding',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const target = path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '');
    const found = [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')].find((c) => fs.existsSync(c));
    return found ? [found] : [];
  });
}

function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(SRC, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * Folders outside the domain: the composition layer on top (http/, worker/, cli/ import every domain
 * folder and each route folder registers itself in http/routes.ts) and the base layer at the bottom
 * (shared/, db/, config/: shared/deps.ts names the database and the settings every service is given).
 */
const NOT_DOMAIN = new Set(['http', 'worker', 'cli', 'shared', 'db', 'config']);

const folderOf = (file: string): string | null => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : null;
};

/** Pairs of folders that import each other ("a ↔ b", a before b), from a file graph. */
function twoWayFolders(graph: Map<string, string[]>, keep: (folder: string) => boolean): string[] {
  const edges = new Set<string>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (from && to && from !== to && keep(from) && keep(to)) edges.add(`${from} → ${to}`);
    }
  }
  return [...edges]
    .map((edge) => edge.split(' → ') as [string, string])
    .filter(([from, to]) => from < to && edges.has(`${to} → ${from}`))
    .map(([from, to]) => `${from} ↔ ${to}`);
}

/** Imports from orders/ to a capability folder that are allowed: none since the order page reads through ports. */
const KNOWN_READ_SIDE_DEBT: string[] = [];

describe('the import graph of src/', () => {
  const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f)]));

  it('reads the imports it checks', () => {
    const transition = path.join(SRC, 'orders/order-transition.service.ts');
    expect(graph.get(transition)).toContain(path.join(SRC, 'orders/order-hooks.ts'));
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ).length,
    ).toBe(1);
  });

  it('has no two domain folders that import each other (one direction between any two)', () => {
    expect(twoWayFolders(graph, (folder) => !NOT_DOMAIN.has(folder))).toEqual([]);
  });

  it('finds two folders that import each other (the check can fail)', () => {
    const file = (name: string) => path.join(SRC, name);
    const twoWay = new Map([
      [file('org/a.ts'), [file('users/b.ts')]],
      [file('users/b.ts'), [file('org/c.ts')]],
      [file('org/c.ts'), []],
      [file('orders/d.ts'), [file('org/c.ts')]],
    ]);
    expect(twoWayFolders(twoWay, () => true)).toEqual(['org ↔ users']);
  });

  it('keeps orders/ free of the capabilities that plug into it (write side: hooks come through deps)', () => {
    const offending = [...graph]
      .filter(([file]) => path.relative(SRC, file).startsWith('orders/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => CAPABILITIES.includes(path.relative(SRC, t).split(path.sep)[0]!))
          .map((t) => `${path.relative(SRC, file)} → ${path.relative(SRC, t)}`),
      );
    expect(offending.filter((edge) => !KNOWN_READ_SIDE_DEBT.includes(edge))).toEqual([]);
    // The debt list may only shrink: an entry that no longer occurs must be deleted.
    expect(KNOWN_READ_SIDE_DEBT.filter((edge) => !offending.includes(edge))).toEqual([]);
  });
});

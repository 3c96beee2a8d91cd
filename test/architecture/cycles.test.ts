/**
 * No import cycles in shared/: every module can be read (and tested) after the ones
 * it imports, and none needs a module that needs it back. Type-only imports count
 * too: a cycle of types is still two modules that cannot be understood apart.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/notebook.ts';
import { files, imports } from './imports.ts';

/** Relative imports and re-exports of a module, as absolute paths (with their extension: the tree imports by full name). */
const localImports = (file: string): string[] =>
  imports(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s));

/** Every import cycle among `graph`'s modules, each as the chain of files that closes it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

function graphOf(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files(join(ROOT, folder))) graph.set(f, localImports(f));
  return graph;
}

const named = (cs: string[][]): string[] => cs.map((c) => c.map((f) => relative(ROOT, f)).join(' <-> '));

describe('import cycles', () => {
  // shared/api is left out for now: at the time of writing contract.ts and events.ts
  // import each other's types, and both are being reworked by another change. Every
  // other cycle in shared/, within a folder or across folders, fails this test.
  it('shared/ has none (outside shared/api)', () => {
    const api = join(ROOT, 'shared/api') + sep;
    const found = cycles(graphOf('shared')).filter((c) => c.some((f) => !f.startsWith(api)));
    expect(named(found)).toEqual([]);
  });

  it('finds a cycle when one exists (the checker itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const g = graphOf('shared/search');
    const index = join(ROOT, 'shared/search/index.ts');
    expect(g.get(index)).toContain(join(ROOT, 'shared/search/types.ts'));
  });
});

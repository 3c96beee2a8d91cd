/** Deterministic contexts and a small in-memory notebook for testing pure transitions. */
import type { MemoryNotebook } from '../../shared/model/memory.ts';
import type { SourceId, SourceMeta } from '../../shared/model/records.ts';
import type { TransitionContext } from '../../shared/model/view.ts';
import type { Outcome } from '../../shared/model/actions.ts';

export function testContext(): TransitionContext {
  let n = 0;
  const next = (prefix: string) => `${prefix}${String(++n).padStart(10, '0')}`;
  return { now: '2026-01-02T03:04:05.000Z', newId: ((kind: string) => next(kind[0] + '_')) as TransitionContext['newId'] };
}

export function sourceMeta(id: string, text: string, title = 'A test article'): SourceMeta {
  return {
    id: id as SourceId,
    title,
    authors: [],
    publisher: null,
    published: null,
    url: null,
    accessed: '2026-01-02',
    fileName: 'a.txt',
    format: 'txt',
    encoding: 'utf-8',
    sha256: '0'.repeat(64),
    length: text.length,
    importedAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    versions: [],
    suggestions: { accepted: [], dismissed: [] },
  };
}

/** Applies a successful outcome to the notebook and returns its value; fails the test otherwise. */
export function apply<T>(nb: MemoryNotebook, outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  nb.apply(outcome.value.changes);
  return outcome.value.value;
}

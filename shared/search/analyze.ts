/** A document as the search index stores it: its terms with packed positions, and its filter terms (type:, tag:, source:, status:). */

import { foldLabel, tokenize } from './fold.ts';
import type { SearchDoc } from './types.ts';

/** Marks filter terms; folded text never contains control characters. */
export const F = '\u0001';

function filterTerms(doc: SearchDoc): string[] {
  const out = [`${F}type:${doc.type}`];
  for (const tag of doc.tags ?? []) {
    const parts = foldLabel(tag).split('/');
    for (let i = 1; i <= parts.length; i++) out.push(`${F}tag:${parts.slice(0, i).join('/')}`);
  }
  if (doc.sourceId !== undefined) out.push(`${F}src:${foldLabel(doc.sourceId)}`);
  if (doc.sourceTitle !== undefined) for (const t of tokenize(doc.sourceTitle)) if (!t.extra) out.push(`${F}st:${t.term}`);
  if (doc.status !== undefined && doc.status !== '') out.push(`${F}status:${foldLabel(doc.status)}`);
  return out;
}

/** Term -> packed positions (null for filter terms), plus the document length in tokens. */
export function analyze(doc: SearchDoc): { terms: Map<string, number[] | null>; len: number } {
  const terms = new Map<string, number[] | null>();
  let len = 0;
  for (const t of tokenize(doc.text)) {
    if (!t.extra) len++;
    const packed = t.pos * 8 + (t.span - 1);
    const arr = terms.get(t.term);
    if (arr) {
      // Joined compounds are emitted after their parts: keep each list ascending.
      if (packed < arr[arr.length - 1]!) {
        arr.push(packed);
        arr.sort((a, b) => a - b);
      } else arr.push(packed);
    } else terms.set(t.term, [packed]);
  }
  for (const f of filterTerms(doc)) terms.set(f, null);
  return { terms, len };
}

/** A term of the text (not a number term "#…", not a filter term). */
export function isWordTerm(term: string): boolean {
  return !term.startsWith('#') && !term.startsWith(F);
}

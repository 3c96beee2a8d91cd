/**
 * The annotations panel's list: every quote of the open source in document
 * order (where it starts in the text; quotes that lost their place, which have no
 * position in the current text, come last in the order they were made), with the
 * claims citing each, filtered by colour, tag (a tag includes its nested tags,
 * "energy" takes "energy/hash-rate") and status. Pure, unit-tested in node.
 */
import type { ClaimDetail } from '../../shared/api/contract.ts';
import type { HighlightColor, Quote } from '../../shared/model/records.ts';
import { isTagWithin } from '../../shared/model/tags.ts';
import { anchorStatus, paintable } from '../state/derive.ts';
import type { AnchorStatusName } from '../state/derive.ts';

export type StatusFilter = 'all' | 'cited' | 'uncited' | 'noted' | AnchorStatusName;

export interface AnnotationFilter {
  colors: readonly HighlightColor[];
  tag: string | null;
  status: StatusFilter;
}

export const NO_FILTER: AnnotationFilter = { colors: [], tag: null, status: 'all' };

export interface Annotation {
  quote: Quote;
  claims: { id: string; statement: string; relation: string }[];
}

/** Quotes in reading order: by start in the text, painted ones first; ties by length, then age. */
export function inDocumentOrder(quotes: readonly Quote[]): Quote[] {
  return [...quotes].sort((a, b) => {
    const pa = paintable(a);
    const pb = paintable(b);
    if (pa !== pb) return pa ? -1 : 1;
    if (pa) {
      const d = a.selectors[0].start - b.selectors[0].start || a.selectors[0].end - b.selectors[0].end;
      if (d) return d;
    }
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
  });
}

function matches(a: Annotation, f: AnnotationFilter): boolean {
  const q = a.quote;
  if (f.colors.length > 0 && !f.colors.includes(q.color)) return false;
  const tag = f.tag;
  if (tag && !q.tags.some((t) => isTagWithin(t, tag))) return false;
  switch (f.status) {
    case 'all':
      return true;
    case 'cited':
      return a.claims.length > 0;
    case 'uncited':
      return a.claims.length === 0;
    case 'noted':
      return q.note.trim() !== '';
    default:
      return anchorStatus(q) === f.status;
  }
}

/** The panel's rows: the source's quotes in document order with their claims, those passing the filter. */
export function annotationsOf(quotes: readonly Quote[], claims: readonly ClaimDetail[], filter: AnnotationFilter): Annotation[] {
  const citing = new Map<string, Annotation['claims']>();
  for (const c of claims) {
    for (const e of c.claim.evidence) {
      const list = citing.get(e.quoteId) ?? [];
      list.push({ id: c.claim.id, statement: c.claim.statement, relation: e.relation });
      citing.set(e.quoteId, list);
    }
  }
  return inDocumentOrder(quotes)
    .map((quote) => ({ quote, claims: citing.get(quote.id) ?? [] }))
    .filter((a) => matches(a, filter));
}

/** The tags used on these quotes, sorted, for the tag filter. */
export function tagsUsed(quotes: readonly Quote[]): string[] {
  return [...new Set(quotes.flatMap((q) => q.tags))].sort();
}

/** The next (dir 1) or previous (-1) painted quote from a text offset, for moving between highlights by keyboard. */
export function neighbourQuote(quotes: readonly Quote[], from: number, dir: 1 | -1, current: string | null): Quote | null {
  const painted = inDocumentOrder(quotes).filter(paintable);
  const at = current ? painted.findIndex((q) => q.id === current) : -1;
  if (at >= 0) return painted[at + dir] ?? null;
  if (dir > 0) return painted.find((q) => q.selectors[0].start >= from) ?? null;
  return [...painted].reverse().find((q) => q.selectors[0].start < from) ?? null;
}

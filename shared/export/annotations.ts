/**
 * Quotes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so
 * highlights can move to Hypothesis-style tools: one Annotation per quote, its note
 * as a commenting TextualBody and its tags as tagging bodies, its target the source
 * (the URL when known, else a stable urn) with both of the quote's selectors, and
 * for a paged source (PDF) a FragmentSelector naming its page or pages (RFC 3778).
 */
import type { Quote, SourceId, SourceMeta } from '../model/records.ts';
import { pageSelector, quotePageSpan } from '../model/pages.ts';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}
export interface WebAnnotation {
  type: 'Annotation';
  id: string;
  motivation: 'highlighting' | 'commenting';
  body?: TextualBody[];
  target: {
    source: string;
    selector: [TextPosition, TextQuote] | [TextPosition, TextQuote, { type: 'FragmentSelector'; conformsTo: 'http://tools.ietf.org/rfc/rfc3778'; value: string }];
  };
  created: string;
  modified: string;
}
type TextPosition = { type: 'TextPositionSelector'; start: number; end: number };
type TextQuote = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
export interface AnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  total: number;
  items: WebAnnotation[];
}

export function toWebAnnotation(quote: Quote, source: SourceMeta | undefined): WebAnnotation {
  const body: TextualBody[] = [];
  if (quote.note.trim()) body.push({ type: 'TextualBody', value: quote.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of quote.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const [pos, q] = quote.selectors;
  const span = quotePageSpan(source, quote);
  const text: [TextPosition, TextQuote] = [
    { type: 'TextPositionSelector', start: pos.start, end: pos.end },
    { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
  ];
  const annotation: WebAnnotation = {
    type: 'Annotation',
    id: `urn:notebook:quote:${quote.id}`,
    motivation: quote.note.trim() ? 'commenting' : 'highlighting',
    target: {
      source: source?.url ?? `urn:notebook:source:${quote.sourceId}`,
      selector: span ? [...text, pageSelector(span)] : text,
    },
    created: quote.createdAt,
    modified: quote.updatedAt,
  };
  if (body.length) annotation.body = body;
  return annotation;
}

/** The collection, ordered by source, position and id so the file is stable. */
export function toAnnotationCollection(quotes: Iterable<Quote>, sources: ReadonlyMap<SourceId, SourceMeta>): AnnotationCollection {
  const sorted = [...quotes].sort(
    (a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0) || a.selectors[0].start - b.selectors[0].start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const items = sorted.map((q) => toWebAnnotation(q, sources.get(q.sourceId)));
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, items };
}

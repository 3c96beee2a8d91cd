/**
 * Reading W3C Web Annotations back into a notebook: this notebook's own annotations
 * export (an AnnotationCollection), any W3C Annotation list, and Hypothesis' JSON export
 * (its API's shape: `uri`, `text`, `tags`, `target[].selector[]`). Each annotation is
 * matched to a source (by the notebook's own source urn, by URL, or by its text), then
 * anchored through the anchoring pipeline; only exact or moved anchors become quotes.
 * Pure: the service creates the quotes.
 */
import { anchor } from '../anchoring/index.ts';
import type { Selectors } from '../anchoring/index.ts';
import type { SourceId, SourceMeta } from '../model/records.ts';

export interface ImportedAnnotation {
  /** The target's source: a URL, or `urn:notebook:source:<id>`. */
  source: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  note: string;
  tags: string[];
}

export type AnnotationPlan =
  | { status: 'anchored'; index: number; sourceId: SourceId; start: number; end: number; note: string; tags: string[]; exact: string }
  | { status: 'unmatched' | 'not-found' | 'skipped'; index: number; exact: string; message: string };

export class AnnotationFormatError extends Error {
  override readonly name = 'AnnotationFormatError';
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/** The annotations in a W3C collection, a list of W3C annotations, or a Hypothesis export; throws in one line otherwise. */
export function parseAnnotations(json: string): (ImportedAnnotation | string)[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new AnnotationFormatError('the file is not JSON');
  }
  const items = Array.isArray(data)
    ? data
    : isObj(data) && Array.isArray(data.items)
      ? data.items
      : isObj(data) && Array.isArray(data.rows)
        ? data.rows
        : isObj(data) && (data.type === 'Annotation' || data.target)
          ? [data]
          : null;
  if (!items) throw new AnnotationFormatError('the file holds no annotations: expected a W3C AnnotationCollection, a list of annotations or a Hypothesis export');
  return items.map((item) => readOne(item));
}

/** One annotation, or why it cannot be read. */
function readOne(item: unknown): ImportedAnnotation | string {
  if (!isObj(item)) return 'not an annotation object';
  const targets = Array.isArray(item.target) ? item.target : [item.target];
  const target = targets.find(isObj);
  if (!target) return 'it has no target';
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isObj);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote || !str(quote.exact)) return 'it has no TextQuoteSelector (a page note, not a highlight)';
  const source = str(target.source) || str(item.uri);
  // W3C bodies: commenting → note, tagging → tags. Hypothesis: `text` and `tags`.
  const bodies = (Array.isArray(item.body) ? item.body : item.body ? [item.body] : []).filter(isObj);
  const notes = bodies
    .filter((b) => b.purpose !== 'tagging')
    .map((b) => str(b.value))
    .filter(Boolean);
  if (str(item.text)) notes.push(str(item.text));
  const tags = [...bodies.filter((b) => b.purpose === 'tagging').map((b) => str(b.value)), ...(Array.isArray(item.tags) ? item.tags.map(str) : [])].filter(Boolean);
  return {
    source,
    exact: str(quote.exact),
    prefix: str(quote.prefix),
    suffix: str(quote.suffix),
    start: position ? num(position.start) : null,
    end: position ? num(position.end) : null,
    note: notes.join('\n\n'),
    tags: [...new Set(tags)],
  };
}

/** A URL compared loosely: scheme and host case, a trailing slash and a fragment do not matter. */
export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) =>
    u
      .trim()
      .replace(/#.*$/, '')
      .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, (origin) => origin.toLowerCase())
      .replace(/\/$/, '');
  return a !== '' && b !== '' && norm(a) === norm(b);
}

const OWN_URN = /^urn:notebook:source:(\S+)$/;

/**
 * Matches each annotation to a source and anchors it: the notebook's own urn names the
 * source; else a source with the same URL; else the one source whose text holds the
 * quote. `texts` gives each source's current text.
 */
export function planAnnotations(annotations: readonly (ImportedAnnotation | string)[], sources: readonly SourceMeta[], text: (id: SourceId) => string): AnnotationPlan[] {
  return annotations.map((a, index) => {
    if (typeof a === 'string') return { status: 'skipped', index, exact: '', message: `annotation ${index + 1}: ${a}` };
    const urn = OWN_URN.exec(a.source);
    let candidates = urn ? sources.filter((s) => s.id === urn[1]) : sources.filter((s) => s.url !== null && sameUrl(s.url, a.source));
    if (candidates.length === 0) candidates = sources.filter((s) => text(s.id).includes(a.exact));
    if (candidates.length === 0) return { status: 'unmatched', index, exact: a.exact, message: `annotation ${index + 1}: no source has its URL (${a.source || 'none'}) or its text` };
    for (const s of candidates) {
      const t = text(s.id);
      const start = a.start ?? Math.max(0, t.indexOf(a.exact));
      const selectors: Selectors = [
        { type: 'TextPositionSelector', start, end: a.end ?? start + a.exact.length },
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      ];
      const r = anchor(t, selectors);
      if ((r.status === 'exact' || r.status === 'moved') && r.start !== null && r.end !== null && t.slice(r.start, r.end) === a.exact) {
        return { status: 'anchored', index, sourceId: s.id, start: r.start, end: r.end, note: a.note, tags: a.tags, exact: a.exact };
      }
    }
    return {
      status: 'not-found',
      index,
      exact: a.exact,
      message: `annotation ${index + 1}: “${a.exact.slice(0, 60)}” is not in ${candidates.length === 1 ? `“${candidates[0]!.title}”` : 'the matching sources'} as it stands`,
    };
  });
}

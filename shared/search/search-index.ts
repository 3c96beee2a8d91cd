/**
 * The search index: one positional inverted index over quotes, claims, notes, tags
 * and source paragraphs, updated one document at a time.
 *
 * The work is split along its seams: analyze.ts turns a document into terms and
 * filter terms; corpus.ts holds the documents, their per-document tables, the term
 * lists and the side structures for prefix, typo and range lookups, and saves and
 * loads them (persist.ts); plan.ts turns each clause of a parsed query (query.ts)
 * into alternatives with a cost; execute.ts runs them into a top k (with the
 * kernels of rank.ts for the common query shapes); weights.ts holds the ranking
 * weights. This module wires them behind the SearchIndex interface and turns the
 * top k into hits with snippets (snippet.ts).
 */

import { Corpus } from './corpus.ts';
import { Executor } from './execute.ts';
import type { TextStore } from './persist.ts';
import { plan, typeMask, type Plan } from './plan.ts';
import { parseQuery } from './query.ts';
import { highlight, type HighlightSpec } from './snippet.ts';
import type { TopK } from './topk.ts';
import type { SearchDoc, SearchHit, SearchHits, SearchOptions, SearchResult } from './types.ts';

export { WEIGHTS } from './weights.ts';

const DEFAULT_LIMIT = 20;

export interface SearchIndex {
  add(doc: SearchDoc): void;
  remove(id: string): boolean;
  update(doc: SearchDoc): void;
  has(id: string): boolean;
  search(query: string, opts?: SearchOptions): SearchHits;
  /** Like search, with the error as a value and the total number of matches. */
  run(query: string, opts?: SearchOptions): SearchResult;
  readonly size: number;
  /** The index as bytes (persist.ts), for `indexFromBytes`; `keyOf` names documents whose text is stored apart (doc-table.ts). */
  toBytes(keyOf?: TextStore['keyOf']): Uint8Array;
  /** Replaces the contents with a persisted index; the bytes are kept as they are (views, not copies). */
  fromBytes(bytes: Uint8Array, texts?: TextStore): void;
}

function toHit(doc: SearchDoc, score: number, spec: HighlightSpec): SearchHit {
  const { snippet, first } = highlight(doc.text, spec);
  const hit: SearchHit = { id: doc.id, type: doc.type, refId: doc.refId, score, snippet };
  if (doc.sourceId !== undefined) hit.sourceId = doc.sourceId;
  if (doc.sourceTitle !== undefined) hit.sourceTitle = doc.sourceTitle;
  if (doc.paragraph !== undefined) hit.paragraph = doc.paragraph;
  if (doc.offset !== undefined && first) hit.match = { start: doc.offset + first[0], end: doc.offset + first[1] };
  return hit;
}

/** The top k as hits, each with a snippet highlighting what every clause matched. */
function hitsOf(corpus: Corpus, top: TopK, plans: Plan[]): SearchHit[] {
  const spec: HighlightSpec = { terms: new Set(), phrases: [] };
  for (const p of plans) {
    for (const t of p.highlight.terms) spec.terms.add(t);
    spec.phrases.push(...p.highlight.phrases);
  }
  const scores = top.scores;
  return top.docs.map((d, i) => toHit(corpus.docs.get(d)!, scores[i]!, spec));
}

export function createIndex(): SearchIndex {
  const corpus = new Corpus();
  const executor = new Executor();

  function run(query: string, opts: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    if (parsed.query.required.length === 0) return { ok: true, hits: [], total: 0, totalExact: true };
    const { required, excluded, mask } = typeMask(parsed.query.required, parsed.query.excluded);
    if (mask === 0) return { ok: true, hits: [], total: 0, totalExact: true };
    if (required.length > 250 || excluded.length > 250) return { ok: false, error: 'Query too long: use fewer than 250 words or filters.' };
    const plans = required.map((c) => plan(corpus, c));
    if (plans.some((p) => p.alts.length === 0)) return { ok: true, hits: [], total: 0, totalExact: true };
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    // limit 0 asks only for the count, so the count is exact then.
    const exactTotal = opts.exactTotal === true || limit === 0;
    const out = executor.run(
      corpus,
      plans,
      excluded.map((c) => plan(corpus, c)),
      mask,
      limit,
      exactTotal,
    );
    return { ok: true, hits: hitsOf(corpus, out.top, plans), total: out.total, totalExact: out.totalExact };
  }

  return {
    add: (doc) => corpus.add(doc),
    remove: (id) => corpus.remove(id),
    update: (doc) => corpus.add(doc),
    has: (id) => corpus.ids().has(id),
    search(query, opts) {
      const r = run(query, opts);
      if (r.ok) return r.hits;
      const empty: SearchHits = [];
      empty.error = r.error;
      return empty;
    },
    run,
    get size() {
      return corpus.live;
    },
    toBytes: (keyOf) => corpus.toBytes(keyOf),
    fromBytes(bytes, texts) {
      corpus.fromBytes(bytes, texts);
      executor.reset();
    },
  };
}

/** Opens a persisted index (the output of `toBytes`); throws if the bytes are not one. */
export function indexFromBytes(bytes: Uint8Array, texts?: TextStore): SearchIndex {
  const idx = createIndex();
  idx.fromBytes(bytes, texts);
  return idx;
}

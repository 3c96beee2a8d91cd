/**
 * Public shapes of the search core: what goes into the index and what comes out.
 * Kept apart from the implementation so the renderer and CLI can import types only.
 */

import type { DocType } from './query.ts';

export type { DocType };

export interface SearchDoc {
  id: string;
  type: DocType;
  text: string;
  sourceId?: string;
  sourceTitle?: string;
  /** 1-based paragraph number, for source passages. */
  paragraph?: number;
  /** Start offset of `text` inside the full source text (UTF-16 code units), for source passages. */
  offset?: number;
  tags?: string[];
  status?: string;
  /** Id of the underlying record: quote id, claim id, source id, tag name. */
  refId: string;
}

export interface Snippet {
  text: string;
  /** [start, end) ranges inside `text` to highlight. */
  marks: [number, number][];
}

export interface SearchHit {
  id: string;
  type: DocType;
  refId: string;
  sourceId?: string;
  sourceTitle?: string;
  paragraph?: number;
  /** In a paged source (PDF): the page or pages the hit is on, as cited ("14", "83–84"). */
  page?: string;
  score: number;
  snippet: Snippet;
  /** For source passages: the first match's [start, end) in the full source text. */
  match?: { start: number; end: number };
}

export interface SearchOptions {
  /** Maximum hits returned (default 20). */
  limit?: number;
  /**
   * Count every match even when that costs more than finding the best `limit` (default
   * false). A lone phrase matching a large share of the corpus is otherwise ranked
   * without confirming every occurrence, and `total` is then a lower bound. With
   * limit 0 (a count only) the total is always exact.
   */
  exactTotal?: boolean;
}

/** `search()` returns hits; for an invalid query the array is empty and `error` says why. */
export type SearchHits = SearchHit[] & { error?: string };

/**
 * `total` is the number of matching documents when `totalExact` is true; when false
 * (only for a lone quoted phrase, unless `exactTotal` was asked for) it is a lower
 * bound: at least that many documents match, and `hits` are still exactly the best
 * ones. Show it as "at least N" / "N+".
 */
export type SearchResult = { ok: true; hits: SearchHit[]; total: number; totalExact: boolean } | { ok: false; error: string };

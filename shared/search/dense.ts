/**
 * Dense term frequencies for very common terms. A word like "the" sits in most
 * documents, so its posting list is nearly every document number plus positions;
 * ranking it (alone, or inside a tag: or type: filter holding a quarter of the corpus)
 * would decode hundreds of thousands of entries per query. A flat Uint16Array of tf
 * by document number answers "tf of d" in one read instead: 2 bytes per document,
 * paid only for terms in at least DENSE_SHARE of the documents (a few dozen in an
 * English corpus, so a few MB per 100,000 documents).
 */

import { Cursor, type PostingList } from './postings.ts';

/** Share of documents a term must be in to get a dense array, and a floor in documents. */
export const DENSE_SHARE = 0.25;
export const DENSE_MIN_DF = 8192;
/** The largest tf a dense array holds; a list with a larger tf stays sparse. */
const MAX_TF = 0xffff;

/** Lists holding a tf too large for a dense array: never tried again. */
const sparseOnly = new WeakSet<PostingList>();

export function wantsDense(list: PostingList, docCount: number): boolean {
  return list.tfs === undefined && list.df >= DENSE_MIN_DF && list.df >= docCount * DENSE_SHARE && !sparseOnly.has(list);
}

/** Builds the dense array from the list (dead entries included: readers check liveness). */
export function buildDense(list: PostingList, capacity: number): void {
  const tfs = new Uint16Array(capacity);
  const c = new Cursor(list, false);
  while (c.next()) {
    if (c.tf > MAX_TF || c.doc >= capacity) {
      sparseOnly.add(list);
      return;
    }
    tfs[c.doc] = c.tf;
  }
  list.tfs = tfs;
}

/** Records document d's tf in a list that has a dense array (dropping the array if tf does not fit). */
export function setDense(list: PostingList, d: number, tf: number): void {
  let tfs = list.tfs!;
  if (tf > MAX_TF) {
    list.tfs = undefined;
    sparseOnly.add(list);
    return;
  }
  if (d >= tfs.length) {
    const next = new Uint16Array(Math.max(1024, d * 2));
    next.set(tfs);
    tfs = list.tfs = next;
  }
  tfs[d] = tf;
}

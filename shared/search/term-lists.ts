/**
 * Term -> posting list, for an index that may have been loaded from bytes. A loaded
 * index has tens or hundreds of thousands of terms, and a query reads a handful: so
 * the saved terms stay a sorted block of strings (persist.ts) found by binary search,
 * and a term's PostingList object (a view of its bytes) is made the first time it is
 * asked for. Terms added, changed or removed since loading live in an ordinary Map.
 * Only the Map methods the index uses are offered.
 */

import type { StringBlock } from './bytes.ts';
import { PostingList } from './postings.ts';

interface Saved {
  terms: StringBlock;
  /** Per term: df, lastDoc + 1, byte length of its postings. */
  meta: Float64Array;
  /** Per term: where its postings start in `postings`. */
  start: Float64Array;
  postings: Uint8Array;
  /** 1 once the term has moved to the map, or been removed. */
  taken: Uint8Array;
}

export class TermLists {
  private readonly made = new Map<string, PostingList>();
  private saved: Saved | null = null;

  /** Lists over saved bytes: `terms` sorted, their postings concatenated in that order. */
  static fromSaved(terms: StringBlock, meta: Float64Array, postings: Uint8Array): TermLists {
    const start = new Float64Array(terms.length);
    let off = 0;
    for (let i = 0; i < terms.length; i++) {
      start[i] = off;
      off += meta[i * 3 + 2]!;
    }
    if (off !== postings.length) throw new Error('persisted search index has damaged postings');
    const t = new TermLists();
    t.saved = { terms, meta, start, postings, taken: new Uint8Array(terms.length) };
    return t;
  }

  /** Index of a saved term still in the saved block, or -1. */
  private find(term: string): number {
    const s = this.saved;
    if (!s) return -1;
    let lo = 0;
    let hi = s.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.terms.at(mid) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo < s.terms.length && s.taken[lo] === 0 && s.terms.at(lo) === term ? lo : -1;
  }

  private take(i: number): PostingList {
    const s = this.saved!;
    s.taken[i] = 1;
    // A view into the file's buffer: copied only if the list grows.
    const list = new PostingList({ buf: s.postings, base: s.start[i]!, len: s.meta[i * 3 + 2]! }, s.meta[i * 3 + 1]! - 1, s.meta[i * 3]!);
    this.made.set(s.terms.at(i), list);
    return list;
  }

  get(term: string): PostingList | undefined {
    const l = this.made.get(term);
    if (l) return l;
    const i = this.find(term);
    return i < 0 ? undefined : this.take(i);
  }

  set(term: string, list: PostingList): void {
    this.made.set(term, list);
  }

  delete(term: string): void {
    this.made.delete(term);
    const i = this.find(term);
    if (i >= 0) this.saved!.taken[i] = 1;
  }

  *keys(): IterableIterator<string> {
    yield* this.made.keys();
    const s = this.saved;
    if (s) for (let i = 0; i < s.terms.length; i++) if (s.taken[i] === 0) yield s.terms.at(i);
  }

  /** Every list (making the saved ones' objects). */
  values(): PostingList[] {
    const s = this.saved;
    if (s) for (let i = 0; i < s.terms.length; i++) if (s.taken[i] === 0) this.take(i);
    return [...this.made.values()];
  }
}

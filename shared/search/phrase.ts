/**
 * Phrase matching from positions: how many times the phrase occurs in the document
 * every cursor currently stands on. Scratch arrays are kept between calls (grown on
 * demand, never shrunk), so checking a candidate allocates nothing.
 */

import type { Cursor } from './postings.ts';

export class PhraseMatcher {
  private ends = new Int32Array(256);
  private nextEnds = new Int32Array(256);
  private occ = new Int32Array(256);

  /**
   * Occurrences of the phrase whose k-th word is read by cursors[k]. Never more than
   * the term frequency of any word after the first: each occurrence of word k extends
   * at most one partial match (a term occurs at most once per position).
   */
  count(cursors: readonly Cursor[]): number {
    // Most documents holding every word of a long phrase do not hold the phrase. Two
    // neighbouring words that are rare in this document usually decide that alone, so
    // test them first before decoding the positions of "the" or "and".
    if (cursors.length > 2) {
      let k = 0;
      let bestTf = Infinity;
      for (let j = 0; j + 1 < cursors.length; j++) {
        const t = cursors[j]!.tf + cursors[j + 1]!.tf;
        if (t < bestTf) {
          bestTf = t;
          k = j;
        }
      }
      if (!this.adjacent(cursors[k]!, cursors[k + 1]!)) return 0;
    }
    // States are end positions (pos + span) reached by a prefix of the phrase. Both
    // sides are ascending by position, so each step is a merge, not a lookup.
    const c0 = cursors[0]!;
    if (c0.tf > this.occ.length) this.occ = new Int32Array(c0.tf * 2);
    let occ = this.occ;
    let nE = c0.positionsInto(occ);
    if (nE > this.ends.length) {
      this.ends = new Int32Array(nE * 2);
      this.nextEnds = new Int32Array(nE * 2);
    }
    let ends = this.ends;
    let nextEnds = this.nextEnds;
    let sorted = true;
    for (let i = 0; i < nE; i++) {
      const p = occ[i]!;
      ends[i] = (p >> 3) + (p & 7) + 1;
      if (i > 0 && ends[i]! < ends[i - 1]!) sorted = false;
    }
    for (let k = 1; k < cursors.length && nE > 0; k++) {
      const c = cursors[k]!;
      if (c.tf > occ.length) occ = this.occ = new Int32Array(c.tf * 2);
      const nO = c.positionsInto(occ);
      // Joined compounds can put a longer span first; sort only then.
      if (!sorted) ends.subarray(0, nE).sort();
      let e = 0;
      let nN = 0;
      sorted = true;
      for (let i = 0; i < nO; i++) {
        const p = occ[i]!;
        const pos = p >> 3;
        while (e < nE && ends[e]! < pos) e++;
        if (e === nE) break;
        if (ends[e] === pos) {
          const v = pos + (p & 7) + 1;
          if (nN > 0 && v < nextEnds[nN - 1]!) sorted = false;
          nextEnds[nN++] = v;
        }
      }
      [ends, nextEnds] = [nextEnds, ends];
      nE = nN;
    }
    this.ends = ends;
    this.nextEnds = nextEnds;
    return nE;
  }

  /** True when some occurrence of b starts right where an occurrence of a ends. */
  private adjacent(a: Cursor, b: Cursor): boolean {
    const need = Math.max(a.tf, b.tf);
    if (need > this.occ.length) this.occ = new Int32Array(need * 2);
    if (need > this.ends.length) {
      this.ends = new Int32Array(need * 2);
      this.nextEnds = new Int32Array(need * 2);
    }
    const ends = this.ends;
    const occ = this.occ;
    const nA = a.positionsInto(occ);
    let sorted = true;
    for (let i = 0; i < nA; i++) {
      const p = occ[i]!;
      ends[i] = (p >> 3) + (p & 7) + 1;
      if (i > 0 && ends[i]! < ends[i - 1]!) sorted = false;
    }
    if (!sorted) ends.subarray(0, nA).sort();
    const nB = b.positionsInto(occ);
    let e = 0;
    for (let i = 0; i < nB; i++) {
      const pos = occ[i]! >> 3;
      while (e < nA && ends[e]! < pos) e++;
      if (e === nA) return false;
      if (ends[e] === pos) return true;
    }
    return false;
  }
}

/**
 * The best k documents by score, kept in a small sorted array: k is tens, candidates
 * may be hundreds of thousands, so an insertion list beats a heap on constant factors.
 *
 * Ties go to the lower document number (the older document). That rule does not
 * depend on the order candidates are offered in, which lets phrase ranking visit
 * candidates by score bound instead of by document number and still return exactly
 * the hits an exhaustive pass would.
 *
 * Storage is typed arrays grown by doubling: a fresh JS array would start with small
 * integers and change its element kind at the first score, and that change on every
 * query keeps throwing away the ranking loops' optimized code.
 */

export class TopK {
  private d = new Int32Array(16);
  private s = new Float64Array(16);
  private n = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.n;
  }

  get full(): boolean {
    return this.n >= this.limit;
  }

  /** Document numbers, best first. */
  get docs(): number[] {
    return Array.from(this.d.subarray(0, this.n));
  }

  /** Scores, best first (parallel to docs). */
  get scores(): number[] {
    return Array.from(this.s.subarray(0, this.n));
  }

  /** True when a document with this score (and number) would enter the list. */
  admits(d: number, s: number): boolean {
    const n = this.n;
    if (n < this.limit) return true;
    if (n === 0) return false;
    const ks = this.s[n - 1]!;
    return s > ks || (s === ks && d < this.d[n - 1]!);
  }

  offer(d: number, s: number): void {
    if (!this.admits(d, s)) return;
    let k = this.n;
    if (k < this.limit) {
      if (k === this.d.length) {
        const nd = new Int32Array(k * 2);
        nd.set(this.d);
        this.d = nd;
        const ns = new Float64Array(k * 2);
        ns.set(this.s);
        this.s = ns;
      }
      this.n++;
    } else k--;
    const docs = this.d;
    const scores = this.s;
    while (k > 0 && (scores[k - 1]! < s || (scores[k - 1] === s && docs[k - 1]! > d))) {
      docs[k] = docs[k - 1]!;
      scores[k] = scores[k - 1]!;
      k--;
    }
    docs[k] = d;
    scores[k] = s;
  }

  /** Score a candidate must beat (or tie with a lower number) once the list is full. */
  get floor(): number {
    return this.n >= this.limit && this.n > 0 ? this.s[this.n - 1]! : -Infinity;
  }

  /** Document number of the last entry once the list is full (-1 otherwise). */
  get floorDoc(): number {
    return this.n >= this.limit && this.n > 0 ? this.d[this.n - 1]! : -1;
  }
}

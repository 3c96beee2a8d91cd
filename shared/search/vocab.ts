/**
 * Vocabulary side structures: sorted terms for prefix search, terms bucketed by
 * length for typo tolerance, and sorted numeric values for range queries.
 *
 * All of them accept new entries cheaply and sort lazily: a bulk load appends and
 * sorts once at the first query; a single later addition is binary-inserted. Entries
 * whose term has disappeared from the index are left in place and skipped by the
 * caller (a term can come back; rewriting the arrays on every removal would cost more
 * than the few stale entries).
 */

export class LazySorted<T extends string | number> {
  private sorted: T[] = [];
  private pending: T[] = [];
  private readonly present = new Set<T>();

  add(v: T): void {
    if (this.present.has(v)) return;
    this.present.add(v);
    this.pending.push(v);
  }

  values(): readonly T[] {
    if (this.pending.length === 0) return this.sorted;
    // A handful of new entries: binary-insert them (O(n) each). Many: merge by sort.
    if (this.pending.length < 32) {
      for (const v of this.pending) this.sorted.splice(lowerBound(this.sorted, v), 0, v);
    } else {
      this.sorted = this.sorted.concat(this.pending);
      this.sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    this.pending = [];
    return this.sorted;
  }
}

export function lowerBound<T extends string | number>(arr: readonly T[], v: T): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Words bucketed by length, so a typo search only looks at lengths within reach.
 * Each word also keeps a 32-bit "which letters occur" mask: one edit changes at most
 * two bits of it, so popcount(maskA ^ maskB) > 2k rules a word out with one XOR, and
 * the edit-distance DP only runs for the few words that pass.
 */
export class LengthBuckets {
  private readonly words: string[][] = [];
  private readonly masks: number[][] = [];
  private readonly present = new Set<string>();

  add(term: string): void {
    if (this.present.has(term)) return;
    this.present.add(term);
    (this.words[term.length] ??= []).push(term);
    (this.masks[term.length] ??= []).push(letterMask(term));
  }

  /** Terms within `maxEdits` of `word`, excluding the word itself. */
  near(word: string, maxEdits: number): string[] {
    const out: string[] = [];
    const qm = letterMask(word);
    const limit = 2 * maxEdits;
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      const bucket = this.words[len];
      const masks = this.masks[len];
      if (!bucket || !masks) continue;
      for (let i = 0; i < bucket.length; i++) {
        if (popcount(masks[i]! ^ qm) > limit) continue;
        const t = bucket[i]!;
        if (t !== word && withinEdits(word, t, maxEdits)) out.push(t);
      }
    }
    return out;
  }
}

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) % 31);
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Bounded edit distance (optimal string alignment: insert, delete, substitute, or swap
 * two neighbours, each costing 1, because "tankre" for "tanker" is one slip of the
 * fingers, not two). True when distance(a, b) <= k; stops early past k.
 */
export function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  // Strip the common prefix and suffix first: most candidates share long stretches
  // with the query, and for k = 1 what remains decides the answer without a DP table.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let ea = a.length;
  let eb = b.length;
  while (ea > prefix && eb > prefix && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  const s = a.slice(prefix, ea);
  const t = b.slice(prefix, eb);
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length) <= k;
  if (k === 1) {
    if (s.length === t.length) return s.length === 1 || (s.length === 2 && s[0] === t[1] && s[1] === t[0]);
    return Math.max(s.length, t.length) === 1;
  }
  const n = t.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const c = s.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (c === t.charCodeAt(j - 1) ? 0 : 1));
      if (i > 1 && j > 1 && c === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === t.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]! <= k;
}

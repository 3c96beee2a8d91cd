/**
 * A q-gram index of a folded source text, to find where a quote may have gone.
 *
 * Verifying a candidate with the bit-parallel matcher is cheap, but scanning a
 * whole 1 MB source for every quote is not (about a million word operations per
 * 32 quote characters). The index turns "where could this quote be?" into a vote:
 * every q-gram the quote shares with the text votes for the diagonal
 * (text position − quote offset) it implies; an edited quote keeps most of its
 * q-grams, so its true place still collects the most votes and only the top few
 * diagonals are verified. Built once per text (see createAnchorer), in linear time,
 * as a bucketed array (CSR) rather than a Map of arrays, to keep a 1 MB text's
 * index to a few flat typed arrays.
 */

/**
 * Six folded characters: long enough that most 6-grams of prose are rare (a word
 * and a half), short enough that a quote with a typo every ten characters still
 * keeps some intact.
 */
export const Q = 6;
const TABLE_BITS = 20;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Diagonal bins this wide absorb the drift that insertions/deletions cause. */
export const BIN = 32;
/**
 * A q-gram seen at most this often is always used. Commoner ones ("of the") say
 * little about where a quote is and cost a vote per occurrence, so they are used,
 * rarest first, only while the vote budget lasts.
 */
const COMMON = 48;
/**
 * Grams with digits count this many votes. A fuzzy match must keep the quote's
 * figures (see anchor.ts), so the grams that carry them are the ones that tell the
 * edited original from the templated sentences around it ("X said output rose
 * N% in May"), which share every other gram.
 */
const DIGIT_WEIGHT = 4;
/** Most positions a single quote's vote may visit: bounds the cost per quote. */
const VOTE_BUDGET = 8_192;

function gramHash(codes: Uint16Array, at: number): number {
  let h = 0;
  for (let k = 0; k < Q; k++) h = (Math.imul(h, 0x01000193) ^ codes[at + k]!) | 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & TABLE_MASK;
}

export interface Candidate {
  /** Expected start of the quote in the text. */
  diagonal: number;
  votes: number;
}

export class QGramIndex {
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;
  /** Vote counters per diagonal bin, reused across quotes and cleared after each. */
  private readonly votes: Int32Array;

  constructor(codes: Uint16Array) {
    const n = Math.max(0, codes.length - Q + 1);
    const hashes = new Int32Array(n);
    const starts = new Int32Array((1 << TABLE_BITS) + 1);
    for (let i = 0; i < n; i++) {
      const h = gramHash(codes, i);
      hashes[i] = h;
      starts[h + 1]!++;
    }
    for (let h = 0; h < 1 << TABLE_BITS; h++) starts[h + 1]! += starts[h]!;
    const fill = starts.slice(0, 1 << TABLE_BITS);
    const positions = new Int32Array(n);
    for (let i = 0; i < n; i++) positions[fill[hashes[i]!]!++] = i;
    this.starts = starts;
    this.positions = positions;
    this.votes = new Int32Array(Math.ceil(codes.length / BIN) + 1);
  }

  /**
   * Every start at which `pattern` could occur, judged by its rarest q-gram: a
   * superset of the true occurrences (hash collisions included), so callers must
   * verify. Null when the pattern is shorter than a q-gram.
   */
  possibleStarts(pattern: Uint16Array): number[] | null {
    if (pattern.length < Q) return null;
    let bestOffset = 0;
    let bestHash = 0;
    let bestCount = Infinity;
    for (let i = 0; i + Q <= pattern.length && bestCount > 0; i++) {
      const hash = gramHash(pattern, i);
      const count = this.starts[hash + 1]! - this.starts[hash]!;
      if (count < bestCount) {
        bestCount = count;
        bestOffset = i;
        bestHash = hash;
      }
    }
    const out: number[] = [];
    for (let k = this.starts[bestHash]!; k < this.starts[bestHash + 1]!; k++) {
      const start = this.positions[k]! - bestOffset;
      if (start >= 0) out.push(start);
    }
    return out;
  }

  /**
   * Most-voted places for the quote that starts at `origin` within `pattern`,
   * best first, at most `limit` of them. Callers pass the quote with its stored
   * context around it: context grams vote too, which is what singles out the
   * edited original among near-copies that differ from it only in a figure.
   */
  candidates(pattern: Uint16Array, origin: number, limit: number): Candidate[] {
    if (limit <= 0) return [];
    const grams: { offset: number; hash: number; count: number; weight: number }[] = [];
    for (let i = 0; i + Q <= pattern.length; i++) {
      const hash = gramHash(pattern, i);
      const count = this.starts[hash + 1]! - this.starts[hash]!;
      let digits = false;
      for (let k = i; k < i + Q; k++) if (pattern[k]! >= 48 && pattern[k]! <= 57) digits = true;
      if (count > 0) grams.push({ offset: i, hash, count, weight: digits ? DIGIT_WEIGHT : 1 });
    }
    // Rare grams first, while a budget of visited positions lasts: a quote made
    // only of common grams (templated reports, boilerplate) still gets votes from
    // its rarest ones, at a bounded cost per quote.
    grams.sort((a, b) => a.count - b.count);
    const votes = this.votes;
    const touched: number[] = [];
    let budget = VOTE_BUDGET;
    for (const g of grams) {
      if (g.count > COMMON && g.count > budget) break;
      budget -= g.count;
      for (let k = this.starts[g.hash]!; k < this.starts[g.hash + 1]!; k++) {
        const bin = Math.max(0, Math.floor((this.positions[k]! - g.offset + origin) / BIN));
        if (votes[bin]! === 0) touched.push(bin);
        votes[bin]! += g.weight;
      }
    }
    // A drifted quote splits its votes over neighbouring bins: score each bin
    // with its neighbours; near-duplicates of one place are dropped below.
    const at = (bin: number): number => (bin >= 0 && bin < votes.length ? votes[bin]! : 0);
    // Keep only a short list of the best bins (no sort of every touched bin: a
    // common quote touches thousands).
    const keep = limit * 4;
    const best: Candidate[] = [];
    for (const bin of touched) {
      const total = votes[bin]! + at(bin - 1) + at(bin + 1);
      if (best.length === keep && total <= best[keep - 1]!.votes) continue;
      let i = best.length === keep ? keep - 1 : best.length;
      while (i > 0 && best[i - 1]!.votes < total) {
        best[i] = best[i - 1]!;
        i--;
      }
      best[i] = { diagonal: bin * BIN, votes: total };
    }
    for (const bin of touched) votes[bin] = 0;
    const out: Candidate[] = [];
    for (const c of best) {
      if (out.length >= limit) break;
      if (out.some((o) => Math.abs(o.diagonal - c.diagonal) <= 2 * BIN)) continue;
      out.push(c);
    }
    return out;
  }
}

/**
 * Bit-parallel approximate string matching (Myers 1999, block form after Hyyrö).
 *
 * Edit distance between a quote (the pattern) and stretches of the source, 32
 * pattern characters per machine word, so scanning n text characters costs about
 * n * ceil(m / 32) word operations instead of the n * m of the textbook dynamic
 * programme. This is the approach hypothesis' client takes (approx-string-match);
 * none of the installed libraries does approximate matching, so it is written out
 * here, small and tested.
 *
 * Two scans are offered: `searchEnds` (the match may start anywhere: D[0][j] = 0)
 * gives, for every end position, the distance of the best match ending there;
 * `anchoredBackward` (the match must end at a given position: D[0][j] = j on the
 * reversed text) then finds where that best match starts. `anchoredForward` is its
 * mirror, used to compare stored context with the text after a candidate.
 *
 * Inputs are folded code units (see fold.ts).
 */

// Characters are mapped to small slot numbers through one shared table, stamped
// with a generation so that no per-pattern 64K-entry table is ever allocated or
// cleared. A pattern re-stamps its few characters before each scan.
const slotGen = new Int32Array(65536);
const slotVal = new Int32Array(65536);
let generation = 0;

export class MyersPattern {
  readonly length: number;
  private readonly blocks: number;
  private readonly lastMask: number;
  private readonly chars: number[];
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;

  constructor(pattern: Uint16Array) {
    const m = pattern.length;
    if (m === 0) throw new RangeError('MyersPattern: empty pattern');
    this.length = m;
    this.blocks = Math.ceil(m / 32);
    this.lastMask = 1 << ((m - 1) % 32);
    const slots = new Map<number, number>();
    for (const c of pattern) if (!slots.has(c)) slots.set(c, slots.size + 1);
    this.chars = [...slots.keys()];
    const size = (slots.size + 1) * this.blocks;
    this.forward = new Int32Array(size);
    this.backward = new Int32Array(size);
    for (let i = 0; i < m; i++) {
      const f = slots.get(pattern[i]!)! * this.blocks;
      this.forward[f + (i >> 5)]! |= 1 << (i & 31);
      const r = m - 1 - i;
      const b = slots.get(pattern[r]!)! * this.blocks;
      this.backward[b + (i >> 5)]! |= 1 << (i & 31);
    }
  }

  private activate(): number {
    generation = (generation + 1) | 0;
    if (generation === 0) {
      slotGen.fill(0);
      generation = 1;
    }
    this.chars.forEach((c, i) => {
      slotGen[c] = generation;
      slotVal[c] = i + 1;
    });
    return generation;
  }

  /**
   * out[i] = least edit distance between the pattern and any substring of `text`
   * ending at `from + i + 1`, for i in [0, to - from).
   */
  searchEnds(text: Uint16Array, from: number, to: number): Int32Array {
    return this.scan(this.forward, text, from, 1, Math.max(0, to - from), false);
  }

  /**
   * out[i] = edit distance between the pattern and exactly text[end - i - 1, end),
   * for i in [0, end - minStart).
   */
  anchoredBackward(text: Uint16Array, end: number, minStart: number): Int32Array {
    return this.scan(this.backward, text, end - 1, -1, Math.max(0, end - minStart), true);
  }

  /**
   * out[i] = edit distance between the pattern and exactly text[start, start + i + 1),
   * for i in [0, maxEnd - start).
   */
  anchoredForward(text: Uint16Array, start: number, maxEnd: number): Int32Array {
    return this.scan(this.forward, text, start, 1, Math.max(0, maxEnd - start), true);
  }

  private scan(peq: Int32Array, text: Uint16Array, first: number, step: number, count: number, anchored: boolean): Int32Array {
    const gen = this.activate();
    const blocks = this.blocks;
    const lastMask = this.lastMask;
    const P = new Int32Array(blocks).fill(-1);
    const M = new Int32Array(blocks);
    const out = new Int32Array(count);
    let score = this.length;
    let idx = first;
    for (let col = 0; col < count; col++, idx += step) {
      const c = text[idx]!;
      const base = slotGen[c] === gen ? slotVal[c]! * blocks : 0;
      // Top row: free start (0 everywhere) when searching, +1 per column when anchored.
      let hin = anchored ? 1 : 0;
      for (let b = 0; b < blocks; b++) {
        const pv = P[b]!;
        const mv = M[b]!;
        const hneg = hin < 0 ? 1 : 0;
        const eq = peq[base + b]! | hneg;
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        const mask = b === blocks - 1 ? lastMask : 0x80000000 | 0;
        const hout = (ph & mask) !== 0 ? 1 : (mh & mask) !== 0 ? -1 : 0;
        ph <<= 1;
        mh = (mh << 1) | hneg;
        if (hin > 0) ph |= 1;
        P[b] = mh | ~(xv | ph);
        M[b] = ph & xv;
        hin = hout;
      }
      score += hin;
      out[col] = score;
    }
    return out;
  }
}

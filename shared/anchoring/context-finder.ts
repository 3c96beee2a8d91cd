/**
 * Whether a stored context (a quote's prefix or suffix) still stands anywhere in a
 * folded text: near where the quote was expected, or wherever the q-gram index
 * says its pieces went.
 *
 * anchor.ts asks this before treating disagreeing context as "edited away": a
 * context found elsewhere still marks where the quote was (its prefix now running
 * into its suffix when the quote was deleted), so it is evidence against a
 * candidate, not the absence of evidence.
 */
import { foldCodes } from './fold.ts';
import { MyersPattern } from './myers.ts';
import type { QGramIndex } from './qgram.ts';
import { BIN } from './qgram.ts';

/** Around the expected position, searched first: most contexts stay close. */
const LOCAL_WINDOW = 2048;
/** Places the q-gram index names, checked after that. */
const CANDIDATES = 4;

export class ContextFinder {
  constructor(
    private readonly folded: Uint16Array,
    private readonly index: QGramIndex,
  ) {}

  /** True when `context` matches somewhere with similarity (1 − distance / length) of at least `similarity`. */
  found(context: string, expected: number, similarity: number): boolean {
    const pattern = foldCodes(context);
    const m = pattern.length;
    if (m === 0) return true;
    const budget = Math.floor(m * (1 - similarity));
    const matcher = new MyersPattern(pattern);
    const n = this.folded.length;
    const within = (from: number, to: number): boolean => {
      if (to <= from) return false;
      for (const d of matcher.searchEnds(this.folded, from, to)) if (d <= budget) return true;
      return false;
    };
    if (within(Math.max(0, expected - LOCAL_WINDOW), Math.min(n, expected + LOCAL_WINDOW))) return true;
    for (const c of this.index.candidates(pattern, 0, CANDIDATES)) {
      if (within(Math.max(0, c.diagonal - budget - BIN), Math.min(n, c.diagonal + m + budget + 2 * BIN))) return true;
    }
    return false;
  }
}

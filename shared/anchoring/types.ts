/**
 * Selector and result shapes for anchoring quotes in source texts.
 *
 * The selectors are W3C Web Annotation selectors: the rest of the app stores them
 * as they are, so these shapes must not change. Offsets count UTF-16 code units
 * into the normalized source text (see shared/text/normalize.ts).
 */
import type { PreviousVersion } from './units.ts';

/** Where the quote was: UTF-16 code units, `end` exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What the quote said, with a little context on each side to tell repeats apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export type Selectors = [TextPositionSelector, TextQuoteSelector];

/**
 * exact: found at its stored position. moved: the same text, elsewhere.
 * fuzzy: text that is close, but not identical, to the quote. orphaned: not found.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface WordDiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** null only when orphaned. */
  start: number | null;
  end: number | null;
  /** 1 for exact/moved, 0..1 for fuzzy, best rejected score (or 0) for orphaned. */
  score: number;
  /** The text now at [start, end). */
  text: string | null;
  /** Word-level diff from the old exact text to the new text, for fuzzy results. */
  diff?: WordDiffPart[];
}

export interface AnchorOptions {
  /** Minimum score for a fuzzy match; defaults to FUZZY_THRESHOLD. */
  threshold?: number;
  /**
   * Where the quote is expected in the new text, when the caller knows better than
   * the stored position (e.g. reanchorAll maps it across an unchanged head/tail).
   */
  hint?: number;
  /**
   * The version the selectors were described on, when the caller has it
   * (reanchorAll does). It tells a near-identical sentence that was there all
   * along from the edited quote (see units.ts), and only with it may a long quote
   * whose context is all gone be found on its own words (see anchor.ts).
   */
  previous?: PreviousVersion;
}

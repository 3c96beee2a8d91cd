/**
 * Anchoring: describing a quote by W3C selectors and finding it again in a source,
 * exactly, moved, approximately, or not at all. See anchor.ts for the method.
 */
export type {
  AnchorOptions,
  AnchorResult,
  AnchorStatus,
  Selectors,
  TextPositionSelector,
  TextQuoteSelector,
  WordDiffPart,
} from './types.ts';
export { describe, DEFAULT_CONTEXT_LENGTH } from './describe.ts';
export {
  anchor,
  createAnchorer,
  FUZZY_THRESHOLD,
  MIN_QUOTE_SIMILARITY,
  MIN_WORDS_KEPT,
  SELF_EVIDENT_LENGTH,
  SELF_EVIDENT_SIMILARITY,
  STRONG_CONTEXT,
  WEIGHTS,
} from './anchor.ts';
export { PreviousVersion } from './units.ts';
export type { Anchorer } from './anchor.ts';
export { wordDiff } from './word-diff.ts';
export { reanchorAll } from './reanchor.ts';
export type { QuoteToReanchor, ReanchorReport } from './reanchor.ts';

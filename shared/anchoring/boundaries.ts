/**
 * Grapheme-boundary checks with a fast path, for hot loops over long texts.
 *
 * graphemes.ts segments from the start of the enclosing line, which costs a whole
 * paragraph per call. Most boundaries anchoring asks about sit between two plain
 * characters, and two code units below U+0300 (where combining marks begin) never
 * form one cluster, CR LF aside; only the rest is handed to the segmenter.
 */
import { isGraphemeBoundary, snapRange } from '../text/graphemes.ts';

export function onBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (before < 0x300 && after < 0x300 && !(before === 13 && after === 10)) return true;
  return isGraphemeBoundary(text, at);
}

/** snapRange (outward to grapheme boundaries), skipping the segmenter when both ends are plainly boundaries. */
export function snap(text: string, start: number, end: number): { start: number; end: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return onBoundary(text, s) && onBoundary(text, e) ? { start: s, end: e } : snapRange(text, s, e);
}

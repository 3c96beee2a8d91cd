/**
 * Turning a user's selection into stored selectors.
 *
 * The selection is widened to whole grapheme clusters (an emoji or a letter with
 * its accents is never cut), then described twice over: by position, which is
 * cheap and exact while the text does not change, and by quote with context,
 * which survives edits (see anchor.ts).
 */
import { snap } from './boundaries.ts';
import type { Selectors } from './types.ts';

/** Characters of context kept on each side: enough to tell repeated phrases apart. */
export const DEFAULT_CONTEXT_LENGTH = 32;

export function describe(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`describe: offsets must be integers, got [${start}, ${end})`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: range [${start}, ${end}) is empty or outside the text (length ${text.length}); a quote needs 0 <= start < end <= length`);
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`describe: contextLength must be a non-negative integer, got ${contextLength}`);
  }
  // snap() is graphemes.ts' snapRange with a fast path for plain characters.
  const r = snap(text, start, end);
  // Context is widened outward too, so it may run a code unit or two past
  // contextLength rather than end inside a character.
  const pre = snap(text, Math.max(0, r.start - contextLength), r.start).start;
  const suf = snap(text, r.end, Math.min(text.length, r.end + contextLength)).end;
  return [
    { type: 'TextPositionSelector', start: r.start, end: r.end },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(r.start, r.end),
      prefix: text.slice(pre, r.start),
      suffix: text.slice(r.end, suf),
    },
  ];
}

/**
 * Step (b) of anchoring: among the occurrences of a quote's exact text, the one
 * whose stored context agrees best, then the nearest to where it was expected.
 */
import { onBoundary } from './boundaries.ts';
import { foldCodes } from './fold.ts';
import type { QGramIndex } from './qgram.ts';
import { contextAgreement } from './similarity.ts';

/** How far around the expected position the exact search looks first, in code units. */
export const LOCAL_WINDOW = 2048;
/** Occurrences of an exact quote weighed; a bound for very common strings. */
const MAX_OCCURRENCES = 20_000;

/**
 * The occurrence of the exact text whose context agrees over the most characters
 * (counted outward from the quote's edges), then the nearest to the expected
 * position. A full-context occurrence near the expected position ends the search
 * early; nothing can beat it but an equally good one that is farther away.
 */
export function bestOccurrence(
  text: string,
  index: QGramIndex,
  quote: { exact: string; prefix: string; suffix: string; expected: number },
  ownedElsewhere: (start: number, end: number) => boolean,
): { start: number; agreement: number } | null {
  const { exact, prefix, suffix, expected } = quote;
  const full = prefix.length + suffix.length;
  let best: { start: number; agreement: number; distance: number } | null = null;
  const consider = (start: number): void => {
    if (!onBoundary(text, start) || !onBoundary(text, start + exact.length)) return;
    const agreement = contextAgreement(text, start, prefix, 'before') + contextAgreement(text, start + exact.length, suffix, 'after');
    const distance = Math.abs(start - expected);
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      // An occurrence inside another passage's unchanged line or sentence is
      // that passage's, however well its context happens to agree (units.ts).
      if (agreement < full && ownedElsewhere(start, start + exact.length)) return;
      best = { start, agreement, distance };
    }
  };
  const from = Math.max(0, expected - LOCAL_WINDOW);
  const to = Math.min(text.length, expected + exact.length + LOCAL_WINDOW);
  const local = text.slice(from, to);
  for (let i = local.indexOf(exact); i !== -1; i = local.indexOf(exact, i + 1)) consider(from + i);
  if (best !== null && (best as { agreement: number }).agreement === full) return best;
  // Everywhere else: the q-gram index names the few places the quote could
  // start, instead of a scan of the whole text per quote.
  const possible = index.possibleStarts(foldCodes(exact));
  if (possible) {
    for (const i of possible.slice(0, MAX_OCCURRENCES)) {
      if ((i < from || i + exact.length > to) && text.startsWith(exact, i)) consider(i);
    }
  } else {
    let seen = 0;
    for (let i = text.indexOf(exact); i !== -1 && seen < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), seen++) {
      if (i < from || i + exact.length > to) consider(i);
    }
  }
  return best;
}

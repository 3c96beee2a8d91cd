/**
 * Paragraph locators for citations ("para. 4"). A paragraph is a blank-line-separated
 * block of the normalized source text, counted from 1, with whitespace-only blocks
 * skipped — the same rule the search index uses (shared/search/paragraphs.ts), so the
 * number a briefing prints is the number a search hit showed.
 */

/** Start offsets of every paragraph, in order. */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  const sep = /\n[ \t]*\n\s*/g;
  let from = 0;
  const push = (a: number, b: number): void => {
    const raw = text.slice(a, b);
    if (raw.trim() !== '') starts.push(a + (raw.length - raw.trimStart().length));
  };
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return starts;
}

/** The 1-based number of the paragraph containing `offset` (a quote starting in a gap counts as the next paragraph). */
export function paragraphNumberAt(text: string, offset: number): number {
  const starts = paragraphStarts(text);
  let n = 0;
  for (const s of starts) {
    if (s <= offset) n++;
    else break;
  }
  return Math.max(1, n);
}

/** A reusable locator for many quotes of one source (the benchmark exports 5,000 quotes). */
export function paragraphLocator(text: string): (offset: number) => number {
  const starts = paragraphStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(1, lo);
  };
}

/**
 * Grapheme-safe offsets: keeps emoji, flags and combining marks whole.
 *
 * Offsets in this project count UTF-16 code units (see normalize.ts). A quote
 * boundary must never fall inside a user-perceived character: an emoji is two or
 * more code units, "e\u0301" is two code points, a family emoji is many. We use
 * Intl.Segmenter (grapheme granularity, in every modern JS engine) rather than a
 * hand-written table of ranges, which would age with every Unicode release.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Start offsets of every grapheme cluster in `text`, plus `text.length`. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of segmenter.segment(text)) out.push(seg.index);
  out.push(text.length);
  return out;
}

/** True when `offset` lies on a grapheme cluster boundary of `text`. */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  // Segment only from the start of the enclosing line: Unicode always breaks a
  // cluster after LF (rule GB4), so that start is a true boundary, and the cost
  // stays proportional to one paragraph instead of the whole source.
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const to = Math.min(text.length, offset + 64);
  for (const seg of segmenter.segment(text.slice(from, to))) {
    const abs = from + seg.index;
    if (abs === offset) return true;
    if (abs > offset) return false;
  }
  return false;
}

/**
 * Widens [start, end) outward to the nearest grapheme boundaries so a range never
 * splits a character: start moves left, end moves right.
 */
export function snapRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s > 0 && !isGraphemeBoundary(text, s)) s--;
  while (e < text.length && !isGraphemeBoundary(text, e)) e++;
  return { start: s, end: e };
}

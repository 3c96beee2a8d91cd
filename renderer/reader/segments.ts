/**
 * Splits a source text into the runs the reader paints: a new segment starts at
 * every quote boundary, so overlapping quotes simply give a segment more than one
 * covering quote. Pure (no DOM), so it is unit-tested in node.
 *
 * Offsets are UTF-16 code units into the normalized source text, like the quote
 * selectors. Out-of-range or empty quotes are clamped or dropped rather than
 * thrown on: a stale quote must never stop the source from being read.
 */

export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of every quote covering this segment, in the order the quotes were given. */
  quoteIds: string[];
}

export function segmentText(textLength: number, spans: readonly SpanLike[]): Segment[] {
  const valid = spans.map((s) => ({ id: s.id, start: Math.max(0, Math.min(s.start, textLength)), end: Math.max(0, Math.min(s.end, textLength)) })).filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, textLength]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const quoteIds = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    out.push({ start, end, quoteIds });
  }
  return out;
}

/**
 * Which quote a click on a segment should pick when several overlap: the
 * shortest one, because the longer ones can still be reached where they are
 * not covered, while a short quote inside a long one could otherwise never be.
 */
export function topmostQuote(segment: Segment, lengthOf: (id: string) => number): string | null {
  let best: string | null = null;
  let bestLen = Infinity;
  for (const id of segment.quoteIds) {
    const len = lengthOf(id);
    if (len < bestLen) {
      best = id;
      bestLen = len;
    }
  }
  return best;
}

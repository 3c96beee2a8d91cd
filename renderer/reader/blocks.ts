/**
 * The Reader's text as blocks for windowed rendering: only the blocks near the
 * visible part of a long source are in the DOM, the others are stood in for by
 * spacers of their (estimated, then measured) height. Pure, unit-tested in node.
 *
 * A block ends just after a line break, so rendering blocks one under the other
 * (each `white-space: pre-wrap`) lays the text out exactly as one element would:
 * a block's final line break ends its last line and adds no empty line. Blocks
 * prefer to end after a blank line (a paragraph), hold whole lines up to about
 * TARGET characters, and a single line longer than MAX_LINE is cut at a space
 * (the only case where the layout differs: such a line gets a break there).
 */

/** About how many characters a block holds: a few paragraphs, a fraction of a screen. */
export const TARGET = 1500;
/** A line longer than this is cut into blocks at a space. */
export const MAX_LINE = 6000;

/** Block i covers [starts[i], starts[i + 1]) of the text (the last one ends at the text's end). */
export interface Blocks {
  starts: Int32Array;
  length: number;
}

/** Splits a text into blocks (see the module comment); an empty text is one empty block. */
export function splitBlocks(text: string, target = TARGET, maxLine = MAX_LINE): Blocks {
  const starts: number[] = [0];
  let blockStart = 0;
  let lastPara = -1; // the latest cut point after a blank line inside the current block
  const cut = (at: number) => {
    if (at > blockStart && at < text.length) starts.push(at);
    blockStart = at;
    lastPara = -1;
  };
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (lineEnd - pos > maxLine) {
      // A very long line: a block of its own, cut at spaces into pieces of about `target`.
      cut(pos);
      while (lineEnd - blockStart > maxLine) {
        const space = text.lastIndexOf(' ', blockStart + target);
        cut(space > blockStart ? space + 1 : blockStart + target);
      }
      cut(lineEnd);
    } else {
      // Too long with this line: end the block after its last paragraph (or, failing that, its last line).
      if (lineEnd - blockStart > target && pos > blockStart) cut(lastPara > blockStart + target / 3 ? lastPara : pos);
      if (nl === pos) lastPara = lineEnd;
    }
    pos = lineEnd;
  }
  return { starts: Int32Array.from(starts), length: text.length };
}

export function blockEnd(b: Blocks, i: number): number {
  return i + 1 < b.starts.length ? b.starts[i + 1]! : b.length;
}

/** The block holding text offset `offset` (an offset at the very end belongs to the last block). */
export function blockAt(b: Blocks, offset: number): number {
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Estimated heights in pixels: each line of the block wrapped at `charsPerLine`
 * characters, times the line height (a final line break adds no line).
 */
export function estimateHeights(text: string, b: Blocks, charsPerLine: number, lineHeight: number): Float64Array {
  const out = new Float64Array(b.starts.length);
  const cpl = Math.max(10, charsPerLine);
  for (let i = 0; i < b.starts.length; i++) {
    const end = blockEnd(b, i);
    let lines = 0;
    let pos = b.starts[i]!;
    while (pos < end) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 || nl >= end ? end : nl;
      lines += Math.max(1, Math.ceil((lineEnd - pos) / cpl));
      pos = lineEnd + 1;
    }
    out[i] = Math.max(1, lines) * lineHeight;
  }
  return out;
}

/** Prefix sums: tops[i] is the top of block i, tops[n] the total height. */
export function prefixTops(heights: Float64Array): Float64Array {
  const tops = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return tops;
}

/** The block at height `y` (clamped to the blocks). */
export function blockAtY(tops: Float64Array, y: number): number {
  const n = tops.length - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** First and last block (inclusive) overlapping the band [top, bottom] of heights. */
export function blocksInBand(tops: Float64Array, top: number, bottom: number): [number, number] {
  return [blockAtY(tops, top), blockAtY(tops, bottom)];
}

/**
 * The blocks to render: the window [first, last] plus pinned blocks outside it
 * (those of a selection or a caret that must stay in the DOM), as sorted runs of
 * consecutive blocks; what lies between runs is a spacer.
 */
export function renderRuns(window: [number, number], pinned: Iterable<number>, count: number): [number, number][] {
  const set = new Set<number>();
  const [first, last] = [Math.max(0, window[0]), Math.min(count - 1, window[1])];
  const runs: [number, number][] = [];
  for (const p of pinned) if (p >= 0 && p < count && (p < first || p > last)) set.add(p);
  const points = [...set, first].sort((a, b) => a - b);
  for (const p of points) {
    const end = p === first ? last : p;
    const prev = runs[runs.length - 1];
    if (prev && p <= prev[1] + 1) prev[1] = Math.max(prev[1], end);
    else runs.push([p, end]);
  }
  return runs;
}

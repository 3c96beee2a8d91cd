/**
 * Maps between DOM selections and text offsets in the reader.
 *
 * The reader renders every segment as an element carrying `data-start` (its
 * offset in the source) and holding exactly one text node, so a DOM position
 * (node, offset) converts to a source offset by adding the segment's start. The
 * arithmetic is kept pure (`toSourceRange`) so it is unit-tested without a DOM;
 * `rangeToOffsets` is the thin DOM wrapper used by the Reader component.
 */
import { snapRange } from '../../shared/text/graphemes.ts';

export interface DomPoint {
  /** `data-start` of the segment holding the point, or null when the point is outside the text. */
  segmentStart: number | null;
  /** Offset inside the segment's text node. */
  offset: number;
}

/**
 * Converts two DOM points into a source range, trimmed of surrounding whitespace
 * (a double-click or sloppy drag usually takes a trailing space) and snapped
 * outward to grapheme boundaries so an emoji is never cut in half.
 */
export function toSourceRange(text: string, a: DomPoint, b: DomPoint): { start: number; end: number } | null {
  if (a.segmentStart === null || b.segmentStart === null) return null;
  let start = Math.min(a.segmentStart + a.offset, b.segmentStart + b.offset);
  let end = Math.max(a.segmentStart + a.offset, b.segmentStart + b.offset);
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end <= start) return null;
  return snapRange(text, start, end);
}

function pointOf(root: Element, node: Node, offset: number): DomPoint {
  if (!root.contains(node)) return { segmentStart: null, offset: 0 };
  // A point may sit on an element (e.g. the whole paragraph) rather than inside a
  // text node; resolve it to the nearest text node so the arithmetic stays simple.
  if (node.nodeType !== Node.TEXT_NODE) {
    const child = node.childNodes[offset] ?? null;
    if (child) {
      const seg = child instanceof Element ? (child.closest('[data-start]') ?? child.querySelector('[data-start]')) : null;
      if (seg) return { segmentStart: Number(seg.getAttribute('data-start')), offset: 0 };
    }
    const prev = offset > 0 ? node.childNodes[offset - 1] : null;
    const inner = prev instanceof Element ? prev.querySelectorAll('[data-start]') : null;
    const seg = prev instanceof Element ? (prev.matches('[data-start]') ? prev : (inner?.[inner.length - 1] ?? null)) : null;
    if (seg) return { segmentStart: Number(seg.getAttribute('data-start')), offset: seg.textContent?.length ?? 0 };
    return { segmentStart: null, offset: 0 };
  }
  const seg = node.parentElement?.closest('[data-start]');
  if (!seg || !root.contains(seg)) return { segmentStart: null, offset: 0 };
  return { segmentStart: Number(seg.getAttribute('data-start')), offset };
}

/** The source range of a DOM Range inside `root`, or null when it is empty or leaves the text. */
export function rangeToOffsets(root: Element, range: Range, text: string): { start: number; end: number } | null {
  return toSourceRange(text, pointOf(root, range.startContainer, range.startOffset), pointOf(root, range.endContainer, range.endOffset));
}

/** The segment elements of the reader, in text order (each holds one text node). */
function segmentsOf(root: Element): Element[] {
  return [...root.querySelectorAll('[data-start]')];
}

/**
 * The DOM position of a source offset: the text node of the segment holding it
 * and the offset inside it (an offset at a segment's end resolves to that end,
 * so a caret after the last character still has a place). Binary search, since
 * segments are in text order. Null when the offset is not rendered (the Reader
 * renders only the blocks near what is visible).
 */
export function offsetToDomPoint(root: Element, offset: number): { node: Node; offset: number } | null {
  const segs = segmentsOf(root);
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (Number(segs[mid]!.getAttribute('data-start')) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const seg = found >= 0 ? segs[found] : undefined;
  const node = seg?.firstChild;
  if (!seg || !node) return null;
  const at = offset - Number(seg.getAttribute('data-start'));
  const length = node.textContent?.length ?? 0;
  return at <= length ? { node, offset: at } : null;
}

/** A DOM Range over [start, end) of the source, or null when the text is not rendered. */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const a = offsetToDomPoint(root, start);
  const b = offsetToDomPoint(root, end);
  if (!a || !b) return null;
  const r = root.ownerDocument.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** The source offset of a DOM position inside the reader's text, or null outside it. */
export function domPointToOffset(root: Element, node: Node, offset: number): number | null {
  const p = pointOf(root, node, offset);
  return p.segmentStart === null ? null : p.segmentStart + p.offset;
}

/**
 * One block of the Reader's text with the highlights that fall in it: runs of
 * text as spans and marks, each carrying `data-start` (its offset in the source)
 * and holding one text node, as reader/offsets.ts expects. Memoized: a block
 * redraws only when its own highlights (or which of them is selected) change.
 */
import { memo } from 'react';
import { segmentText, topmostQuote } from '../reader/segments.ts';
import type { Segment } from '../reader/segments.ts';
import type { PageMark } from '../reader/page-marks.ts';

/** A painted quote as a block needs it: where it is, its colour and its length (the shortest wins a click). */
export interface PaintSpan {
  id: string;
  start: number;
  end: number;
  color: string;
}

const NO_MARKS: readonly PageMark[] = [];

/** The segments cut again at each page mark, so a page's first character starts a segment of its own. */
function cutAtMarks(segments: Segment[], marks: readonly PageMark[], start: number): Segment[] {
  if (marks.length === 0) return segments;
  const out: Segment[] = [];
  for (const seg of segments) {
    let from = seg.start;
    for (const m of marks) {
      const at = m.offset - start;
      if (at > from && at < seg.end) {
        out.push({ ...seg, start: from, end: at });
        from = at;
      }
    }
    out.push({ ...seg, start: from });
  }
  return out;
}

export const TextBlock = memo(function TextBlock({
  index,
  text,
  start,
  end,
  spans,
  selected,
  marks = NO_MARKS,
}: {
  index: number;
  text: string;
  start: number;
  end: number;
  spans: readonly PaintSpan[];
  selected: string | null;
  marks?: readonly PageMark[];
}) {
  const segments = cutAtMarks(
    segmentText(
      end - start,
      spans.map((s) => ({ id: s.id, start: s.start - start, end: s.end - start })),
    ),
    marks,
    start,
  );
  const pageAt = new Map(marks.map((m) => [m.offset, m.label]));
  const byId = new Map(spans.map((s) => [s.id, s]));
  const lengthOf = (id: string) => {
    const s = byId.get(id);
    return s ? s.end - s.start : Infinity;
  };
  return (
    <div className="text-block" data-block={index}>
      {segments.map((seg) => {
        const at = start + seg.start;
        const words = text.slice(at, start + seg.end);
        // A page's first segment carries its label, which CSS shows in the margin (never part of the text).
        const page = pageAt.get(at);
        const pageProps = page === undefined ? {} : { 'data-page': page };
        if (seg.quoteIds.length === 0)
          return (
            <span key={at} data-start={at} className={page === undefined ? undefined : 'page-start'} {...pageProps}>
              {words}
            </span>
          );
        const top = topmostQuote(seg, lengthOf);
        const cls = ['hl', 'hl-' + ((top && byId.get(top)?.color) || 'yellow')];
        if (seg.quoteIds.length > 1) cls.push('hl-overlap');
        if (selected && seg.quoteIds.includes(selected)) cls.push('hl-selected');
        if (page !== undefined) cls.push('page-start');
        return (
          <mark key={at} data-start={at} data-quotes={seg.quoteIds.join(' ')} className={cls.join(' ')} {...pageProps}>
            {words}
          </mark>
        );
      })}
    </div>
  );
});

/**
 * The painted quotes of each block, by block index. A block whose quotes did not
 * change keeps its previous array (so its TextBlock does not redraw).
 */
export function spansByBlock(
  spans: readonly PaintSpan[],
  blockOf: (offset: number) => number,
  previous: Map<number, { key: string; spans: PaintSpan[] }>,
): Map<number, { key: string; spans: PaintSpan[] }> {
  const lists = new Map<number, PaintSpan[]>();
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const last = blockOf(s.end - 1);
    for (let b = blockOf(s.start); b <= last; b++) {
      const list = lists.get(b);
      if (list) list.push(s);
      else lists.set(b, [s]);
    }
  }
  const out = new Map<number, { key: string; spans: PaintSpan[] }>();
  for (const [b, list] of lists) {
    const key = list.map((s) => `${s.id}:${s.start}:${s.end}:${s.color}`).join(' ');
    const prev = previous.get(b);
    out.set(b, prev && prev.key === key ? prev : { key, spans: list });
  }
  return out;
}

/**
 * Passages of a source text by sentence and by word, for "Make quote" from a
 * search hit (the sentence around the hit, then widened or narrowed a word at a
 * time) and for the Reader's keyboard caret (a word left or right). Pure and
 * offset-based (UTF-16 code units into the normalized text), unit-tested in node.
 * Sentence and word boundaries come from Intl.Segmenter, as graphemes do in
 * shared/text/graphemes.ts, rather than from a hand-written list of abbreviations.
 */
import { snapRange } from '../../shared/text/graphemes.ts';

export interface Range {
  start: number;
  end: number;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

/** Trims whitespace off both ends of a range. */
function trimmed(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The sentence (or sentences) holding [start, end), never crossing its
 * paragraph: a heading line without a full stop is a sentence of its own.
 */
export function sentenceAround(text: string, start: number, end: number): Range {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const nl = text.indexOf('\n', end);
  const to = nl < 0 ? text.length : nl;
  let s = start;
  let e = end;
  for (const seg of sentences.segment(text.slice(from, to))) {
    const a = from + seg.index;
    const b = a + seg.segment.length;
    if (b <= start || a >= Math.max(end, start + 1)) continue;
    s = Math.min(s, a);
    e = Math.max(e, b);
  }
  const r = trimmed(text, { start: s, end: e });
  return r.end > r.start ? snapRange(text, r.start, r.end) : { start, end };
}

/** Start offsets of the words (letters or digits) of text[from, to). */
function wordStarts(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const seg of words.segment(text.slice(from, to))) if (seg.isWordLike) out.push({ start: from + seg.index, end: from + seg.index + seg.segment.length });
  return out;
}

/** How far to look for the next word: a paragraph is rarely longer. */
const LOOK = 400;

/** The offset one word before `at` (the start of the word it is in, or of the previous one). */
export function wordBefore(text: string, at: number): number {
  const list = wordStarts(text, Math.max(0, at - LOOK), at);
  const prev = list.filter((w) => w.start < at).pop();
  return prev ? prev.start : Math.max(0, at - LOOK);
}

/** The offset one word after `at` (the end of the word it is in, or of the next one). */
export function wordAfter(text: string, at: number): number {
  const list = wordStarts(text, at, Math.min(text.length, at + LOOK));
  const next = list.find((w) => w.end > at);
  return next ? next.end : Math.min(text.length, at + LOOK);
}

/**
 * Moves one edge of a range by a word: the start earlier (-1) or later (+1), the
 * end earlier or later. The range never becomes empty and keeps its ends off
 * whitespace; a move that would empty it returns the range unchanged.
 */
export function nudge(text: string, r: Range, edge: 'start' | 'end', dir: -1 | 1): Range {
  let next: Range;
  if (edge === 'start') next = { start: dir < 0 ? wordBefore(text, r.start) : wordBefore(text, wordAfter(text, wordAfter(text, r.start))), end: r.end };
  else next = { start: r.start, end: dir > 0 ? wordAfter(text, r.end) : wordAfter(text, wordBefore(text, wordBefore(text, r.end))) };
  const t = trimmed(text, next);
  return t.end > t.start && t.start >= 0 && t.end <= text.length ? snapRange(text, t.start, t.end) : r;
}

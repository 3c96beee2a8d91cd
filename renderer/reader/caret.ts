/**
 * The Reader's keyboard caret, in source offsets: a step left or right by one
 * whole character (grapheme cluster) or one word. Line moves need the layout, so
 * the Reader does them with the DOM; these are the pure parts, unit-tested in node.
 */
import { isGraphemeBoundary } from '../../shared/text/graphemes.ts';
import { wordAfter, wordBefore } from './passages.ts';

export type CaretUnit = 'character' | 'word';

/** The offset one character or word from `at` in direction `dir`, kept inside the text. */
export function stepCaret(text: string, at: number, dir: -1 | 1, unit: CaretUnit): number {
  if (unit === 'word') return dir < 0 ? wordBefore(text, at) : wordAfter(text, at);
  let next = Math.max(0, Math.min(text.length, at + dir));
  while (next > 0 && next < text.length && !isGraphemeBoundary(text, next)) next += dir;
  return next;
}

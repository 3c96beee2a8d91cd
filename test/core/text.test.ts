import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../../shared/text/normalize.ts';
import { graphemeBoundaries, isGraphemeBoundary, snapRange } from '../../shared/text/graphemes.ts';

describe('normalizeText', () => {
  it('turns CRLF and CR line endings into LF and strips a BOM', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
  });
  it('composes decomposed accents (NFC) so the same word has the same offsets', () => {
    expect(normalizeText('cafe\u0301')).toBe('caf\u00e9');
  });
  it('drops trailing spaces and collapses runs of blank lines to one', () => {
    expect(normalizeText('one  \n\n\n\ntwo\t\n')).toBe('one\n\ntwo');
  });
  it('is idempotent on any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });
});

describe('grapheme boundaries', () => {
  const text = 'a👨‍👩‍👧b e\u0301x 🇫🇷!';
  it('never fall inside an emoji, a flag or a letter with a combining mark', () => {
    const inside = [2, 3, 4, 5, 6, 7, 8, 12, 16, 17, 18];
    for (const i of inside) expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(false);
    for (const i of [0, 1, 9, 10, 11, 13, 14, 15, 19, text.length]) expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(true);
  });
  it('snapRange widens a range that would split a character, and leaves whole ones alone', () => {
    expect(snapRange(text, 3, 5)).toEqual({ start: 1, end: 9 });
    expect(snapRange(text, 11, 12)).toEqual({ start: 11, end: 13 });
    expect(snapRange(text, 9, 10)).toEqual({ start: 9, end: 10 });
  });
  it('agree with a full segmentation for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const all = new Set(graphemeBoundaries(s));
        for (let i = 0; i <= s.length; i++) if (isGraphemeBoundary(s, i) !== all.has(i)) return false;
        return true;
      }),
    );
  });
});

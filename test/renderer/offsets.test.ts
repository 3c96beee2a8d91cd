import { describe, expect, it } from 'vitest';
import { toSourceRange } from '../../renderer/reader/offsets.ts';

describe('toSourceRange', () => {
  const text = 'The port spent 412 million euros.';

  it('adds each point offset to the start of its segment', () => {
    expect(toSourceRange(text, { segmentStart: 10, offset: 5 }, { segmentStart: 30, offset: 2 })).toEqual({ start: 15, end: 32 });
  });

  it('orders points selected backwards (drag from right to left)', () => {
    expect(toSourceRange(text, { segmentStart: 15, offset: 3 }, { segmentStart: 4, offset: 0 })).toEqual({ start: 4, end: 18 });
  });

  it('trims whitespace picked up at either end of the selection', () => {
    // "port " (4..9) with the trailing space, and a leading space before it.
    expect(toSourceRange(text, { segmentStart: 0, offset: 3 }, { segmentStart: 0, offset: 9 })).toEqual({ start: 4, end: 8 });
  });

  it('returns null for a selection outside the text or of whitespace only', () => {
    expect(toSourceRange(text, { segmentStart: null, offset: 0 }, { segmentStart: 0, offset: 4 })).toBeNull();
    expect(toSourceRange(text, { segmentStart: 3, offset: 0 }, { segmentStart: 3, offset: 1 })).toBeNull();
  });

  it('widens a range that would split an emoji or a combining mark', () => {
    const t = 'a👍b e\u0301c';
    // End inside the surrogate pair (offset 2) widens to 3; start inside "e\u0301" keeps the mark whole.
    expect(toSourceRange(t, { segmentStart: 0, offset: 0 }, { segmentStart: 0, offset: 2 })).toEqual({ start: 0, end: 3 });
    expect(toSourceRange(t, { segmentStart: 0, offset: 5 }, { segmentStart: 0, offset: 6 })).toEqual({ start: 5, end: 7 });
  });

  it('clamps offsets beyond the text length', () => {
    expect(toSourceRange('abc', { segmentStart: 0, offset: 1 }, { segmentStart: 2, offset: 9 })).toEqual({ start: 1, end: 3 });
  });
});

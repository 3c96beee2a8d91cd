import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentText, topmostQuote } from '../../renderer/reader/segments.ts';

describe('segmentText', () => {
  it('returns one uncovered segment when there are no quotes', () => {
    expect(segmentText(10, [])).toEqual([{ start: 0, end: 10, quoteIds: [] }]);
  });

  it('splits at every boundary of overlapping quotes and lists every covering quote', () => {
    const segs = segmentText(20, [
      { id: 'a', start: 2, end: 10 },
      { id: 'b', start: 6, end: 14 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 2, quoteIds: [] },
      { start: 2, end: 6, quoteIds: ['a'] },
      { start: 6, end: 10, quoteIds: ['a', 'b'] },
      { start: 10, end: 14, quoteIds: ['b'] },
      { start: 14, end: 20, quoteIds: [] },
    ]);
  });

  it('keeps a quote nested inside another as its own segment', () => {
    const segs = segmentText(10, [
      { id: 'outer', start: 0, end: 10 },
      { id: 'inner', start: 3, end: 5 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.quoteIds.join('+')])).toEqual([
      [0, 3, 'outer'],
      [3, 5, 'outer+inner'],
      [5, 10, 'outer'],
    ]);
  });

  it('clamps quotes that run past the end and drops empty or inverted ones', () => {
    const segs = segmentText(5, [
      { id: 'long', start: 3, end: 99 },
      { id: 'empty', start: 2, end: 2 },
      { id: 'inverted', start: 4, end: 1 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 3, quoteIds: [] },
      { start: 3, end: 5, quoteIds: ['long'] },
    ]);
  });

  it('tiles the text exactly and marks a position covered iff some quote covers it (property)', () => {
    const quote = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), start: fc.nat(60), end: fc.nat(60) });
    fc.assert(
      fc.property(fc.nat(50), fc.array(quote, { maxLength: 8 }), (len, quotes) => {
        const segs = segmentText(len, quotes);
        let pos = 0;
        for (const s of segs) {
          expect(s.start).toBe(pos);
          expect(s.end).toBeGreaterThan(s.start);
          pos = s.end;
          for (let i = s.start; i < s.end; i++) {
            const covering = quotes.filter((q) => q.start <= i && i < Math.min(q.end, len)).map((q) => q.id);
            expect(s.quoteIds).toEqual(covering);
          }
        }
        expect(pos).toBe(len);
      }),
    );
  });
});

describe('topmostQuote', () => {
  it('picks the shortest covering quote so a nested quote stays clickable', () => {
    const lengths: Record<string, number> = { outer: 10, inner: 2 };
    expect(topmostQuote({ start: 3, end: 5, quoteIds: ['outer', 'inner'] }, (id) => lengths[id] ?? Infinity)).toBe('inner');
    expect(topmostQuote({ start: 0, end: 3, quoteIds: [] }, () => 1)).toBeNull();
  });
});

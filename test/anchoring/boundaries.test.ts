/** The fast boundary checks agree with the segmenter-based ones in graphemes.ts. */
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { onBoundary, snap } from '../../shared/anchoring/boundaries.ts';
import { isGraphemeBoundary, snapRange } from '../../shared/text/graphemes.ts';
import { text } from './generators.ts';

suite('fast grapheme boundaries', () => {
  it('agree with isGraphemeBoundary and snapRange at every offset of mixed texts', () => {
    fc.assert(
      fc.property(text, fc.string({ maxLength: 6 }), (t0, extra) => {
        const t = `${extra}${t0}\r\n${extra}`;
        for (let i = 0; i <= t.length; i++) expect(onBoundary(t, i)).toBe(isGraphemeBoundary(t, i));
        for (let i = 0; i < t.length; i += 7) expect(snap(t, i, i + 5)).toEqual(snapRange(t, i, i + 5));
      }),
      { numRuns: 40 },
    );
  });
});

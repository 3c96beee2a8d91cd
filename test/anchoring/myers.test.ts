/** The bit-parallel matcher agrees with the textbook edit-distance table. */
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { MyersPattern } from '../../shared/anchoring/myers.ts';

const codes = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** D[m][j] with a free start: best distance of `p` to a substring of `t` ending at j. */
function searchEnds(p: string, t: string): number[] {
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (const ch of t) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === ch ? 0 : 1));
    out.push(cur[p.length]!);
    prev = cur;
  }
  return out;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

// Single characters only (no surrogates), from a small alphabet so matches happen;
// patterns up to 100 long so several 32-bit blocks are exercised.
const alpha = (max: number, letters: string) => fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: max }).map((xs) => xs.join(''));

suite('MyersPattern', () => {
  it('gives the same end-position distances as the dynamic programme, across block boundaries', () => {
    fc.assert(
      fc.property(alpha(100, 'abcd'), alpha(150, 'abcde'), (p, t) => {
        expect(Array.from(new MyersPattern(codes(p)).searchEnds(codes(t), 0, t.length))).toEqual(searchEnds(p, t));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the exact distance to every suffix of a text when the match must end at a given position', () => {
    fc.assert(
      fc.property(alpha(70, 'abc'), alpha(90, 'abcd'), (p, t) => {
        const back = new MyersPattern(codes(p)).anchoredBackward(codes(t), t.length, 0);
        expect(back.length).toBe(t.length);
        back.forEach((d, i) => expect(d).toBe(levenshtein(p, t.slice(t.length - i - 1))));
      }),
      { numRuns: 60 },
    );
  });

  it('scans only the requested window', () => {
    const m = new MyersPattern(codes('tonnes'));
    const text = codes('4.2 million tonnes of ore');
    const ends = m.searchEnds(text, 4, 18);
    expect(ends.length).toBe(14);
    expect(ends[13]).toBe(0);
    expect(() => new MyersPattern(new Uint16Array(0))).toThrow(RangeError);
  });
});

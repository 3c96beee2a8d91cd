/** Vocabulary helpers: bounded edit distance (checked against a textbook implementation), typo candidate lookup and lazily sorted sets. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazySorted, LengthBuckets, withinEdits } from '../../shared/search/vocab.ts';

/** Textbook optimal-string-alignment distance, written independently as the oracle. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });

describe('typo matching', () => {
  it('agrees with a textbook edit distance for budgets 1 and 2', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(1, 2), (a, b, k) => {
        expect(withinEdits(a, b, k)).toBe(osa(a, b) <= k);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(withinEdits('tanker', 'tankre', 1)).toBe(true);
    expect(withinEdits('tanker', 'takner', 1)).toBe(true);
    expect(withinEdits('tanker', 'tnkre', 1)).toBe(false);
  });

  it('finds every vocabulary word within the budget, whatever its length bucket', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30 }), word, fc.constantFrom(1, 2), (vocab, q, k) => {
        const b = new LengthBuckets();
        for (const w of vocab) b.add(w);
        const expected = vocab.filter((w) => w !== q && osa(w, q) <= k).sort();
        expect(b.near(q, k).sort()).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lazily sorted sets', () => {
  it('return their values sorted and deduplicated however they were added', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), { maxLength: 5 }), (batches) => {
        const s = new LazySorted<number>();
        const added = new Set<number>();
        for (const batch of batches) {
          for (const v of batch) {
            s.add(v);
            added.add(v);
          }
          expect(s.values()).toEqual([...added].sort((a, b) => a - b));
        }
      }),
    );
  });
});

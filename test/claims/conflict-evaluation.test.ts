import { describe, expect, it } from 'vitest';
import { evaluateConflicts } from '../../shared/claims/evaluate-conflicts.ts';
import { loadPairs } from '../bench/eval-conflicts.ts';

const pairs = loadPairs();

describe('the labelled claim pairs', () => {
  it('hold at least 15 pairs, with conflicts and non-conflicts', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(15);
    expect(pairs.some((p) => p.conflict)).toBe(true);
    expect(pairs.some((p) => !p.conflict)).toBe(true);
  });

  it('are judged with precision and recall of at least 0.9', () => {
    const r = evaluateConflicts(pairs);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });
});

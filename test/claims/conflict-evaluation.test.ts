import { describe, expect, it } from 'vitest';
import { evaluateConflicts, expectedOf } from './evaluate-conflicts.ts';
import { loadPairs, loadPairSets } from '../bench/eval-conflicts.ts';

const pairs = loadPairs();

describe('the labelled claim pairs', () => {
  it('hold at least 60 pairs, with every relation and several house styles', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    for (const r of ['conflict', 'change', 'superseded', 'none'] as const)
      expect(
        pairs.some((p) => expectedOf(p) === r),
        r,
      ).toBe(true);
    expect(new Set(pairs.map((p) => p.style).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it('are judged conflicts with precision and recall of at least 0.95', () => {
    const r = evaluateConflicts(pairs);
    expect(r.precision, JSON.stringify(r.wrong)).toBeGreaterThanOrEqual(0.95);
    expect(r.recall, JSON.stringify(r.wrong)).toBeGreaterThanOrEqual(0.95);
  });

  it('hold each pair set (rewordings included) at precision and recall of at least 0.9', () => {
    const sets = loadPairSets();
    expect(sets.has('conflict-pairs-rewording.json')).toBe(true);
    for (const [name, set] of sets) {
      const r = evaluateConflicts(set);
      expect(r.precision, `${name}: ${JSON.stringify(r.wrong)}`).toBeGreaterThanOrEqual(0.9);
      expect(r.recall, `${name}: ${JSON.stringify(r.wrong)}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('tell changes and supersessions from conflicts', () => {
    const r = evaluateConflicts(pairs);
    expect(r.relations.change.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.relations.change.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.relations.superseded.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.confusion.change.conflict + r.confusion.superseded.conflict).toBe(0);
  });
});

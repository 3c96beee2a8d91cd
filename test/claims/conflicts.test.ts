import { describe, expect, it } from 'vitest';
import {
  candidateFromStatement,
  compatible,
  conflictKey,
  findConflicts,
  intervalOf,
  type ConflictCandidate,
} from '../../shared/claims/conflicts.ts';
import { termOverlap } from '../../shared/claims/terms.ts';
import type { Quantity } from '../../shared/claims/quantity.ts';

const claim = (id: string, statement: string, extra: Partial<ConflictCandidate> = {}): ConflictCandidate => ({
  ...candidateFromStatement(id, statement),
  ...extra,
});
const q = (over: Partial<Quantity>): Quantity => ({ value: 1, lower: 1, upper: 1, unit: '%', hedge: null, bound: 'exact', raw: '1%', kind: 'level', asOf: null, reading: null, ...over });

describe('hedged figures are compared as intervals', () => {
  it('flags "almost 70%" against "about 46%": a reader takes "almost 70%" as 63–70%, not "anything up to 70%"', () => {
    const a = claim('a', 'China accounts for almost 70% of the global hash rate.');
    const b = claim('b', 'China accounts for about 46% of the global hash rate.');
    expect(findConflicts([a, b])).toHaveLength(1);
  });

  it('does not flag "up to 70%" against "about 46%": an open bound holds anything below', () => {
    const a = claim('a', 'China accounts for up to 70% of the global hash rate.');
    const b = claim('b', 'China accounts for about 46% of the global hash rate.');
    expect(findConflicts([a, b])).toEqual([]);
  });

  it('flags "more than 70%" against "about 46%" and explains why', () => {
    const a = claim('a', 'China accounts for more than 70% of the global hash rate.');
    const b = claim('b', 'China accounts for about 46% of the global hash rate.');
    const [pair, ...rest] = findConflicts([a, b]);
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({ a: 'a', b: 'b', key: 'a|b' });
    expect(pair!.reason).toBe('A says more than 70%, B says about 46% (41.4–50.6) of global hash rate');
    expect(pair!.overlap).toBeGreaterThan(0.6);
  });

  it('flags "almost 70%" against "more than 75%"', () => {
    const a = claim('a', 'China accounts for almost 70% of the global hash rate.');
    const b = claim('b', 'China accounts for more than 75% of the global hash rate.');
    expect(findConflicts([a, b])).toHaveLength(1);
  });

  it('maps each bound to its interval', () => {
    expect(intervalOf(q({ bound: 'exact', value: 5 }))).toEqual([5, 5]);
    expect(intervalOf(q({ bound: 'upper', value: 5, lower: null, upper: 5 }))).toEqual([-Infinity, 5]);
    expect(intervalOf(q({ bound: 'lower', value: 5, lower: 5, upper: null }))).toEqual([5, Infinity]);
    expect(intervalOf(q({ bound: 'approximate', value: 5, lower: 4.5, upper: 5.5 }))).toEqual([4.5, 5.5]);
    expect(intervalOf(q({ bound: 'range', value: null, lower: 5, upper: 10 }))).toEqual([5, 10]);
    const hedgedRange = intervalOf(q({ bound: 'range', value: null, lower: 10, upper: 20, hedge: 'about' }))!;
    expect(hedgedRange[0]).toBeCloseTo(9);
    expect(hedgedRange[1]).toBeCloseTo(22);
  });

  it('lets intervals miss by rounding slack but not by more', () => {
    expect(compatible([12, 12], [12.04, 12.04])).toBe(true);
    expect(compatible([12, 12], [12.2, 12.2])).toBe(false);
    expect(compatible([-Infinity, 70], [41.4, 50.6])).toBe(true);
    expect(compatible([70, Infinity], [41.4, 50.6])).toBe(false);
  });
});

describe('only the same metric in comparable units is compared', () => {
  it('never flags incompatible units', () => {
    const a = claim('a', 'The port handled 40% of the grain exports.');
    const b = claim('b', 'The port handled $90 million of the grain exports.');
    expect(findConflicts([a, b])).toEqual([]);
  });

  it('never compares different currencies', () => {
    const a = claim('a', 'Diesel costs CNY 7.5 per litre at the depot.');
    const b = claim('b', 'Diesel costs USD 1.1 per litre at the depot.');
    expect(findConflicts([a, b])).toEqual([]);
  });

  it('never compares different rates', () => {
    const a = claim('a', 'Freight rates climbed to $3,000 per container.');
    const b = claim('b', 'Freight rates climbed to $9,000 per day.');
    expect(findConflicts([a, b])).toEqual([]);
  });

  it('converts within a dimension: 500 MW agrees with 0.5 GW and conflicts with 1.2 GW', () => {
    const a = claim('a', 'The wind farm has a capacity of 500 MW.');
    expect(findConflicts([a, claim('b', 'The wind farm has a capacity of 0.5 GW.')])).toEqual([]);
    expect(findConflicts([a, claim('c', 'The wind farm has a capacity of 1.2 GW.')])).toHaveLength(1);
  });

  it('matches "hash rate" with "hashrate"', () => {
    expect(termOverlap('China — global hash rate', 'China — global hashrate').overlap).toBe(1);
    const a = claim('a', 'China accounts for more than 70% of the global hash rate.');
    const b = claim('b', 'China accounts for about 46% of the global hashrate.');
    expect(findConflicts([a, b])).toHaveLength(1);
  });

  it('does not compare different subjects', () => {
    expect(findConflicts([claim('a', 'Wheat exports rose 12% year on year.'), claim('b', 'Rice exports rose 3% year on year.')])).toEqual([]);
    expect(
      findConflicts([
        claim('a', 'The United States hosts about 35% of the global hash rate.'),
        claim('b', 'China accounts for almost 70% of the global hash rate.'),
      ]),
    ).toEqual([]);
  });

  it('uses a subject given with the claim over the one read from the statement', () => {
    const a: ConflictCandidate = { id: 'a', statement: 'x', quantity: q({ value: 10, lower: 10, upper: 10 }), subject: 'coal output' };
    const b: ConflictCandidate = { id: 'b', statement: 'y', quantity: q({ value: 30, lower: 30, upper: 30 }), subject: 'coal output' };
    const c: ConflictCandidate = { id: 'c', statement: 'z', quantity: q({ value: 30, lower: 30, upper: 30 }), subject: 'rice imports' };
    expect(findConflicts([a, b, c]).map((p) => p.key)).toEqual(['a|b']);
  });

  it('ignores claims without a quantity', () => {
    const a = claim('a', 'Coal output rose 10%.');
    const b: ConflictCandidate = { id: 'b', statement: 'Coal output rose sharply.', quantity: null };
    expect(findConflicts([a, b])).toEqual([]);
  });

  it('does not compare claims dated more than a year apart, unless told to', () => {
    const a = claim('a', 'China accounts for 70% of the global hash rate.', { date: '2019-06-01' });
    const b = claim('b', 'China accounts for 46% of the global hash rate.', { date: '2021-06-01' });
    expect(findConflicts([a, b])).toEqual([]);
    expect(findConflicts([a, b], new Set(), { maxDateGapDays: Infinity })).toHaveLength(1);
    expect(findConflicts([a, { ...b, date: '2019-09-01' }])).toHaveLength(1);
  });
});

describe('pairs', () => {
  const a = claim('z-claim', 'Solar output reached 12 TWh.');
  const b = claim('a-claim', 'Solar output reached 15 TWh.');
  const c = claim('m-claim', 'Solar output reached 18 TWh.');

  it('gives every pair an order-independent key', () => {
    expect(conflictKey('x', 'y')).toBe(conflictKey('y', 'x'));
    const [p] = findConflicts([a, b]);
    expect(p!.key).toBe('a-claim|z-claim');
    expect(findConflicts([b, a])[0]!.key).toBe(p!.key);
  });

  it('returns every conflicting pair among many claims', () => {
    expect(findConflicts([a, b, c]).map((p) => p.key).sort()).toEqual(['a-claim|m-claim', 'a-claim|z-claim', 'm-claim|z-claim']);
  });

  it('leaves out dismissed pairs', () => {
    const found = findConflicts([a, b, c], new Set(['a-claim|z-claim']));
    expect(found.map((p) => p.key).sort()).toEqual(['a-claim|m-claim', 'm-claim|z-claim']);
  });

  it('does not pair a claim with itself', () => {
    expect(findConflicts([a, { ...a }])).toEqual([]);
  });
});

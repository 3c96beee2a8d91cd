import { describe, expect, it } from 'vitest';
import { candidateFromStatement, compatible, conflictBetween, conflictKey, findConflicts, intervalOf, type ConflictCandidate } from '../../shared/claims/conflicts.ts';
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
    expect(pair).toMatchObject({ a: 'a', b: 'b', key: 'a|b', relation: 'conflict' });
    expect(pair!.reason).toBe('more than 70% vs about 46% (41.4–50.6%): cannot both hold');
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
    expect(findConflicts([claim('a', 'The United States hosts about 35% of the global hash rate.'), claim('b', 'China accounts for almost 70% of the global hash rate.')])).toEqual([]);
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

  it('calls a figure from a source two years newer a supersession, not a conflict, unless told the window is wider', () => {
    const a = claim('a', 'China accounts for 70% of the global hash rate.', { published: '2019-06-01' });
    const b = claim('b', 'China accounts for 46% of the global hash rate.', { published: '2021-06-01' });
    expect(findConflicts([a, b])).toMatchObject([{ relation: 'superseded', older: 'a', reason: '70% in a source of 1 June 2019, then 46% in a source of 1 June 2021' }]);
    expect(findConflicts([a, b], new Set(), { sameTimeDays: Infinity })).toMatchObject([{ relation: 'conflict' }]);
    expect(findConflicts([a, { ...b, published: '2019-09-01' }])).toMatchObject([{ relation: 'conflict' }]);
  });

  it('still reads the old `date` field as the published date', () => {
    const a = claim('a', 'China accounts for 70% of the global hash rate.', { published: '2019' });
    const b = claim('b', 'China accounts for 46% of the global hash rate.', { published: '2021-06' });
    expect(findConflicts([a, b])).toMatchObject([{ relation: 'superseded', older: 'a' }]);
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
    expect(
      findConflicts([a, b, c])
        .map((p) => p.key)
        .sort(),
    ).toEqual(['a-claim|m-claim', 'a-claim|z-claim', 'm-claim|z-claim']);
  });

  it('leaves out dismissed pairs', () => {
    const found = findConflicts([a, b, c], new Set(['a-claim|z-claim']));
    expect(found.map((p) => p.key).sort()).toEqual(['a-claim|m-claim', 'm-claim|z-claim']);
  });

  it('does not pair a claim with itself', () => {
    expect(findConflicts([a, { ...a }])).toEqual([]);
  });

  it('compares two candidates alone with conflictBetween', () => {
    expect(conflictBetween(a, b)).toMatchObject({ key: 'a-claim|z-claim', relation: 'conflict' });
    expect(conflictBetween(a, claim('x', 'Solar output reached 12.04 TWh.'))).toBeNull();
    expect(conflictBetween(a, claim('y', 'Wind output reached 18 TWh.'))).toBeNull();
  });
});

describe('places, demonyms and scope', () => {
  it('tells a region from its country: Andalusia is not Spain', () => {
    const spain = claim('es', 'Unemployment in Spain fell to 12.3% in the first quarter.', { published: '2023-04-28' });
    const andalusia = claim('an', 'In Andalusia, unemployment stood at 18.9% in the first quarter.', { published: '2023-04-28' });
    expect(findConflicts([spain, andalusia])).toEqual([]);
    const spain2 = claim('es2', "Spain's unemployment rate was 14.8% in the first quarter.", { published: '2023-05-02' });
    expect(findConflicts([spain, andalusia, spain2])).toMatchObject([{ key: 'es|es2', relation: 'conflict' }]);
  });

  it('tells a state from its country: Texas is not the United States, and "of the U.S." is Texas\'s scope', () => {
    const texas = claim('tx', 'Texas hosts about 35% of the U.S. hash rate.');
    const us = claim('us', 'The United States accounts for 38% of the global hash rate.');
    expect(findConflicts([texas, us])).toEqual([]);
    expect(findConflicts([texas, claim('tx2', 'Texas accounts for 20% of the hash rate.')])).toHaveLength(1);
  });

  it('matches demonyms and adjectives with their places', () => {
    expect(findConflicts([claim('a', 'German exports reached EUR 1.56 trillion.'), claim('b', "Germany's exports reached EUR 1.2 trillion.")])).toHaveLength(1);
    expect(findConflicts([claim('a', 'Chinese miners account for about 46% of the hash rate.'), claim('b', 'China accounts for almost 70% of the global hash rate.')])).toHaveLength(1);
    expect(findConflicts([claim('a', 'American crude output averaged 12.4 million barrels per day.'), claim('b', 'U.S. crude output averaged 11.9 million barrels per day.')])).toHaveLength(1);
    expect(findConflicts([claim('a', 'Chinese miners account for about 46% of the hash rate.'), claim('b', 'American miners account for about 35% of the hash rate.')])).toEqual([]);
  });

  it('keeps a place named after the figure ("the share attributed to China")', () => {
    const a = claim('a', 'The share of the global hash rate attributed to China was about 46%.');
    const b = claim('b', 'China accounts for almost 70% of the global hash rate.');
    expect(findConflicts([a, b])).toHaveLength(1);
  });

  it("does not take a destination or origin for the subject's place", () => {
    const a = claim('a', 'Imports of gas from Russia fell to 40 billion cubic metres.');
    const b = claim('b', "Russia's gas output fell to 600 billion cubic metres.");
    expect(findConflicts([a, b])).toEqual([]);
  });
});

describe('kinds', () => {
  it('compares a rise with a fall of the same thing, and never a change with a level', () => {
    const rise: ConflictCandidate = { id: 'r', statement: '', quantity: q({ value: 4, lower: 4, upper: 4, kind: 'rise', raw: '4%' }), subject: 'coffee exports' };
    const fall: ConflictCandidate = { id: 'f', statement: '', quantity: q({ value: 3, lower: 3, upper: 3, kind: 'fall', raw: '3%' }), subject: 'coffee exports' };
    const level: ConflictCandidate = { id: 'l', statement: '', quantity: q({ value: 30, lower: 30, upper: 30, raw: '30%' }), subject: 'coffee exports' };
    expect(findConflicts([rise, fall, level])).toMatchObject([{ key: 'f|r', reason: 'up 4% vs down 3%: cannot both hold' }]);
    const small: ConflictCandidate = { ...fall, id: 's', quantity: q({ value: 4, lower: 4, upper: 4, kind: 'rise', raw: '4%' }) };
    expect(findConflicts([rise, small])).toEqual([]);
  });
});

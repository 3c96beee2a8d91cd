import { describe, expect, it } from 'vitest';
import { candidateFromStatement, findConflicts, type ConflictCandidate } from '../../shared/claims/conflicts.ts';
import { ALL_PAIRS_UP_TO, PER_CLAIM } from '../../shared/claims/conflict-groups.ts';
import type { Quantity } from '../../shared/claims/quantity.ts';

// Invented sources shaped like the product's headline case: an undated source
// with a present-tense share, and a dated one giving a recent and an old value.
const UNDATED = 'Industry observers say China accounts for almost 70% of the global hash rate, a dominance that worries regulators.';
const DATED =
  'Data from the research centre show that China’s share of the global hash rate fell to about 46% in April, down from 75% in September 2019. Miners have been moving to Kazakhstan and North America.';

describe('the headline case: an undated 70% against a dated source', () => {
  const undated = candidateFromStatement('undated-70', UNDATED, 'almost 70%', null);
  const april = candidateFromStatement('april-46', DATED, 'about 46%', '2021-06-10');
  const old = candidateFromStatement('sept-75', DATED, '75%', '2021-06-10');
  const pairs = findConflicts([undated, april, old]);
  const byKey = new Map(pairs.map((p) => [p.key, p]));

  it('reads each figure with its own time', () => {
    expect(april.quantity?.asOf).toMatchObject({ from: '2021-04-01', to: '2021-04-30', text: 'in April' });
    expect(old.quantity?.asOf).toMatchObject({ from: '2019-09-01', to: '2019-09-30' });
    expect(undated.quantity?.asOf).toBeNull();
  });

  it('flags almost 70% against about 46% as a conflict, with both bands', () => {
    expect(byKey.get('april-46|undated-70')).toMatchObject({
      relation: 'conflict',
      reason: 'almost 70% (63–70%) vs about 46% (41.4–50.6%) in April 2021: cannot both hold',
    });
  });

  it('takes the 75% of September 2019 for an earlier value: a change, never a conflict with either', () => {
    expect(byKey.get('sept-75|undated-70')).toMatchObject({ relation: 'change', older: 'sept-75', reason: '75% in September 2019, then almost 70% (63–70%) in an undated source' });
    expect(byKey.get('april-46|sept-75')).toMatchObject({ relation: 'change', older: 'sept-75', reason: '75% in September 2019, then about 46% (41.4–50.6%) in April 2021' });
    expect(pairs.filter((p) => p.relation === 'conflict').map((p) => p.key)).toEqual(['april-46|undated-70']);
  });

  it('still conflicts when the undated source was added to the notebook long after April 2021', () => {
    const added = { ...undated, addedAt: '2024-01-05' };
    expect(findConflicts([added, april]).map((p) => p.relation)).toEqual(['conflict']);
  });

  it('calls an explicitly old value from an undated source a change, judged against when the source was added', () => {
    const oldUndated = { ...candidateFromStatement('u75', 'China held 75% of the global hash rate in 2015.'), addedAt: '2021-03-01' };
    expect(findConflicts([oldUndated, undated])).toMatchObject([{ relation: 'change', older: 'u75' }]);
    // without any date for its writer, a dated figure is not known to be old
    const noDates = candidateFromStatement('u75b', 'China held 75% of the global hash rate in 2015.');
    expect(findConflicts([noDates, undated])).toMatchObject([{ relation: 'conflict' }]);
  });
});

describe('the headline case written with pronouns, as articles do', () => {
  const PRONOUNS = 'China’s share of the global hash rate has fallen fast. Its share fell to about 46% in April. It had stood at 75% in September 2019.';

  it('reads "its share" and "it" as the subject of the sentence before, and judges the pairs as before', () => {
    const undated = candidateFromStatement('undated-70', UNDATED, 'almost 70%', null);
    const april = candidateFromStatement('april-46', PRONOUNS, 'about 46%', '2021-06-10');
    const old = candidateFromStatement('sept-75', PRONOUNS, '75%', '2021-06-10');
    expect([april.subject, old.subject]).toEqual(['China’s share of global hash rate', 'China’s share of global hash rate']);
    const pairs = findConflicts([undated, april, old]);
    expect(pairs.map((p) => `${p.key} ${p.relation}`)).toEqual(['april-46|undated-70 conflict', 'sept-75|undated-70 change', 'april-46|sept-75 change']);
  });
});

describe('output policy in large groups', () => {
  const q = (v: number): Quantity => ({ value: v, lower: v, upper: v, unit: '%', hedge: null, bound: 'exact', raw: `${v}%`, kind: 'level', asOf: null, reading: null });
  const c = (id: string, v: number): ConflictCandidate => ({ id, statement: '', quantity: q(v), subject: 'China — hash rate' });

  it('lists every incompatible pair in a small group', () => {
    const claims = Array.from({ length: ALL_PAIRS_UP_TO }, (_, i) => c(`c${String(i).padStart(2, '0')}`, i % 2 === 0 ? 40 : 70));
    const half = ALL_PAIRS_UP_TO / 2;
    expect(findConflicts(claims)).toHaveLength(half * half);
    expect(findConflicts(claims).every((p) => p.more === undefined)).toBe(true);
  });

  it('lists the nearest disagreeing figures of each claim in a large group, and counts the rest', () => {
    const n = 200;
    const claims = Array.from({ length: n }, (_, i) => c(`c${String(i).padStart(3, '0')}`, i < n / 2 ? 40 + (i % 10) / 100 : 70 + (i % 10) / 100));
    const pairs = findConflicts(claims);
    expect(pairs.length).toBeLessThanOrEqual(2 * PER_CLAIM * n);
    const listed = new Map<string, number>();
    for (const p of pairs) for (const id of [p.a, p.b]) listed.set(id, (listed.get(id) ?? 0) + 1);
    // every claim that disagrees with something is listed at least PER_CLAIM times
    expect(listed.size).toBe(n);
    expect(Math.min(...listed.values())).toBeGreaterThanOrEqual(PER_CLAIM);
    // listed + more = every figure it disagrees with (the other half)
    for (const p of pairs) {
      expect((p.more?.a ?? 0) + listed.get(p.a)!).toBe(n / 2);
      expect((p.more?.b ?? 0) + listed.get(p.b)!).toBe(n / 2);
    }
    expect(pairs.some((p) => p.more !== undefined)).toBe(true);
    // the nearest: a claim at 40.09 pairs with the lowest figures above it (70.00)
    const top = pairs.filter((p) => p.a === 'c009' || p.b === 'c009').map((p) => (p.a === 'c009' ? p.b : p.a));
    expect(top.every((id) => Number(id.slice(1)) % 10 === 0)).toBe(true);
  });

  it('keeps the output linear when every pair of a huge group disagrees (20,000 claims, 10⁸ incompatible pairs)', () => {
    const n = 20_000;
    const claims = Array.from({ length: n }, (_, i) => c(`k${i}`, i % 2 === 0 ? 40 : 70));
    const pairs = findConflicts(claims);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(2 * PER_CLAIM * n);
    expect(new Set(pairs.flatMap((p) => [p.a, p.b])).size).toBe(n);
  });

  it('skips dismissed pairs and takes the next nearest figure instead', () => {
    const claims = Array.from({ length: 60 }, (_, i) => c(`c${String(i).padStart(2, '0')}`, i < 30 ? 40 : 70 + i / 100));
    const first = findConflicts(claims);
    const dismissed = new Set(first.filter((p) => p.a === 'c00').map((p) => p.key));
    const again = findConflicts(claims, dismissed);
    expect(again.some((p) => dismissed.has(p.key))).toBe(false);
    expect(again.filter((p) => p.a === 'c00').length).toBeGreaterThanOrEqual(PER_CLAIM);
  });
});

/**
 * Conflict detection at scale: findConflicts on 1,000, 10,000 and 50,000 claims
 * carrying figures, many sharing places and metrics (a few subjects are very
 * common, as in a notebook built around one story), beside the previous method
 * measured in the same run: every pair of claims sharing a subject term compared
 * one by one, on the sizes where it finishes in reasonable time.
 */
import { findConflicts, intervalOf, compatible, type ConflictCandidate } from '../../shared/claims/conflicts.ts';
import { overlapOfTerms, subjectTerms } from '../../shared/claims/terms.ts';
import { commonFactors } from '../../shared/claims/units.ts';
import { boundsFor, type Bound, type Quantity } from '../../shared/claims/quantity.ts';
import { mulberry32, table, time } from './stats.ts';

const PLACES = [
  'China',
  'Chinese',
  'United States',
  'U.S.',
  'American',
  'Texas',
  'Kazakhstan',
  'Germany',
  'German',
  'Spain',
  'Andalusia',
  'Russia',
  'Canada',
  'Iran',
  'Malaysia',
  'Norway',
  'Iceland',
  'Sichuan',
  'Xinjiang',
  'Inner Mongolia',
];
const METRICS = [
  'global hash rate',
  'share of the global hash rate',
  'bitcoin mining capacity',
  'electricity use of mining',
  'unemployment rate',
  'youth unemployment',
  'wheat exports',
  'rice exports',
  'coal output',
  'wind output',
  'solar capacity',
  'crude output',
  'gas imports',
  'home prices',
  'container volumes',
  'grid power from coal',
  'household savings rate',
  'industrial production',
  'rig count',
  'mining revenue',
];
const UNITS = ['%', '%', '%', 'GW', 'MW', 'TWh', 'USD', 'EUR', 't', 'count'];
const BOUNDS: Exclude<Bound, 'range'>[] = ['exact', 'exact', 'approximate', 'near-below', 'near-above', 'upper', 'lower'];

/** n claims; subject popularity is skewed (the square of a uniform draw) so a few subjects gather hundreds of figures. */
export function generate(n: number, seed = 7): ConflictCandidate[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[], skew = false): T => xs[Math.floor((skew ? rnd() ** 2 : rnd()) * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const unit = pick(UNITS, true);
    const value = Math.round((unit === '%' ? 5 + rnd() * 90 : 1 + rnd() * 999) * 10) / 10;
    const bound = pick(BOUNDS);
    const year = 2015 + Math.floor(rnd() * 9);
    const asOf = rnd() < 0.3 ? { from: `${year}-04-01`, to: `${year}-04-30`, text: `in April ${year}` } : null;
    const quantity: Quantity = {
      value,
      ...boundsFor(value, bound),
      unit,
      hedge: bound === 'exact' ? null : 'about',
      bound,
      raw: `${value}${unit === '%' ? '%' : ' ' + unit}`,
      kind: rnd() < 0.85 ? 'level' : 'rise',
      asOf,
      reading: null,
    };
    const published = rnd() < 0.7 ? `${2015 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}` : null;
    return { id: `c${i}`, statement: '', quantity, subject: `${pick(PLACES, true)} — ${pick(METRICS, true)}`, published };
  });
}

/** The previous method: every pair sharing a subject term (or compound) compared with term overlap ≥ 0.6. */
export function baseline(claims: readonly ConflictCandidate[]): number {
  const terms = claims.map((c) => subjectTerms(c.subject ?? ''));
  const entities = claims.map((c) => subjectTerms((c.subject ?? '').split(' — ')[0] ?? ''));
  const buckets = new Map<string, number[]>();
  terms.forEach((ts, i) => {
    const keys = new Set(ts);
    for (let k = 1; k < ts.length; k++) keys.add(ts[k - 1]! + ts[k]!);
    for (const key of keys) (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(i);
  });
  const pairs = new Set<number>();
  const n = claims.length;
  for (const list of buckets.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pairs.add(list[x]! * n + list[y]!);
  let found = 0;
  for (const p of pairs) {
    const i = Math.floor(p / n);
    const j = p % n;
    const qa = claims[i]!.quantity!;
    const qb = claims[j]!.quantity!;
    const f = commonFactors(qa.unit!, qb.unit!);
    if (!f || qa.kind !== qb.kind) continue;
    if (overlapOfTerms(terms[i]!, terms[j]!).overlap < 0.6) continue;
    if (overlapOfTerms(entities[i]!, entities[j]!).shared.length === 0) continue;
    const ia = intervalOf(qa)!;
    const ib = intervalOf(qb)!;
    if (!compatible([ia[0] * f[0], ia[1] * f[0]], [ib[0] * f[1], ib[1] * f[1]])) found++;
  }
  return found;
}

export async function main(): Promise<void> {
  const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1;
  const sizes = [1_000, 2_000, 10_000, 50_000].map((n) => Math.max(100, Math.round(n * scale)));
  const baselineUpTo = 2_000 * scale;
  console.log('\nconflict detection at scale (ms; median of 3 runs, baseline once)');
  const rows: (string | number)[][] = [];
  let first: { n: number; ms: number } | null = null;
  for (const n of sizes) {
    const claims = generate(n);
    findConflicts(claims.slice(0, 200)); // warm-up
    const runs: number[] = [];
    let pairs = 0;
    let conflicts = 0;
    for (let r = 0; r < 3; r++)
      runs.push(
        await time(() => {
          const out = findConflicts(claims);
          pairs = out.length;
          conflicts = out.filter((p) => p.relation === 'conflict').length;
        }),
      );
    const ms = runs.sort((a, b) => a - b)[1]!;
    first ??= { n, ms };
    let base = 'not run';
    if (n <= baselineUpTo) {
      let basePairs = 0;
      const t = await time(() => (basePairs = baseline(claims)));
      base = `${t.toFixed(0)} (${basePairs} pairs)`;
    }
    const growth = ms / first.ms;
    const nlogn = (n * Math.log(n)) / (first.n * Math.log(first.n));
    rows.push([n, ms, pairs, conflicts, base, `${growth.toFixed(1)}× (n log n: ${nlogn.toFixed(1)}×)`]);
  }
  console.log(table(['claims', 'findConflicts', 'pairs', 'conflicts', 'baseline (all pairs in bucket)', 'growth vs first size'], rows));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

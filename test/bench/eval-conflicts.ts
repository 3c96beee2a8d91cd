/**
 * Evaluation benchmark for the conflict judgement: precision and recall of
 * conflicts and of each relation on the hand-labelled claim pairs, the confusion
 * between relations, and every wrong judgement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateConflicts, expectedOf, type Expected, type LabelledPair } from '../claims/evaluate-conflicts.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/claims/${name}`, import.meta.url));

/** Every labelled pair file, by name: conflict-pairs.json and its extra sets (conflict-pairs-*.json). */
export function loadPairSets(): Map<string, LabelledPair[]> {
  const dir = fileURLToPath(new URL('../fixtures/claims/', import.meta.url));
  const names = readdirSync(dir)
    .filter((n) => /^conflict-pairs(?:-[\w-]+)?\.json$/.test(n))
    .sort();
  return new Map(names.map((n) => [n, (JSON.parse(readFileSync(fixture(n), 'utf8')) as { pairs: LabelledPair[] }).pairs]));
}

/** All labelled pairs, every set together. */
export function loadPairs(): LabelledPair[] {
  return [...loadPairSets().values()].flat();
}

const pct = (x: number): string => x.toFixed(3);
const KINDS: Expected[] = ['conflict', 'change', 'superseded', 'none'];

export async function main(): Promise<void> {
  const pairs = loadPairs();
  const t0 = performance.now();
  const r = evaluateConflicts(pairs);
  const t1 = performance.now();
  console.log('\nconflict evaluation');
  console.log('relation     items  tp  fp  fn  precision  recall');
  for (const rel of ['conflict', 'change', 'superseded'] as const) {
    const s = r.relations[rel];
    const items = pairs.filter((p) => expectedOf(p) === rel).length;
    console.log(
      `${rel.padEnd(11)} ${String(items).padStart(6)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  console.log(`(${pairs.length} pairs, ${pairs.filter((p) => expectedOf(p) === 'none').length} expected none; ${(t1 - t0).toFixed(0)} ms)`);
  console.log('\nexpected \\ predicted  ' + KINDS.map((k) => k.padStart(12)).join(''));
  for (const e of KINDS) console.log(`${e.padEnd(21)} ${KINDS.map((k) => String(r.confusion[e][k]).padStart(12)).join('')}`);
  console.log('\nsame-time window for published dates (SAME_TIME_DAYS):');
  for (const days of [91, 183, 366, 731, 1461]) {
    const w = evaluateConflicts(pairs, { sameTimeDays: days });
    const f = (s: { precision: number; recall: number }): string => `${pct(s.precision)}/${pct(s.recall)}`;
    console.log(`  ${String(days).padStart(4)} days: conflict P/R ${f(w.relations.conflict)}  change ${f(w.relations.change)}  superseded ${f(w.relations.superseded)}  wrong ${w.wrong.length}`);
  }
  console.log('\nby pair set:');
  for (const [name, set] of loadPairSets()) {
    const e = evaluateConflicts(set);
    console.log(`  ${name.padEnd(32)} ${String(set.length).padStart(4)} pairs  conflict P/R ${pct(e.precision)}/${pct(e.recall)}  wrong ${e.wrong.length}`);
  }
  if (r.wrong.length) console.log('\nwrong judgements:');
  for (const w of r.wrong) console.log(`  ${w.id} expected ${w.expected}, got ${w.predicted}: ${w.reason}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

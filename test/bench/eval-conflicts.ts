/**
 * Evaluation benchmark for conflict detection: precision and recall on the
 * hand-labelled claim pairs, with every wrong judgement listed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateConflicts, type LabelledPair } from '../../shared/claims/evaluate-conflicts.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/claims/${name}`, import.meta.url));

export function loadPairs(): LabelledPair[] {
  return (JSON.parse(readFileSync(fixture('conflict-pairs.json'), 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

const pct = (x: number): string => x.toFixed(3);

export async function main(): Promise<void> {
  const pairs = loadPairs();
  const t0 = performance.now();
  const conf = evaluateConflicts(pairs);
  const t1 = performance.now();
  console.log('\nconflict evaluation');
  console.log('task        items  tp  fp  fn  precision  recall   ms');
  console.log(`conflicts   ${String(pairs.length).padStart(5)} ${String(conf.tp).padStart(3)} ${String(conf.fp).padStart(3)} ${String(conf.fn).padStart(3)}  ${pct(conf.precision).padStart(9)}  ${pct(conf.recall).padStart(6)} ${(t1 - t0).toFixed(0).padStart(4)}`);
  console.log(`(${pairs.filter((p) => p.conflict).length} of ${pairs.length} pairs conflict)`);
  if (conf.wrong.length) console.log('\nconflict errors:');
  for (const w of conf.wrong) console.log(`  ${w.id} expected ${w.expected ? 'conflict' : 'no conflict'}: ${w.reason}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

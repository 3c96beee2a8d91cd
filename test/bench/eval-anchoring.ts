/**
 * Evaluation benchmark for re-anchoring: per-status precision and recall on the
 * labelled edit pairs (test/fixtures/anchoring/edit-pairs), the count of quotes
 * attached to the wrong words, fuzzy recall on lightly edited quotes, and every
 * miss listed, so a regression can be read, not just counted.
 *
 * Run: npm run eval:anchoring
 */
import { evaluate, runPairs, STATUSES } from '../anchoring/evaluate.ts';
import { loadEditPairs } from '../fixtures/anchoring/edit-pairs/index.ts';

const f3 = (x: number): string => x.toFixed(3);
const show = (s: string | null, max = 110): string => (s === null ? '-' : JSON.stringify(s.length > max ? `${s.slice(0, max - 1)}…` : s));

export async function main(): Promise<void> {
  const pairs = loadEditPairs();
  const t0 = performance.now();
  const judged = runPairs(pairs);
  const t1 = performance.now();
  const ev = evaluate(judged);
  const docs = new Set(pairs.map((p) => p.doc)).size;
  console.log(`anchoring evaluation: ${pairs.length} labelled quotes in ${docs} edited texts (reanchorAll, ${(t1 - t0).toFixed(0)} ms)`);
  console.log('status     expected  got  correct  precision  recall');
  for (const s of STATUSES) {
    const r = ev.perStatus[s];
    console.log(`${s.padEnd(10)} ${String(r.expected).padStart(8)} ${String(r.got).padStart(4)} ${String(r.correct).padStart(8)} ${f3(r.precision).padStart(10)} ${f3(r.recall).padStart(7)}`);
  }
  const correct = judged.filter((j) => j.correct).length;
  console.log(`accuracy ${correct}/${judged.length} = ${f3(correct / judged.length)}`);
  console.log(`attached to the wrong words: ${ev.wrongWords}`);
  console.log(`fuzzy recall on lightly edited quotes: ${ev.light.fuzzy}/${ev.light.total} = ${f3(ev.light.recall)}`);
  const confusion = STATUSES.map((e) => STATUSES.map((g) => judged.filter((j) => j.pair.expected === e && j.result.status === g).length));
  console.log(`expected \\ got ${STATUSES.map((s) => s.padStart(9)).join('')}`);
  STATUSES.forEach((e, i) => console.log(`${e.padEnd(15)}${confusion[i]!.map((n) => String(n).padStart(9)).join('')}`));
  if (ev.misses.length) console.log('\nmisses:');
  for (const m of ev.misses) {
    const { pair, result } = m;
    const want = pair.expectedRange ? pair.new.slice(pair.expectedRange.start, pair.expectedRange.end) : null;
    console.log(
      `  ${pair.id} [${pair.style}, ${pair.kind}${pair.light ? ', light' : ''}] expected ${pair.expected}, got ${result.status} (score ${f3(result.score)})${m.wrongWords ? ' WRONG WORDS' : ''}`,
    );
    console.log(`      quote ${show(pair.selectors[1].exact)}`);
    if (want !== null) console.log(`      want  ${show(want)}`);
    if (result.text !== null) console.log(`      got   ${show(result.text)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

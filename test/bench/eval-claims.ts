/**
 * Evaluation benchmark for the claim assistant: precision and recall of figure
 * detection and conflict detection on the hand-labelled fixtures, with every
 * miss and false alarm listed so a regression can be read, not just counted.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateFigures, type LabelledSentence } from '../../shared/claims/evaluate.ts';
import { detectFigures } from '../../shared/claims/figures.ts';
import { findConflicts } from '../../shared/claims/conflicts.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/claims/${name}`, import.meta.url));

export function loadFigureSet(): LabelledSentence[] {
  return (JSON.parse(readFileSync(fixture('figures.json'), 'utf8')) as { sentences: LabelledSentence[] }).sentences;
}

const pct = (x: number): string => x.toFixed(3);

export async function main(): Promise<void> {
  const sentences = loadFigureSet();
  const t0 = performance.now();
  const figs = evaluateFigures(sentences);
  const t1 = performance.now();
  const labels = sentences.reduce((n, s) => n + s.figures.length, 0);
  console.log('claims evaluation');
  console.log('task        items  tp  fp  fn  precision  recall   ms');
  console.log(`figures     ${String(sentences.length).padStart(5)} ${String(figs.tp).padStart(3)} ${String(figs.fp).padStart(3)} ${String(figs.fn).padStart(3)}  ${pct(figs.precision).padStart(9)}  ${pct(figs.recall).padStart(6)} ${(t1 - t0).toFixed(0).padStart(4)}`);
  console.log(`(${labels} labelled figures in ${sentences.length} sentences)`);
  // throughput: every labelled sentence, repeated into one long document
  const doc = Array.from({ length: 40 }, () => sentences.map((s) => s.text).join(' ')).join('\n\n');
  const t3 = performance.now();
  const found = detectFigures(doc);
  const t4 = performance.now();
  const claims = found.slice(0, 400).map((f, i) => ({ id: `c${i}`, statement: '', quantity: f, subject: f.subject }));
  const t5 = performance.now();
  const conflicts = findConflicts(claims);
  const t6 = performance.now();
  console.log(`\nthroughput: detectFigures ${(doc.length / 1024).toFixed(0)} KiB, ${found.length} figures in ${(t4 - t3).toFixed(0)} ms (${((doc.length / 1024) / ((t4 - t3) / 1000)).toFixed(0)} KiB/s)`);
  console.log(`            findConflicts ${claims.length} claims (${(claims.length * (claims.length - 1)) / 2} pairs) in ${(t6 - t5).toFixed(0)} ms, ${conflicts.length} conflicts`);
  if (figs.misses.length) console.log('\nfigure misses:');
  for (const m of figs.misses) {
    const got = m.nearest ? `got ${JSON.stringify({ raw: m.nearest.raw, value: m.nearest.value, lower: m.nearest.lower, upper: m.nearest.upper, unit: m.nearest.unit, hedge: m.nearest.hedge, bound: m.nearest.bound })}` : 'got nothing';
    console.log(`  ${m.id} want ${JSON.stringify(m.label)}; ${got}`);
  }
  if (figs.falseAlarms.length) console.log('\nfigure false alarms:');
  for (const f of figs.falseAlarms) console.log(`  ${f.id} ${JSON.stringify({ raw: f.figure.raw, value: f.figure.value, unit: f.figure.unit, hedge: f.figure.hedge, bound: f.figure.bound })}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * Evaluation benchmark for figure detection: precision and recall on the
 * hand-labelled fixtures, overall and per family of figure (unit, hedge,
 * negatives, multipliers, ranges vs changes), the false-alarm rate per kind of
 * labelled non-figure, and every miss and false alarm listed so a regression
 * can be read, not just counted. Two sets: the project's own sentences
 * (figures.json) and the news-style set written apart from it (figures-*.json),
 * whose held-out batches (figures-holdout*.json) are also scored one by one.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateFigures, type FigureEvaluation, type LabelledSentence, type Score } from '../claims/evaluate.ts';
import { detectFigures } from '../../shared/claims/figures.ts';
import { findConflicts } from '../../shared/claims/conflicts.ts';

const dir = fileURLToPath(new URL('../fixtures/claims/', import.meta.url));
const load = (name: string): LabelledSentence[] => (JSON.parse(readFileSync(dir + name, 'utf8')) as { sentences: LabelledSentence[] }).sentences;

/** The project's own labelled sentences. */
export function loadFigureSet(): LabelledSentence[] {
  return load('figures.json');
}
/** The news-style set: one file per topic, figures-<topic>.json (the held-out batches included). */
export function loadNewsSet(): LabelledSentence[] {
  return readdirSync(dir)
    .filter((f) => /^figures-.+\.json$/.test(f))
    .sort()
    .flatMap(load);
}
/**
 * The held-out batches, figures-holdout*.json, each written after the rules were tuned and
 * scored on its own, so how the rules carry over to new wording stays visible.
 */
export function loadHeldOutBatches(): Array<{ name: string; sentences: LabelledSentence[] }> {
  return readdirSync(dir)
    .filter((f) => /^figures-holdout.*\.json$/.test(f))
    .sort()
    .map((name) => ({ name, sentences: load(name) }));
}

const pct = (x: number): string => x.toFixed(3);
const row = (name: string, items: number, s: Score, ms?: number): string =>
  `${name.padEnd(22)} ${String(items).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}${ms === undefined ? '' : ` ${ms.toFixed(0).padStart(5)}`}`;

function report(title: string, sentences: LabelledSentence[]): FigureEvaluation {
  const t0 = performance.now();
  const r = evaluateFigures(sentences);
  const ms = performance.now() - t0;
  const labels = sentences.reduce((n, s) => n + s.figures.length, 0);
  const nonFigs = sentences.reduce((n, s) => n + (s.nonFigures?.length ?? 0), 0);
  console.log(`\n${title}: ${labels} labelled figures, ${nonFigs} labelled non-figures in ${sentences.length} sentences`);
  console.log(`${'set / family'.padEnd(22)} items   tp  fp  fn  precision  recall    ms`);
  console.log(row('figures', sentences.length, r, ms));
  for (const [k, s] of Object.entries(r.families)) console.log(row(`  ${k}`, s.tp + s.fn, s));
  if (nonFigs > 0) {
    console.log(`${'non-figure kind'.padEnd(22)} items  false alarms  rate`);
    for (const [k, s] of Object.entries(r.nonFigures)) console.log(`  ${k.padEnd(20)} ${String(s.total).padStart(5)}  ${String(s.alarms).padStart(12)}  ${pct(s.rate)}`);
  }
  return r;
}

function listErrors(r: FigureEvaluation): void {
  if (r.misses.length) console.log('\nfigure misses:');
  for (const m of r.misses) {
    const n = m.nearest;
    const got = n ? `got ${JSON.stringify({ raw: n.raw, value: n.value, lower: n.lower, upper: n.upper, unit: n.unit, hedge: n.hedge, bound: n.bound, kind: n.kind })}` : 'got nothing';
    const { family: _family, ...want } = m.label;
    console.log(`  ${m.id} want ${JSON.stringify(want)}; ${got}`);
  }
  if (r.falseAlarms.length) console.log('\nfigure false alarms:');
  for (const f of r.falseAlarms)
    console.log(`  ${f.id} ${JSON.stringify({ raw: f.figure.raw, value: f.figure.value, unit: f.figure.unit, hedge: f.figure.hedge, bound: f.figure.bound, kind: f.figure.kind })}`);
  if (r.nonFigureAlarms.length) console.log('\nnon-figures read as figures:');
  for (const a of r.nonFigureAlarms) console.log(`  ${a.id} ${a.label.kind} "${a.label.raw}" -> "${a.figure.raw}"`);
}

export async function main(): Promise<void> {
  const own = loadFigureSet();
  const news = loadNewsSet();
  console.log('claims evaluation');
  const a = report("project's own set (figures.json)", own);
  const b = report('news set (figures-*.json)', news);
  report('both sets', [...own, ...news]);
  console.log('\nheld-out batches (each also counted in the news set)');
  for (const { name, sentences } of loadHeldOutBatches()) {
    const r = evaluateFigures(sentences);
    const nf = Object.values(r.nonFigures).reduce((n, x) => ({ total: n.total + x.total, alarms: n.alarms + x.alarms }), { total: 0, alarms: 0 });
    console.log(`${row(name, sentences.length, r)}  non-figure alarms ${nf.alarms}/${nf.total}`);
  }
  // throughput: every labelled sentence, repeated into one long document
  const sentences = [...own, ...news];
  const doc = Array.from({ length: 20 }, () => sentences.map((s) => s.text).join(' ')).join('\n\n');
  const t3 = performance.now();
  const found = detectFigures(doc);
  const t4 = performance.now();
  const claims = found.slice(0, 400).map((f, i) => ({ id: `c${i}`, statement: '', quantity: f, subject: f.subject }));
  const t5 = performance.now();
  const conflicts = findConflicts(claims);
  const t6 = performance.now();
  console.log(
    `\nthroughput: detectFigures ${(doc.length / 1024).toFixed(0)} KiB, ${found.length} figures in ${(t4 - t3).toFixed(0)} ms (${(doc.length / 1024 / ((t4 - t3) / 1000)).toFixed(0)} KiB/s)`,
  );
  console.log(`            findConflicts ${claims.length} claims (${(claims.length * (claims.length - 1)) / 2} pairs) in ${(t6 - t5).toFixed(0)} ms, ${conflicts.length} conflicts`);
  if (a.misses.length + a.falseAlarms.length) console.log("\n--- project's own set ---");
  listErrors(a);
  console.log('\n--- news set ---');
  listErrors(b);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * Anchoring benchmark: anchors per second on a generated ~1 MB source with 1,000
 * quotes, for a realistic edit mix and for a worst case where every quote needs
 * the approximate path; then the status shares and the expected-vs-got accuracy
 * over the fixture set (test/fixtures/anchoring).
 *
 * Run: npx tsx test/bench/anchoring.ts
 */
import { performance } from 'node:perf_hooks';
import { anchor, createAnchorer, describe, reanchorAll } from '../../shared/anchoring/index.ts';
import type { AnchorResult, AnchorStatus, Selectors } from '../../shared/anchoring/index.ts';
import { loadAnchoringCases } from '../fixtures/anchoring/index.ts';
import { mulberry32 } from './stats.ts';

const STATUSES: AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

const COMPANIES = ['Kestrel Copper', 'Harbourline', 'Westmark Grid', 'Tarsa Grain', 'Northgate Shipping', 'Varnholm Port', 'Dunmore Refining', 'Ridgeback Mining', 'Orla Wind', 'Calder Freight'];
const METRICS = ['output', 'throughput', 'revenue', 'exports', 'spot rates', 'ore grades', 'storage capacity', 'wheat yields', 'diesel margins', 'container volumes'];
const MOVES = ['rose', 'fell', 'edged up', 'slipped', 'climbed', 'dropped'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HEDGES = ['analysts said', 'according to provisional figures', 'the company said', 'though the estimate may be revised', 'brokers estimated', 'officials cautioned'];
const SWAPS: Record<string, string> = { rose: 'increased', fell: 'declined', said: 'stated', provisional: 'preliminary', estimated: 'reckoned', cautioned: 'warned' };

function sentence(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (max: number) => Math.floor(r() * max);
  switch (n(3)) {
    case 0:
      return `${pick(COMPANIES)} said ${pick(METRICS)} ${pick(MOVES)} ${n(40)}.${n(10)}% in ${pick(MONTHS)}, ${pick(HEDGES)}.`;
    case 1:
      return `${pick(METRICS)[0]!.toUpperCase()}${pick(METRICS).slice(1)} at ${pick(COMPANIES)} could reach ${n(900) + 100} thousand tonnes by ${2025 + n(6)}, ${pick(HEDGES)}.`;
    default:
      return `Shares in ${pick(COMPANIES)} ${pick(MOVES)} ${n(9)}.${n(10)}% after the update on ${pick(METRICS)}, while ${pick(HEDGES)} that the outlook remained uncertain.`;
  }
}

type Doc = string[][]; // paragraphs of sentences

function generate(seed: number, size: number): Doc {
  const r = mulberry32(seed);
  const doc: Doc = [];
  let length = 0;
  while (length < size) {
    const para: string[] = [];
    for (let k = 3 + Math.floor(r() * 4); k > 0; k--) para.push(sentence(r));
    doc.push(para);
    length += para.join(' ').length + 2;
  }
  return doc;
}

const join = (doc: Doc): string => doc.map((p) => p.join(' ')).join('\n\n');

/** Offsets of sentence (p, s) in join(doc), given each paragraph's start offset. */
function locate(doc: Doc, starts: number[], p: number, s: number): { start: number; end: number } {
  let at = starts[p]!;
  for (let j = 0; j < s; j++) at += doc[p]![j]!.length + 1;
  return { start: at, end: at + doc[p]![s]!.length };
}

function paragraphStarts(doc: Doc): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const para of doc) {
    starts.push(at);
    at += para.join(' ').length + 2;
  }
  return starts;
}

/** One word of the sentence replaced (never a figure), as a copy editor would. */
function editWord(s: string): string {
  for (const [from, to] of Object.entries(SWAPS)) {
    const re = new RegExp(`\\b${from}\\b`);
    if (re.test(s)) return s.replace(re, to);
  }
  return s.replace(/ (\p{L}+)([.,])$/u, ' roughly $1$2');
}

type Fate = 'kept' | 'edited' | 'deleted';

interface Scenario {
  name: string;
  oldText: string;
  newText: string;
  quotes: { id: string; selectors: Selectors; fate: Fate }[];
}

export function scenario(name: string, seed: number, shares: { edit: number; delete: number; moveParagraph: number }): Scenario {
  const r = mulberry32(seed + 1);
  const doc = generate(seed, 1_000_000);
  const oldText = join(doc);
  // 1,000 distinct quoted sentences, spread over the document.
  const chosen = new Map<string, { p: number; s: number }>();
  while (chosen.size < 1000) {
    const p = Math.floor(r() * doc.length);
    const s = Math.floor(r() * doc[p]!.length);
    chosen.set(`${p}:${s}`, { p, s });
  }
  const starts = paragraphStarts(doc);
  const quotes = [...chosen.values()].map(({ p, s }, i) => {
    const { start, end } = locate(doc, starts, p, s);
    return { id: `q${i}`, p, s, selectors: describe(oldText, start, end) };
  });
  const next: (string | null)[][] = doc.map((para) => [...para]);
  const fates: Fate[] = quotes.map((q) => {
    const x = r();
    if (x < shares.delete) {
      next[q.p]![q.s] = null;
      return 'deleted';
    }
    if (x < shares.delete + shares.edit) {
      next[q.p]![q.s] = editWord(doc[q.p]![q.s]!);
      return 'edited';
    }
    return 'kept';
  });
  let paras = next.map((para) => para.filter((s): s is string => s !== null)).filter((p) => p.length > 0);
  const moved: string[][] = [];
  paras = paras.filter((p) => (r() < shares.moveParagraph ? (moved.push(p), false) : true));
  for (const p of moved) paras.splice(Math.floor(r() * paras.length), 0, p);
  const note = "Editor's note: this report was updated to correct several figures and add comment from brokers.";
  const newText = `${note}\n\n${join(paras)}`;
  return { name, oldText, newText, quotes: quotes.map(({ id, selectors }, i) => ({ id, selectors, fate: fates[i]! })) };
}

export function tally(results: Iterable<AnchorResult>): Record<AnchorStatus, number> {
  const counts: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Kept quotes should come back exact/moved, edited ones fuzzy, deleted ones orphaned. */
export function asIntended(fate: Fate, r: AnchorResult): boolean {
  if (fate === 'kept') return r.status === 'exact' || r.status === 'moved';
  return r.status === (fate === 'edited' ? 'fuzzy' : 'orphaned');
}

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

export async function main(): Promise<void> {
  const scenarios = [scenario('realistic mix', 7, { edit: 0.1, delete: 0.03, moveParagraph: 0.05 }), scenario('worst case (all edited)', 11, { edit: 1, delete: 0, moveParagraph: 0.2 })];
  console.log("Anchoring: 1,000 quotes against an edited ~1 MB source (editor's note on top, paragraphs moved)");
  console.log(
    `${'scenario'.padEnd(26)}${pad('source', 9)}${pad('setup ms', 10)}${pad('anchor ms', 11)}${pad('cpu ms', 8)}${pad('anchors/s', 11)}${pad('exact', 7)}${pad('moved', 7)}${pad('fuzzy', 7)}${pad('orphan', 8)}${pad('as intended', 13)}`,
  );
  for (const sc of scenarios) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const anchorer = createAnchorer(sc.newText);
    // The index is built lazily on the first approximate search; force it so
    // setup and per-quote cost are reported apart.
    anchorer.anchor([
      { type: 'TextPositionSelector', start: 0, end: 1 },
      { type: 'TextQuoteSelector', exact: 'zzqqxxjj', prefix: '', suffix: '' },
    ]);
    const t1 = performance.now();
    const results = sc.quotes.map((q) => anchorer.anchor(q.selectors));
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const c = tally(results);
    const rate = Math.round(sc.quotes.length / ((t2 - t0) / 1000));
    const intended = sc.quotes.filter((q, i) => asIntended(q.fate, results[i]!)).length;
    console.log(
      `${sc.name.padEnd(26)}${pad(`${(sc.newText.length / 1e6).toFixed(2)} MB`, 9)}${pad((t1 - t0).toFixed(0), 10)}${pad((t2 - t1).toFixed(0), 11)}${pad(((cpu.user + cpu.system) / 1000).toFixed(0), 8)}${pad(rate, 11)}${pad(c.exact, 7)}${pad(c.moved, 7)}${pad(c.fuzzy, 7)}${pad(c.orphaned, 8)}${pad(`${intended}/${sc.quotes.length}`, 13)}`,
    );
    const fates = { kept: 0, edited: 0, deleted: 0 };
    for (const q of sc.quotes) fates[q.fate]++;
    const t3 = performance.now();
    const all = reanchorAll(sc.oldText, sc.newText, sc.quotes);
    const t4 = performance.now();
    const rc = all.counts;
    const allIntended = sc.quotes.filter((q) => asIntended(q.fate, all.results.get(q.id)!)).length;
    console.log(
      `${'  via reanchorAll'.padEnd(26)}${pad('', 9)}${pad('', 10)}${pad((t4 - t3).toFixed(0), 11)}${pad('', 8)}${pad(Math.round(sc.quotes.length / ((t4 - t3) / 1000)), 11)}${pad(rc.exact, 7)}${pad(rc.moved, 7)}${pad(rc.fuzzy, 7)}${pad(rc.orphaned, 8)}${pad(`${allIntended}/${sc.quotes.length}`, 13)}`,
    );
    console.log(`  (quotes kept ${fates.kept}, edited ${fates.edited}, deleted ${fates.deleted})`);
  }
  console.log('anchors/s includes setup (folding and q-gram index of the new text); cpu ms = process CPU for setup + anchoring.');

  const cases = loadAnchoringCases();
  const confusion = new Map<string, number>();
  const got: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  let total = 0;
  let right = 0;
  for (const c of cases) {
    for (const q of c.quotes) {
      const r = anchor(c.new, q.selectors);
      got[r.status]++;
      total++;
      const placeOk = !q.expectedRange || (r.start === q.expectedRange.start && r.end === q.expectedRange.end);
      const textOk = !q.expectedText || r.text === q.expectedText;
      if (r.status === q.expected && placeOk && textOk) right++;
      const key = `${q.expected}->${r.status}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
  console.log('');
  console.log(`Fixtures: ${cases.length} cases, ${total} quotes; accuracy (status, and place/text where pinned) ${right}/${total} = ${((100 * right) / total).toFixed(1)}%`);
  console.log(`${'status'.padEnd(10)}${pad('share', 8)}${pad('count', 7)}`);
  for (const s of STATUSES) console.log(`${s.padEnd(10)}${pad(`${((100 * got[s]) / total).toFixed(0)}%`, 8)}${pad(got[s], 7)}`);
  console.log(`expected \\ got ${STATUSES.map((s) => pad(s, 9)).join('')}`);
  for (const e of STATUSES) console.log(`${e.padEnd(15)}${STATUSES.map((g) => pad(confusion.get(`${e}->${g}`) ?? 0, 9)).join('')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * Export benchmark: the time to export a briefing of 1,000 claims citing 5,000 quotes
 * from 200 sources in every format and style, side by side with the Markdown briefing
 * (APA) of the same notebook in the same run (target: each ≤ 3× it). Includes
 * reading and hashing texts, the integrity check, CSL formatting of every footnote and
 * building the Markdown; HTML adds rendering and sanitizing it. The first export of
 * each style pays citeproc's one-off style parsing, reported on its own line.
 * Run with `npm run bench` (or `npx tsx test/bench/export.ts [--scale 0.1]`).
 */
import { createHash } from 'node:crypto';
import { describe } from '../../shared/anchoring/describe.ts';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import type { Claim, ClaimId, EvidenceRelation, Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import { exportNotebook } from '../../electron/export/index.ts';
import type { ExportFormat, ExportStyle } from '../../electron/export/index.ts';
import { percentile, table, time } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const id = (prefix: string, n: number): string => prefix + n.toString(32).padStart(10, '0');
const T = '2026-01-01T00:00:00.000Z';

function article(i: number): string {
  const paras = [];
  for (let p = 0; p < 30; p++) {
    paras.push(
      `Report ${i}, part ${p}: output at the site fell by almost ${(i * 7 + p) % 90}% while shipments rose about ${(i + p) % 40} percent, officials said. Brokers expect a rebound of up to ${(p * 3) % 20}% next quarter.`,
    );
  }
  return paras.join('\n\n');
}

export function generate(sources: number, quotes: number, claims: number): { notebook: MemoryNotebook; texts: Map<SourceId, string> } {
  const notebook = new MemoryNotebook();
  const texts = new Map<SourceId, string>();
  const authors = ['Dana Okafor', 'Tomas Rietveld', 'Ines de la Cruz', 'Grid Monitoring Office', 'Port Authority Press Desk'];
  for (let i = 0; i < sources; i++) {
    const text = article(i);
    const sid = id('s_', i) as SourceId;
    texts.set(sid, text);
    const record: SourceMeta = {
      id: sid,
      title: `Output report number ${i}`,
      authors: [authors[i % authors.length]!, authors[(i + 2) % authors.length]!],
      publisher: i % 3 ? 'The Harbour Courier' : null,
      published: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      url: `https://news.example/report-${i}`,
      accessed: '2025-12-01',
      fileName: `report-${i}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      sha256: sha256(text),
      length: text.length,
      importedAt: T,
      updatedAt: T,
      versions: [],
      suggestions: { accepted: [], dismissed: [] },
    };
    notebook.apply([{ kind: 'source', op: 'put', record }]);
  }
  const quoteIds: QuoteId[] = [];
  for (let i = 0; i < quotes; i++) {
    const sid = id('s_', i % sources) as SourceId;
    const text = texts.get(sid)!;
    const para = Math.floor(i / sources) % 30;
    let start = 0;
    for (let p = 0; p < para; p++) start = text.indexOf('\n\n', start) + 2;
    const end = text.indexOf(',', start);
    const selectors = describe(text, start, end);
    const qid = id('q_', i) as QuoteId;
    quoteIds.push(qid);
    const record: Quote = {
      id: qid,
      sourceId: sid,
      selectors,
      exact: selectors[1].exact,
      color: 'yellow',
      note: '',
      tags: [],
      createdAt: T,
      updatedAt: T,
      anchor: { status: 'exact', sha256: sha256(text), score: 1, candidate: null, review: null },
      origin: { sha256: sha256(text), start, end },
    };
    notebook.apply([{ kind: 'quote', op: 'put', record }]);
  }
  const relations: EvidenceRelation[] = ['supports', 'supports', 'contradicts', 'context', 'supports'];
  const perClaim = Math.max(1, Math.floor(quotes / claims));
  for (let i = 0; i < claims; i++) {
    const evidence = relations.slice(0, perClaim).map((relation, k) => ({ quoteId: quoteIds[(i * perClaim + k) % quoteIds.length]!, relation }));
    const record: Claim = {
      id: id('c_', i) as ClaimId,
      statement: `Output at site ${i} fell by almost ${i % 90}%`,
      quantity: null,
      status: 'supported',
      tags: [`topic/${i % 12}`],
      evidence,
      links: [],
      subject: null,
      notConflictingWith: [],
      note: '',
      createdAt: T,
      updatedAt: T,
    };
    notebook.apply([{ kind: 'claim', op: 'put', record }]);
  }
  return { notebook, texts };
}

/** Every format and style the export offers, each compared with the Markdown briefing (APA) of the same notebook. */
const VARIANTS: [ExportFormat, ExportStyle][] = [
  ['md', 'apa'],
  ['html', 'apa'],
  ['docx', 'apa'],
  ['md', 'chicago'],
  ['md', 'mla'],
  ['md', 'harvard'],
  ['md', 'vancouver'],
  ['evidence-csv', 'apa'],
  ['evidence-xlsx', 'apa'],
  ['obsidian', 'apa'],
  ['annotations', 'apa'],
  ['csl', 'apa'],
  ['bibtex', 'apa'],
];
const ROUNDS = 3;

export async function main(): Promise<void> {
  const scale = Number(arg('--scale') ?? '1');
  const SOURCES = Math.max(1, Math.round(200 * scale));
  const QUOTES = Math.max(5, Math.round(5000 * scale));
  const CLAIMS = Math.max(1, Math.round(1000 * scale));
  console.log(`\n## Export: briefing of ${CLAIMS.toLocaleString()} claims, ${QUOTES.toLocaleString()} quotes, ${SOURCES} sources${scale !== 1 ? ` (scale ${scale})` : ''}`);
  const { notebook, texts } = generate(SOURCES, QUOTES, CLAIMS);
  /** Wall time and CPU time (user + system, every thread of this process: GC included) of one export. */
  const run = async (format: ExportFormat, style: ExportStyle): Promise<{ ms: number; cpu: number; bytes: number }> => {
    let bytes = 0;
    const cpu0 = process.cpuUsage();
    const ms = await time(async () => {
      const r = await exportNotebook({ view: notebook, getText: async (s) => texts.get(s)!, sha256, format, style, includeUnverified: false, date: '2026-01-01' });
      if (!r.ok) throw new Error(`export failed: ${r.problems.length} problems`);
      bytes = r.content.length;
    });
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpu: (cpu.user + cpu.system) / 1000, bytes };
  };
  // The first export of each style pays citeproc's one-off parsing of the style; shown, then left out.
  const first = new Map<string, number>();
  for (const style of ['apa', 'chicago', 'mla'] as const) first.set(style, (await run('md', style)).ms);
  // Rounds interleave the formats, so a change in the machine's load touches them all alike.
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const bytes = new Map<string, number>();
  const add = (m: Map<string, number[]>, key: string, v: number) => m.set(key, [...(m.get(key) ?? []), v]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [format, style] of VARIANTS) {
      const r = await run(format, style);
      const key = `${format}, ${style}`;
      add(wall, key, r.ms);
      add(cpu, key, r.cpu);
      bytes.set(key, r.bytes);
    }
  }
  const median = (m: Map<string, number[]>, key: string) => percentile(m.get(key)!, 50);
  const base = { wall: median(wall, 'md, apa'), cpu: median(cpu, 'md, apa') };
  const rows: (string | number)[][] = VARIANTS.map(([format, style]) => {
    const key = `${format}, ${style}`;
    return [key, median(wall, key), median(cpu, key), `${(median(cpu, key) / base.cpu).toFixed(2)}×`, Math.round(bytes.get(key)! / 1024)];
  });
  console.log(table([`export (median of ${ROUNDS})`, 'wall ms', 'CPU ms', 'CPU vs md, apa', 'KiB'], rows));
  console.log(`First export per style (includes parsing the style): ${[...first].map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ')}. Target: every format ≤ 3× the Markdown briefing.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

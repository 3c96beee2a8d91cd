/**
 * Storage benchmark: the time to add one quote to a notebook
 * holding 10,000 sources and 100,000 quotes, side by side with (a) a single-file
 * lowdb holding the same data and (b) the floor: writing and fsyncing one small
 * file. Run with `npm run bench` (or `npx tsx test/bench/storage.ts [--scale 0.1]`).
 */
import { mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync, fsyncSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { dispatch } from '../../shared/api/dispatch.ts';
import { makeId } from '../../shared/model/ids.ts';
import { SCHEMA_VERSION } from '../../shared/model/records.ts';
import type { Quote, SourceMeta } from '../../shared/model/records.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore, sha256 } from '../../electron/storage/store.ts';
import { percentile, table, time } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

function article(i: number): string {
  const paras = [];
  for (let p = 0; p < 8; p++)
    paras.push(
      `Paragraph ${p} of report ${i}: output at site ${i % 97} fell by almost ${(i * 7 + p) % 90}% while shipments rose about ${(i + p) % 40} percent, officials said on day ${p}. Analysts expect a rebound of up to ${(p * 3) % 20}% next quarter, although estimates vary widely between brokers.`,
    );
  return paras.join('\n\n');
}

/** Writes a notebook folder directly in the store's format (generating 10k sources through the API would take minutes of fsyncs). */
export function generate(dir: string, sources: number, quotesPerSource: number) {
  const now = '2026-01-01T00:00:00.000Z';
  mkdirSync(join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'texts'), { recursive: true });
  writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ format: 'research-notebook', schemaVersion: SCHEMA_VERSION, id: randomBytes(8).toString('hex'), createdAt: now }));
  writeFileSync(join(dir, 'tags.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, tags: [] }));
  const all: { source: SourceMeta & { text: string }; quotes: Quote[] }[] = [];
  for (let i = 0; i < sources; i++) {
    const text = article(i);
    const hash = sha256(text);
    const source: SourceMeta = {
      id: makeId('source', randomBytes(10)),
      title: `Report ${i}`,
      authors: ['A. Writer'],
      publisher: 'Wire',
      published: '2025-01-01',
      url: null,
      accessed: '2026-01-01',
      fileName: `r${i}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      sha256: hash,
      length: text.length,
      importedAt: now,
      updatedAt: now,
      versions: [],
      suggestions: { accepted: [], dismissed: [] },
    };
    const quotes: Quote[] = [];
    for (let q = 0; q < quotesPerSource; q++) {
      const start = q * 100;
      const exact = text.slice(start, start + 40);
      quotes.push({
        id: makeId('quote', randomBytes(10)),
        sourceId: source.id,
        selectors: [
          { type: 'TextPositionSelector', start, end: start + 40 },
          { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + 40, start + 72) },
        ],
        exact,
        color: 'yellow',
        note: '',
        tags: [],
        anchor: { status: 'exact', sha256: hash, score: 1, candidate: null, review: null },
        origin: { sha256: hash, start, end: start + 40 },
        createdAt: now,
        updatedAt: now,
      });
    }
    writeFileSync(join(dir, 'texts', `${hash}.txt`), text);
    writeFileSync(join(dir, 'sources', `${source.id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, source, quotes }) + '\n');
    all.push({ source: { ...source, text }, quotes });
  }
  return all;
}

export async function main(): Promise<void> {
  const scale = Number(arg('--scale') ?? '1');
  const SOURCES = Math.round(10_000 * scale);
  const QUOTES_PER_SOURCE = 10;
  const SAMPLES = 1_000; // > COMPACT_AFTER, so the amortized cost of folding the log into shards is included
  const LOWDB_SAMPLES = 15;
  const root = mkdtempSync(join(tmpdir(), 'nb-bench-'));
  try {
    console.log(
      `\n## Storage: add one quote to a notebook of ${SOURCES.toLocaleString()} sources and ${(SOURCES * QUOTES_PER_SOURCE).toLocaleString()} quotes${scale !== 1 ? ` (scale ${scale})` : ''}`,
    );
    const dir = join(root, 'notebook');
    const t0 = Date.now();
    const data = generate(dir, SOURCES, QUOTES_PER_SOURCE);
    const genMs = Date.now() - t0;

    let store!: NotebookStore;
    const openMs = await time(async () => (store = await NotebookStore.open(dir, { write: 'required' })));
    const service = new NotebookService(store);
    // The first write of a session takes the periodic backup snapshot: measured separately, not in the samples.
    const firstWrite = await time(() => dispatch(service, 'createQuote', { sourceId: data[0]!.source.id, range: { start: 5, end: 30 } }));
    const ours: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const src = data[(i * 7919) % data.length]!.source;
      const ms = await time(async () => {
        const r = await dispatch(service, 'createQuote', { sourceId: src.id, range: { start: 10 + (i % 50), end: 60 + (i % 50) }, tags: ['bench'] });
        if (!r.ok) throw new Error(r.error.message);
      });
      ours.push(ms);
    }
    await store.close();

    // (b) the floor: write and fsync one small file (the size of one source's shard), no rename.
    const floorDir = join(root, 'floor');
    mkdirSync(floorDir);
    const payload = Buffer.alloc(6_000, 'x');
    const floor: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      floor.push(
        await time(() => {
          const fd = openSync(join(floorDir, `f${i % 10}.json`), 'w');
          writeSync(fd, payload);
          fsyncSync(fd);
          closeSync(fd);
        }),
      );
    }

    // (a) a single-file lowdb holding the same data (sources with their texts, and all quotes).
    const single = new Low(new JSONFile<{ sources: unknown[]; quotes: Quote[] }>(join(root, 'single.json')), { sources: [], quotes: [] });
    single.data = { sources: data.map((d) => d.source), quotes: data.flatMap((d) => d.quotes) };
    await single.write();
    const lowdb: number[] = [];
    for (let i = 0; i < LOWDB_SAMPLES; i++) {
      const q = { ...data[0]!.quotes[0]!, id: makeId('quote', randomBytes(10)) };
      lowdb.push(
        await time(async () => {
          single.data.quotes.push(q);
          await single.write();
        }),
      );
    }

    const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const row = (name: string, s: number[]) => [name, String(s.length), percentile(s, 50), percentile(s, 95), mean(s), Math.max(...s)];
    console.log(
      table(
        ['add one quote', 'samples', 'median ms', 'p95 ms', 'mean ms', 'max ms'],
        [row('this notebook (shards + write-ahead log)', ours), row('(a) single-file lowdb', lowdb), row('(b) floor: write+fsync one small file', floor)],
      ),
    );
    const p50 = percentile(ours, 50);
    console.log(`ratio to floor (median): ${(p50 / percentile(floor, 50)).toFixed(2)}×  (target ≤ 2×)`);
    console.log(`speed-up over single-file lowdb (median): ${(percentile(lowdb, 50) / p50).toFixed(0)}×  (target ≥ 20×)`);
    console.log(`generated in ${genMs} ms; opened (load + validate all shards) in ${openMs.toFixed(0)} ms; first write incl. backup snapshot ${firstWrite.toFixed(0)} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

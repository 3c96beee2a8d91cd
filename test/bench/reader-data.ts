/**
 * Generated notebooks for the reader benchmark and the long-source e2e tests:
 * long invented texts (paragraphs of report-like sentences with figures, from a
 * seeded PRNG, so every run reads the same words) written straight into a
 * notebook folder in the store's format, with highlights spread over them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makeId } from '../../shared/model/ids.ts';
import { SCHEMA_VERSION } from '../../shared/model/records.ts';
import type { Quote, SourceMeta } from '../../shared/model/records.ts';
import { sha256 } from '../../electron/storage/store.ts';
import { mulberry32 } from './stats.ts';

const SUBJECTS = ['Output at the northern plant', 'The regional grid', 'Freight volume', 'The harbour authority', 'Household demand', 'The survey panel', 'Average rainfall', 'The wind fleet'];
const VERBS = ['rose by about', 'fell by almost', 'stayed near', 'reached up to', 'dropped to roughly', 'climbed past'];
const UNITS = ['%', ' percent', ' tonnes', ' MW', ' km', ' households'];
const TAILS = [
  'officials said on Tuesday',
  'according to the quarterly filing',
  'although estimates vary between brokers',
  'the second year in a row',
  'which surprised most observers',
  'as the committee noted',
];

/** A long text of about `bytes` characters: paragraphs of four to eight sentences, separated by blank lines. */
export function longText(bytes: number, seed = 7): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const paras: string[] = [];
  let size = 0;
  for (let p = 0; size < bytes; p++) {
    const sentences: string[] = [];
    const n = 4 + Math.floor(rnd() * 5);
    for (let s = 0; s < n; s++) sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${Math.floor(rnd() * 900) + 1}${pick(UNITS)} in period ${p}.${s}, ${pick(TAILS)}.`);
    const para = (p % 40 === 0 ? `Section ${p / 40 + 1}\n\n` : '') + sentences.join(' ');
    paras.push(para);
    size += para.length + 2;
  }
  return paras.join('\n\n').slice(0, bytes).trimEnd();
}

export interface GeneratedSource {
  source: SourceMeta & { text: string };
  quotes: Quote[];
}

const NOW = '2026-01-01T00:00:00.000Z';

/** A source record and `highlights` quotes of 40–120 characters spread evenly over it (every tenth overlaps the one before). */
export function sourceWith(text: string, title: string, highlights: number, seed = 11): GeneratedSource {
  const rnd = mulberry32(seed);
  const hash = sha256(text);
  const source: SourceMeta = {
    id: makeId('source', randomBytes(10)),
    title,
    authors: ['B. Analyst'],
    publisher: 'Bench Press',
    published: '2025-06-01',
    url: null,
    accessed: '2026-01-01',
    fileName: `${title.toLowerCase().replace(/\W+/g, '-')}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    sha256: hash,
    length: text.length,
    importedAt: NOW,
    updatedAt: NOW,
    versions: [],
    suggestions: { accepted: [], dismissed: [] },
  };
  const quotes: Quote[] = [];
  const step = Math.floor(text.length / Math.max(1, highlights));
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
  for (let q = 0; q < highlights; q++) {
    let start = q * step + Math.floor(rnd() * (step / 2));
    if (q % 10 === 9 && quotes.length) start = quotes[quotes.length - 1]!.selectors[0].start + 10;
    let end = Math.min(text.length, start + 40 + Math.floor(rnd() * 80));
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    const exact = text.slice(start, end);
    quotes.push({
      id: makeId('quote', randomBytes(10)),
      sourceId: source.id,
      selectors: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      ],
      exact,
      color: colors[q % colors.length]!,
      note: '',
      tags: [],
      anchor: { status: 'exact', sha256: hash, score: 1, candidate: null, review: null },
      origin: { sha256: hash, start, end },
      createdAt: NOW,
      updatedAt: NOW,
    });
  }
  return { source: { ...source, text }, quotes };
}

/** Writes a notebook folder holding these sources (texts, shards, notebook.json, tags.json). */
export function writeNotebook(dir: string, sources: readonly GeneratedSource[]): void {
  mkdirSync(join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'texts'), { recursive: true });
  writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ format: 'research-notebook', schemaVersion: SCHEMA_VERSION, id: randomBytes(8).toString('hex'), createdAt: NOW }));
  writeFileSync(join(dir, 'tags.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, tags: [] }));
  for (const { source, quotes } of sources) {
    const { text, ...meta } = source;
    writeFileSync(join(dir, 'texts', `${meta.sha256}.txt`), text);
    writeFileSync(join(dir, 'sources', `${meta.id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, source: meta, quotes }) + '\n');
  }
}

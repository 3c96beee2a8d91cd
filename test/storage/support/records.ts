/**
 * Deterministic records for storage tests: the same index always gives the same
 * source, quote or claim (ids included), so a test can name what it wrote without
 * keeping it, and a fresh process can rebuild the same records.
 */
import { createHash } from 'node:crypto';
import { makeId } from '../../../shared/model/ids.ts';
import type { Claim, Evidence, Quote, SourceMeta } from '../../../shared/model/records.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const bytes = (seed: string) => createHash('sha256').update(seed).digest();
const hashOf = (i: number) => createHash('sha256').update(`text ${i}`).digest('hex');

export function sourceRecord(i: number): SourceMeta {
  return {
    id: makeId('source', bytes(`source ${i}`)),
    title: `Report ${i}`,
    authors: ['A. Writer'],
    publisher: 'Wire',
    published: '2025-01-01',
    url: null,
    accessed: '2026-01-01',
    fileName: `r${i}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    sha256: hashOf(i),
    length: 400,
    importedAt: NOW,
    updatedAt: NOW,
    versions: [],
    suggestions: { accepted: [], dismissed: [] },
  };
}

export function quoteRecord(source: SourceMeta, q: number, tags: string[] = []): Quote {
  const start = q * 10;
  const exact = `words ${q}`;
  return {
    id: makeId('quote', bytes(`${source.id} quote ${q}`)),
    sourceId: source.id,
    selectors: [
      { type: 'TextPositionSelector', start, end: start + exact.length },
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    ],
    exact,
    color: 'yellow',
    note: '',
    tags,
    anchor: { status: 'exact', sha256: source.sha256, score: 1, candidate: null, review: null },
    origin: { sha256: source.sha256, start, end: start + exact.length },
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export function claimRecord(i: number, evidence: Evidence[], statement = `Claim ${i}`): Claim {
  return {
    id: makeId('claim', bytes(`claim ${i}`)),
    statement,
    quantity: null,
    status: 'unverified',
    tags: [],
    evidence,
    links: [],
    subject: null,
    notConflictingWith: [],
    note: '',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

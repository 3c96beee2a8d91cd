import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import type { ExportParams } from '../../electron/export/index.ts';
import { checkQuotes, describeProblem, firstWords } from '../../shared/export/integrity.ts';
import type { Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import { C, FIXTURE_DATE, Q, S, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';
import type { FixtureNotebook } from '../fixtures/export/notebook.ts';

const params = (fx: FixtureNotebook, extra: Partial<ExportParams> = {}): ExportParams => ({
  view: fx.notebook,
  getText: fx.getText,
  sha256,
  format: 'md',
  style: 'chicago',
  includeUnverified: false,
  date: FIXTURE_DATE,
  ...extra, // chicago: a small style, quick to load (APA takes ~2.5 s the first time)
});

describe('exportNotebook integrity checks', () => {
  it('exports the untouched fixture notebook without problems', async () => {
    const result = await exportNotebook(params(buildFixtureNotebook()));
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('stops when a stored source text was tampered with, naming every quote of that source', async () => {
    const fx = buildFixtureNotebook();
    fx.texts.set(S.grid, fx.texts.get(S.grid)!.replace('nearly 1.8 TWh', 'nearly 2.8 TWh'));
    const result = await exportNotebook(params(fx));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.quoteId, p.reasons])).toEqual([
      [Q.q4, ['text-mismatch', 'hash-mismatch']],
      [Q.q5, ['hash-mismatch']],
      [Q.q6, ['hash-mismatch']],
    ]);
    expect(describeProblem(result.problems[0]!)).toBe(
      `quote ${Q.q4} “Grid operators curtailed nearly 1.8 TWh of wind…” no longer matches its source ` +
        '(the source text at its position differs from the quoted words; the source text changed since it was imported: its SHA-256 differs)',
    );
  });

  it('stops when a quote’s text was edited so it no longer matches the source', async () => {
    const fx = buildFixtureNotebook();
    const q = fx.notebook.getQuote(Q.q7)!;
    const edited: Quote = { ...q, exact: q.exact.replace('2.5 days', '1.5 days') };
    fx.notebook.apply([{ kind: 'quote', op: 'put', record: edited }]);
    const result = await exportNotebook(params(fx));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.quoteId, p.reasons])).toEqual([[Q.q7, ['text-mismatch', 'selector-mismatch']]]);
    expect(result.problems[0]!.words).toBe('Average waiting times for container ships at Port…');
  });

  it('includes failing quotes marked as unverified when asked to', async () => {
    const fx = buildFixtureNotebook();
    const q = fx.notebook.getQuote(Q.q7)!;
    fx.notebook.apply([{ kind: 'quote', op: 'put', record: { ...q, exact: q.exact.replace('2.5', '1.5') } }]);
    const result = await exportNotebook(params(fx, { includeUnverified: true }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.content).toContain(`**Unverified quote** (${Q.q7})`);
    expect(result.content).toContain('> Average waiting times for container ships at Port Calder fell to about 1.5 days');
  });

  it('treats fuzzy and orphaned anchors as problems', async () => {
    const anchorStatus = new Map<QuoteId, string>([
      [Q.q1, 'fuzzy'],
      [Q.q2, 'orphaned'],
      [Q.q3, 'exact'],
    ]);
    const result = await exportNotebook(params(buildFixtureNotebook(), { anchorStatus }));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.quoteId, p.reason])).toEqual([
      [Q.q1, 'anchor-fuzzy'],
      [Q.q2, 'anchor-orphaned'],
    ]);
  });

  it('reports a source whose text cannot be read', async () => {
    const fx = buildFixtureNotebook();
    fx.texts.delete(S.port);
    const result = await exportNotebook(params(fx));
    expect(result.ok).toBe(false);
    expect(new Set(result.problems.map((p) => p.reason))).toEqual(new Set(['text-unreadable']));
    expect(result.problems.map((p) => p.quoteId).sort()).toEqual([Q.q7, Q.q8, Q.q9]);
  });

  it('checks only the quotes in scope', async () => {
    const fx = buildFixtureNotebook();
    fx.texts.set(S.port, fx.texts.get(S.port)! + '\n\nA late correction.');
    expect((await exportNotebook(params(fx, { tags: ['mining'] }))).ok).toBe(true);
    expect((await exportNotebook(params(fx, { tags: ['shipping'] }))).ok).toBe(false);
  });
});

describe('exportNotebook scope', () => {
  it('selects claims with a tag or a tag nested below it', async () => {
    const result = await exportNotebook(params(buildFixtureNotebook(), { tags: ['mining'] }));
    if (!result.ok) throw new Error('export failed');
    expect(result.content).toContain('Flooding closed shaft');
    expect(result.content).toContain('Kestrel output fell almost 12%');
    expect(result.content).not.toContain('Port Calder');
    expect(result.content).toContain('- Scope: tag: mining (with nested tags)');
  });

  it('selects listed claims in the given order', async () => {
    const result = await exportNotebook(params(buildFixtureNotebook(), { claimIds: [C.c4, C.c1] }));
    if (!result.ok) throw new Error('export failed');
    const statements = [...result.content.matchAll(/^### C\d+\. (.*)$/gm)].map((m) => m[1]);
    expect(statements).toEqual(['Ship waiting times at Port Calder fell to about 2.5 days', 'Kestrel output fell almost 12% short of forecast in the third quarter']);
  });

  it('refuses an unknown claim id', async () => {
    await expect(exportNotebook(params(buildFixtureNotebook(), { claimIds: ['c_zzzzzzzzzz'] }))).rejects.toThrow('no claim c_zzzzzzzzzz');
  });
});

describe('checkQuotes', () => {
  it('reports a stored hash that differs from the hash of the text read', () => {
    const fx = buildFixtureNotebook();
    const quotes = fx.notebook.quotesOf(S.kestrel);
    const sources = new Map<SourceId, SourceMeta>([[S.kestrel, fx.notebook.getSource(S.kestrel)!]]);
    const problems = checkQuotes(quotes, sources, fx.texts, new Map([[S.kestrel, '0'.repeat(64)]]));
    expect(problems.map((p) => p.reason)).toEqual(quotes.map(() => 'hash-mismatch'));
  });

  it('shortens a quote to its first words for messages', () => {
    expect(firstWords('one two three')).toBe('one two three');
    expect(firstWords('a b c d e f g h i j', 3)).toBe('a b c…');
  });
});

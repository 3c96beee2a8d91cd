/**
 * The sample notebook (assets/sample/sample.json): it loads through the public API
 * into an empty notebook, the result reopens and validates like any notebook, it
 * shows exactly the one conflicting figure it was written to show, and it is never
 * loaded over someone's work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { candidateFromStatement, findConflicts } from '../../shared/claims/conflicts.ts';
import { ClaimSchema, QuoteSchema, SourceSchema, TagSchema } from '../../shared/model/records.ts';
import { loadSampleNotebook, readSampleSpec } from '../../electron/service/sample.ts';
import type { SampleSpec } from '../../electron/service/sample.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';

let dir: string;
let store: NotebookStore | null = null;
let spec: SampleSpec;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nb-sample-'));
  spec = await readSampleSpec();
});

afterEach(async () => {
  await store?.close();
  store = null;
  await rm(dir, { recursive: true, force: true });
});

async function openService(): Promise<NotebookService> {
  await store?.close();
  store = await NotebookStore.open(dir, { write: 'required' });
  return new NotebookService(store);
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** The claims the spec says disagree: the pair joined by a "contradicts" link whose statements both carry a figure. */
function conflictingPairInSpec(): [string, string] {
  const byKey = new Map(spec.claims.map((c) => [c.key, c.statement]));
  const link = spec.links.find((l) => l.relation === 'contradicts');
  if (!link) throw new Error('the sample has no contradicting link');
  return [byKey.get(link.from)!, byKey.get(link.to)!];
}

describe('the sample content', () => {
  it('quotes passages that occur exactly once in their article', () => {
    for (const source of spec.sources) {
      for (const q of source.quotes) expect(source.text.split(q.exact).length - 1, `${source.fileName}: ${q.exact}`).toBe(1);
    }
  });

  it('has several highlights per article in more than one color, with notes and hierarchical tags', () => {
    expect(spec.sources.length).toBe(3);
    for (const source of spec.sources) {
      expect(source.quotes.length).toBeGreaterThanOrEqual(3);
      expect(new Set(source.quotes.map((q) => q.color)).size).toBeGreaterThan(1);
      expect(source.quotes.some((q) => q.note)).toBe(true);
    }
    expect(spec.sources.flatMap((s) => s.quotes.flatMap((q) => q.tags ?? [])).some((t) => t.includes('/'))).toBe(true);
    const relations = new Set(spec.claims.flatMap((c) => c.evidence.map((e) => e.relation)));
    expect(relations).toContain('supports');
    expect(relations).toContain('contradicts');
  });

  it('holds exactly one pair of claims whose figures cannot both be true', () => {
    const candidates = spec.claims.map((c) => candidateFromStatement(c.key, c.statement));
    const conflicts = findConflicts(candidates);
    expect(conflicts.map((p) => [p.a, p.b].sort())).toEqual([['hydro-share-company', 'hydro-share-operator']]);
    expect(conflictingPairInSpec().sort()).toEqual(
      spec.claims
        .filter((c) => c.key.startsWith('hydro-share-'))
        .map((c) => c.statement)
        .sort(),
    );
  });
});

describe('loading the sample notebook', () => {
  it('fills an empty notebook with every article, highlight and claim', async () => {
    const service = await openService();
    const counts = await loadSampleNotebook(service);
    const quoteCount = spec.sources.reduce((n, s) => n + s.quotes.length, 0);
    expect(counts).toEqual({ sources: spec.sources.length, quotes: quoteCount, claims: spec.claims.length });
    expect(unwrap(await dispatch(service, 'listQuotes', {})).length).toBe(quoteCount);
    expect(unwrap(await dispatch(service, 'listClaims', {})).length).toBe(spec.claims.length);
    const sources = unwrap(await dispatch(service, 'listSources', {}));
    expect(sources.map((s) => s.title).sort()).toEqual(spec.sources.map((s) => s.meta.title).sort());
  });

  it('reopens as a valid notebook: every record passes its schema and every quote still anchors to its text', async () => {
    await loadSampleNotebook(await openService());
    await store!.close();
    store = null;
    const service = await openService();
    const view = store!.memory;
    expect(view.counts.sources).toBe(spec.sources.length);
    for (const s of view.sources()) {
      expect(SourceSchema.safeParse(s).success).toBe(true);
      const text = await store!.getText(s.sha256);
      for (const q of view.quotesOf(s.id)) {
        expect(QuoteSchema.safeParse(q).success).toBe(true);
        expect(text.slice(q.selectors[0].start, q.selectors[0].end)).toBe(q.exact);
        expect(q.anchor.status).toBe('exact');
      }
    }
    for (const c of view.claims()) {
      expect(ClaimSchema.safeParse(c).success).toBe(true);
      for (const e of c.evidence) expect(view.getQuote(e.quoteId), `evidence of ${c.statement}`).toBeDefined();
      for (const l of c.links) expect(view.getClaim(l.claimId), `link of ${c.statement}`).toBeDefined();
    }
    for (const t of view.tags()) expect(TagSchema.safeParse(t).success).toBe(true);
    expect([...view.tags()].map((t) => t.name)).toEqual(expect.arrayContaining(['energy/hydro', 'shipping/throughput']));
    // Links survive the reopen: the contradicting one is on its claim.
    const [a] = conflictingPairInSpec();
    const claimA = [...view.claims()].find((c) => c.statement === a)!;
    expect(claimA.links.map((l) => l.relation)).toContain('contradicts');
    expect(unwrap(await dispatch(service, 'listQuotes', {})).length).toBe(spec.sources.reduce((n, s) => n + s.quotes.length, 0));
  });

  it('shows the conflicting figure exactly once, between the two claims written to disagree', async () => {
    const service = await openService();
    await loadSampleNotebook(service);
    const conflicts = unwrap(await dispatch(service, 'listConflicts', {}));
    expect(conflicts.length).toBe(1);
    expect([conflicts[0]!.a.statement, conflicts[0]!.b.statement].sort()).toEqual(conflictingPairInSpec().sort());
    // The two figures come from different articles.
    expect(conflicts[0]!.a.sourceId).not.toBe(conflicts[0]!.b.sourceId);
  });

  it('is refused by a notebook that already holds sources, which stays unchanged', async () => {
    const service = await openService();
    unwrap(await dispatch(service, 'importFile', { fileName: 'note.txt', dataBase64: Buffer.from('Barley prices rose by about 4% in May.\n').toString('base64') }));
    const r = await dispatch(service, 'loadSample', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
    expect(store!.memory.counts).toMatchObject({ sources: 1, quotes: 0, claims: 0 });
  });

  it('is loaded through the API method the first-run screen calls', async () => {
    const service = await openService();
    const value = unwrap(await dispatch(service, 'loadSample', {}));
    expect(value.sources).toBe(spec.sources.length);
    expect(unwrap(await dispatch(service, 'listConflicts', {})).length).toBe(1);
  });
});

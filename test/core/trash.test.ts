/**
 * The source trash as pure transitions: deleting a source moves it, its quotes and
 * the evidence links citing them into one trash entry; restoring puts everything
 * back exactly where it was; emptying removes entries for good; nothing dangles.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as a from '../../shared/model/actions.ts';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import type { Claim, Quote, SourceId } from '../../shared/model/records.ts';
import { apply, sourceMeta, testContext } from '../support/model.ts';

const TEXT = 'The ferry carried 4,100 passengers in June.\n\nFreight rose to about 900 lorries a week, the operator said.';
const OTHER = 'Bus ridership in the valley stayed near 2,000 a day.';
const SID = 's_0000000001' as SourceId;
const OTHER_ID = 's_0000000002' as SourceId;

let nb: MemoryNotebook;
let ctx: ReturnType<typeof testContext>;
let passengers: Quote;
let freight: Quote;
let bus: Quote;
let mixed: Claim;
let only: Claim;

beforeEach(() => {
  nb = new MemoryNotebook();
  ctx = testContext();
  nb.apply([
    { kind: 'source', op: 'put', record: sourceMeta(SID, TEXT, 'Ferry figures') },
    { kind: 'source', op: 'put', record: { ...sourceMeta(OTHER_ID, OTHER, 'Bus figures'), sha256: '1'.repeat(64) } },
  ]);
  passengers = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'carried 4,100 passengers in June', tags: ['transport/ferry'] }, ctx));
  freight = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'about 900 lorries a week', color: 'green', note: 'weekly' }, ctx));
  bus = apply(nb, a.createQuote(nb, OTHER, { sourceId: OTHER_ID, exact: 'near 2,000 a day' }, ctx));
  // Evidence from both sources, interleaved, so "its old place" is a real position.
  mixed = apply(
    nb,
    a.createClaim(
      nb,
      {
        statement: 'Transport use is up',
        evidence: [
          { quoteId: bus.id, relation: 'context' },
          { quoteId: passengers.id, relation: 'supports' },
          { quoteId: freight.id, relation: 'contradicts' },
        ],
      },
      ctx,
    ),
  );
  only = apply(nb, a.createClaim(nb, { statement: 'Ferry freight is about 900 lorries', evidence: [{ quoteId: freight.id, relation: 'supports' }] }, ctx));
});

const snapshot = () =>
  structuredClone({
    sources: [...nb.sources()].sort((x, y) => x.id.localeCompare(y.id)),
    quotes: [...nb.quotes()].sort((x, y) => x.id.localeCompare(y.id)),
    claims: [...nb.claims()].map(({ updatedAt: _u, ...c }) => c),
    trash: [...nb.trashed()],
  });

describe('deleting a source', () => {
  it('moves the source, its quotes and the evidence links citing them into one trash entry, leaving nothing dangling', () => {
    const before = { source: nb.getSource(SID)!, mixed: nb.getClaim(mixed.id)!, only: nb.getClaim(only.id)! };
    const r = a.deleteSource(nb, SID, ctx);
    expect(r.ok && r.value.value).toEqual({ quotes: 2, links: 3 });
    apply(nb, r);
    expect(nb.getSource(SID)).toBeUndefined();
    expect(nb.getQuote(passengers.id)).toBeUndefined();
    expect(nb.getClaim(mixed.id)!.evidence).toEqual([{ quoteId: bus.id, relation: 'context' }]);
    expect(nb.getClaim(only.id)!.evidence).toEqual([]);
    const entry = nb.getTrashed(SID)!;
    expect(entry.source).toEqual(before.source);
    expect(entry.quotes.map((q) => q.id)).toEqual([passengers.id, freight.id].sort());
    expect(entry.links).toEqual(
      [
        { claimId: mixed.id, index: 1, evidence: before.mixed.evidence[1] },
        { claimId: mixed.id, index: 2, evidence: before.mixed.evidence[2] },
        { claimId: only.id, index: 0, evidence: before.only.evidence[0] },
      ].sort((x, y) => x.claimId.localeCompare(y.claimId) || x.index - y.index),
    );
    expect(entry.trashedAt).toBe(ctx.now);
    for (const c of nb.claims()) for (const e of c.evidence) expect(nb.getQuote(e.quoteId)).toBeDefined();
  });

  it('of a source that does not exist is refused', () => {
    const r = a.deleteSource(nb, 's_0000000099' as SourceId, ctx);
    expect(!r.ok && r.error.code).toBe('not_found');
  });
});

describe('restoring a source', () => {
  it('puts the source, its quotes and their links back exactly, in their old places', () => {
    const before = snapshot();
    apply(nb, a.deleteSource(nb, SID, ctx));
    const r = apply(nb, a.restoreSource(nb, SID, ctx));
    expect(r).toMatchObject({ quotes: 2, links: 3, linksDropped: 0 });
    expect(snapshot()).toEqual(before);
    expect(nb.getQuote(freight.id)).toEqual(freight);
    expect(nb.quotesOf(SID).length).toBe(2);
  });

  it('keeps a fuzzy anchor fuzzy: the quote comes back with its selectors and anchor state as they were', () => {
    const drifted: Quote = { ...freight, anchor: { status: 'fuzzy', sha256: '2'.repeat(64), score: 0.81, candidate: null, review: null } };
    nb.apply([{ kind: 'quote', op: 'put', record: drifted }]);
    apply(nb, a.deleteSource(nb, SID, ctx));
    apply(nb, a.restoreSource(nb, SID, ctx));
    expect(nb.getQuote(freight.id)).toEqual(drifted);
  });

  it('drops the links of claims deleted meanwhile and says how many', () => {
    apply(nb, a.deleteSource(nb, SID, ctx));
    apply(nb, a.deleteClaim(nb, only.id, ctx));
    const r = apply(nb, a.restoreSource(nb, SID, ctx));
    expect(r).toMatchObject({ links: 2, linksDropped: 1 });
    expect(nb.getClaim(only.id)).toBeUndefined();
    expect(nb.getClaim(mixed.id)!.evidence.map((e) => e.quoteId)).toEqual([bus.id, passengers.id, freight.id]);
  });

  it('puts a link back at the end when its claim lost evidence meanwhile', () => {
    apply(nb, a.deleteSource(nb, SID, ctx));
    apply(nb, a.unlinkEvidence(nb, mixed.id, bus.id, ctx));
    apply(nb, a.restoreSource(nb, SID, ctx));
    expect(nb.getClaim(mixed.id)!.evidence.map((e) => e.quoteId)).toEqual([passengers.id, freight.id]);
  });

  it('brings back a tag its quotes use that was renamed while the source was in the trash', () => {
    apply(nb, a.deleteSource(nb, SID, ctx));
    apply(nb, a.renameTag(nb, 'transport', 'travel', ctx));
    expect(nb.getTag('transport/ferry')).toBeUndefined();
    apply(nb, a.restoreSource(nb, SID, ctx));
    expect(nb.getQuote(passengers.id)!.tags).toEqual(['transport/ferry']);
    expect(nb.getTag('transport/ferry')).toBeDefined();
    expect(nb.getTag('transport')).toBeDefined();
  });

  it('is refused with one line when the same text was imported again since, and changes nothing', () => {
    apply(nb, a.deleteSource(nb, SID, ctx));
    nb.apply([{ kind: 'source', op: 'put', record: { ...sourceMeta('s_0000000077', TEXT, 'Ferry figures again') } }]);
    const before = snapshot();
    const r = a.restoreSource(nb, SID, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toMatch(/^“Ferry figures” cannot be restored: the same text was imported again since as “Ferry figures again” \(s_0000000077\)/);
      expect(r.error.message).not.toContain('\n');
    }
    expect(snapshot()).toEqual(before);
  });

  it('of a source that is not in the trash is refused, saying so', () => {
    const r = a.restoreSource(nb, SID, ctx);
    expect(!r.ok && r.error.message).toBe(`the source ${SID} is not in the trash`);
    const missing = a.restoreSource(nb, 's_0000000099' as SourceId, ctx);
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });
});

describe('the trash', () => {
  it('lists entries newest first, with what a restore brings back and what blocks it', () => {
    apply(nb, a.deleteSource(nb, OTHER_ID, { ...ctx, now: '2026-01-01T00:00:00.000Z' }));
    apply(nb, a.deleteSource(nb, SID, ctx));
    nb.apply([{ kind: 'source', op: 'put', record: { ...sourceMeta('s_0000000077', OTHER, 'Bus again'), sha256: '1'.repeat(64) } }]);
    apply(nb, a.deleteClaim(nb, only.id, ctx));
    const items = a.trashItems(nb);
    expect(items.map((i) => [i.source.id, i.quoteCount, i.linkCount, i.sameTextAs?.id ?? null])).toEqual([
      [SID, 2, 2, null],
      [OTHER_ID, 1, 1, 's_0000000077'],
    ]);
  });

  it('empties the given entries for good, or all of them; an id not in the trash refuses the whole call', () => {
    apply(nb, a.deleteSource(nb, SID, ctx));
    apply(nb, a.deleteSource(nb, OTHER_ID, ctx));
    const refused = a.emptyTrash(nb, [SID, 's_0000000099' as SourceId]);
    expect(!refused.ok && refused.error.message).toBe('there is no source s_0000000099 in the trash');
    expect([...nb.trashed()].length).toBe(2);
    expect(apply(nb, a.emptyTrash(nb, [SID])).removed).toEqual([{ id: SID, title: 'Ferry figures', quotes: 2 }]);
    expect(nb.getTrashed(SID)).toBeUndefined();
    expect(apply(nb, a.emptyTrash(nb, undefined)).removed.map((x) => x.id)).toEqual([OTHER_ID]);
    expect([...nb.trashed()]).toEqual([]);
    expect(!a.restoreSource(nb, SID, ctx).ok).toBe(true);
  });
});

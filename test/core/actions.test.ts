import { beforeEach, describe, expect, it } from 'vitest';
import * as a from '../../shared/model/actions.ts';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { apply, sourceMeta, testContext } from '../support/model.ts';

const TEXT = 'Officials said output fell by almost 12% in March.\n\nOne operator lost about 1,800 tonnes per month. Output fell by almost 12% again.';
const SID = 's_0000000001' as SourceId;

let nb: MemoryNotebook;
let ctx: ReturnType<typeof testContext>;
beforeEach(() => {
  nb = new MemoryNotebook();
  ctx = testContext();
  nb.apply([{ kind: 'source', op: 'put', record: sourceMeta(SID, TEXT) }]);
});

describe('quotes', () => {
  it('are created from their exact words with position and quote selectors that agree with the text', () => {
    const q = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'about 1,800 tonnes per month' }, ctx));
    const [pos, quote] = q.selectors;
    expect(TEXT.slice(pos.start, pos.end)).toBe('about 1,800 tonnes per month');
    expect(quote.exact).toBe(q.exact);
    expect(TEXT.slice(pos.start - quote.prefix.length, pos.start)).toBe(quote.prefix);
    expect(TEXT.slice(pos.end, pos.end + quote.suffix.length)).toBe(quote.suffix);
  });

  it('refuse words the source does not contain, naming them', () => {
    const r = a.createQuote(nb, TEXT, { sourceId: SID, exact: 'almost 80%' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_in_source');
      expect(r.error.message).toContain('almost 80%');
    }
  });

  it('ask which occurrence is meant when the words occur twice, and take the one chosen', () => {
    const r = a.createQuote(nb, TEXT, { sourceId: SID, exact: 'fell by almost 12%' }, ctx);
    expect(!r.ok && r.error.code).toBe('ambiguous');
    const second = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'fell by almost 12%', occurrence: 2 }, ctx));
    expect(second.selectors[0].start).toBe(TEXT.lastIndexOf('fell by almost 12%'));
  });

  it('match across a line break when the words are the same', () => {
    const q = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March. One operator' }, ctx));
    expect(q.exact).toBe('in March.\n\nOne operator');
  });

  it('widen a range that would split an emoji or a combining mark', () => {
    const text = 'Miners 👷🏽 said café\u0301 prices rose';
    const id = 's_0000000002' as SourceId;
    nb.apply([{ kind: 'source', op: 'put', record: sourceMeta(id, text) }]);
    const q = apply(nb, a.createQuote(nb, text, { sourceId: id, range: { start: 8, end: 9 } }, ctx));
    expect(q.exact).toBe('👷🏽');
    const r = a.createQuote(nb, text, { sourceId: id, exact: 'caf' }, ctx);
    expect(r.ok).toBe(true);
  });

  it('normalize tags and create records for them and their parents', () => {
    const q = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March', tags: [' energy / hash-rate ', 'energy/hash-rate'] }, ctx));
    expect(q.tags).toEqual(['energy/hash-rate']);
    expect(nb.getTag('energy')).toBeDefined();
    expect(nb.getTag('energy/hash-rate')).toBeDefined();
  });

  it('reject tags with empty parts', () => {
    const r = a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March', tags: ['energy//x'] }, ctx);
    expect(!r.ok && r.error.code).toBe('invalid_argument');
  });
});

describe('deleting never leaves a dangling link', () => {
  it('deleting a quote removes it from every claim that cites it', () => {
    const q1 = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March' }, ctx));
    const q2 = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'about 1,800 tonnes' }, ctx));
    const c = apply(
      nb,
      a.createClaim(
        nb,
        {
          statement: 'Output fell',
          evidence: [
            { quoteId: q1.id, relation: 'supports' },
            { quoteId: q2.id, relation: 'context' },
          ],
        },
        ctx,
      ),
    );
    apply(nb, a.deleteQuote(nb, q1.id, ctx));
    expect(nb.getClaim(c.id)!.evidence).toEqual([{ quoteId: q2.id, relation: 'context' }]);
    expect(nb.claimsCiting(q1.id)).toEqual([]);
  });

  it('deleting a claim removes every link other claims had to it', () => {
    const c1 = apply(nb, a.createClaim(nb, { statement: 'One' }, ctx));
    const c2 = apply(nb, a.createClaim(nb, { statement: 'Two' }, ctx));
    apply(nb, a.linkClaims(nb, c2.id, c1.id, 'refines', ctx));
    expect(a.backlinkIndex(nb).get(c1.id)).toEqual([{ claimId: c2.id, relation: 'refines' }]);
    apply(nb, a.deleteClaim(nb, c1.id, ctx));
    expect(nb.getClaim(c2.id)!.links).toEqual([]);
  });

  it('deleting a source removes its quotes and their evidence links', () => {
    const q = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March' }, ctx));
    const c = apply(nb, a.createClaim(nb, { statement: 'Output fell', evidence: [{ quoteId: q.id, relation: 'supports' }] }, ctx));
    apply(nb, a.deleteSource(nb, SID, ctx));
    expect(nb.getQuote(q.id)).toBeUndefined();
    expect(nb.getClaim(c.id)!.evidence).toEqual([]);
  });
});

describe('claims', () => {
  it('refuse evidence that does not exist and links to themselves', () => {
    expect(!a.createClaim(nb, { statement: 'x', evidence: [{ quoteId: 'q_0000000099' as never, relation: 'supports' }] }, ctx).ok).toBe(true);
    const c = apply(nb, a.createClaim(nb, { statement: 'x' }, ctx));
    const self = a.linkClaims(nb, c.id, c.id, 'supports', ctx);
    expect(!self.ok && self.error.code).toBe('invalid_argument');
  });

  it('change the relation when the same evidence is linked again', () => {
    const q = apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March' }, ctx));
    const c = apply(nb, a.createClaim(nb, { statement: 'x', evidence: [{ quoteId: q.id, relation: 'supports' }] }, ctx));
    const after = apply(nb, a.linkEvidence(nb, c.id, q.id, 'contradicts', ctx));
    expect(after.evidence).toEqual([{ quoteId: q.id, relation: 'contradicts' }]);
  });
});

describe('tags', () => {
  beforeEach(() => {
    apply(nb, a.createQuote(nb, TEXT, { sourceId: SID, exact: 'in March', tags: ['energy/hash-rate', 'china'] }, ctx));
    apply(nb, a.createClaim(nb, { statement: 'x', tags: ['energy', 'energy/hash-rate/bitcoin'] }, ctx));
  });

  it('rename moves the tag, its children and every reference to them', () => {
    apply(nb, a.renameTag(nb, 'energy', 'power', ctx));
    const names = [...nb.tags()].map((t) => t.name).sort();
    expect(names).toEqual(['china', 'power', 'power/hash-rate', 'power/hash-rate/bitcoin']);
    expect([...nb.quotes()][0]!.tags).toEqual(['power/hash-rate', 'china']);
    expect([...nb.claims()][0]!.tags).toEqual(['power', 'power/hash-rate/bitcoin']);
  });

  it('rename refuses to land on an existing tag, and merge combines them without duplicates', () => {
    const r = a.renameTag(nb, 'energy/hash-rate', 'china', ctx);
    expect(!r.ok && r.error.code).toBe('conflict');
    apply(nb, a.mergeTags(nb, 'energy/hash-rate', 'china', ctx));
    expect([...nb.quotes()][0]!.tags).toEqual(['china']);
    expect([...nb.claims()][0]!.tags).toEqual(['energy', 'china/bitcoin']);
    expect(nb.getTag('energy/hash-rate')).toBeUndefined();
  });

  it('count how often each tag is used', () => {
    const usage = a.tagUsage(nb);
    expect(usage.find((u) => u.tag.name === 'energy/hash-rate')).toMatchObject({ quotes: 1, claims: 0 });
    expect(usage.find((u) => u.tag.name === 'energy')).toMatchObject({ quotes: 0, claims: 1 });
  });
});

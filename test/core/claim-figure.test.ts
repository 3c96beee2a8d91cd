import { describe, expect, it } from 'vitest';
import { MemoryNotebook } from '../../shared/model/memory.ts';
import { createClaim, createQuote, updateClaim } from '../../shared/model/actions.ts';
import { acceptSuggestion, sourceSuggestions } from '../../shared/model/suggest.ts';
import { parseQuantityText } from '../../shared/model/claim-figure.ts';
import { apply, sourceMeta, testContext } from '../support/model.ts';

const TEXT = 'Dune Valley Power met close to 40% of the county’s demand in March, the operator said on Monday. Storage covered the rest.';

function notebook() {
  const nb = new MemoryNotebook();
  const source = sourceMeta('s_0000000001', TEXT);
  nb.apply([{ kind: 'source', op: 'put', record: source }]);
  return { nb, source, ctx: testContext() };
}

describe('every claim has its figure', () => {
  it('reads a typed claim’s figure from its statement, band and all', () => {
    const { nb, ctx } = notebook();
    const c = apply(nb, createClaim(nb, { statement: 'China held almost 70% of hash rate' }, ctx));
    expect(c.quantity).toMatchObject({ raw: 'almost 70%', value: 70, lower: 63, upper: 70, bound: 'near-below', unit: '%' });
  });

  it('reads the figure from the evidence quote when the statement has none', () => {
    const { nb, source, ctx } = notebook();
    const q = apply(nb, createQuote(nb, TEXT, { sourceId: source.id, exact: 'close to 40% of the county’s demand' }, ctx));
    const c = apply(nb, createClaim(nb, { statement: 'Dune Valley leans on its own plant', evidence: [{ quoteId: q.id, relation: 'supports' }] }, ctx));
    expect(c.quantity).toMatchObject({ raw: 'close to 40%', value: 40, bound: 'near-below' });
  });

  it('keeps a claim without a figure when told so, and takes a typed figure over the statement’s', () => {
    const { nb, ctx } = notebook();
    expect(apply(nb, createClaim(nb, { statement: 'Output rose 5% in May', quantity: null }, ctx)).quantity).toBeNull();
    const typed = apply(nb, createClaim(nb, { statement: 'Output rose 5% in May', quantityText: 'about 6%' }, ctx));
    expect(typed.quantity).toMatchObject({ raw: 'about 6%', value: 6, bound: 'approximate' });
  });

  it('sets, replaces and clears a figure on edit, and re-reads it when the statement that gave it changes', () => {
    const { nb, ctx } = notebook();
    const c = apply(nb, createClaim(nb, { statement: 'Wind supplied about 30% of output' }, ctx));
    const reworded = apply(nb, updateClaim(nb, c.id, { statement: 'Wind supplied nearly 35% of output' }, ctx));
    expect(reworded.quantity).toMatchObject({ raw: 'nearly 35%', bound: 'near-below' });
    const set = apply(nb, updateClaim(nb, c.id, { quantityText: 'more than 36%' }, ctx));
    expect(set.quantity).toMatchObject({ raw: 'more than 36%', bound: 'lower', lower: 36, upper: null });
    // a figure the researcher typed is theirs: rewording the statement keeps it
    expect(apply(nb, updateClaim(nb, c.id, { statement: 'Wind did well' }, ctx)).quantity?.raw).toBe('more than 36%');
    expect(apply(nb, updateClaim(nb, c.id, { quantityText: '' }, ctx)).quantity).toBeNull();
  });

  it('refuses a typed figure it cannot read, in the user’s words, and changes nothing', () => {
    const { nb, ctx } = notebook();
    const c = apply(nb, createClaim(nb, { statement: 'Wind supplied about 30% of output' }, ctx));
    const r = updateClaim(nb, c.id, { quantityText: 'lots' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/"lots" holds no figure/);
    expect(nb.getClaim(c.id)?.quantity?.raw).toBe('about 30%');
    expect(parseQuantityText('30% and 40%').ok).toBe(false);
  });
});

describe('accepting a suggestion', () => {
  it('gives a concise statement the user can rewrite', () => {
    const { nb, source, ctx } = notebook();
    const s = sourceSuggestions(nb, source, TEXT).find((x) => x.figure.raw === 'close to 40%')!;
    const { claim, quote } = apply(nb, acceptSuggestion(nb, source.id, TEXT, s, {}, ctx));
    expect(s.figure.subject).toContain(' — ');
    expect(claim.statement).toBe(`${s.figure.subject}: close to 40%`);
    expect(claim.statement.length).toBeLessThan(s.sentence.text.length);
    expect(quote.exact).toBe(s.sentence.text);
  });

  it('attaches to the quote and claim that already hold the sentence instead of making duplicates', () => {
    const { nb, source, ctx } = notebook();
    const sentence = TEXT.slice(0, TEXT.indexOf(' Storage'));
    const q = apply(nb, createQuote(nb, TEXT, { sourceId: source.id, exact: sentence }, ctx));
    const c = apply(nb, createClaim(nb, { statement: 'Dune Valley met much of the demand', quantity: null, evidence: [{ quoteId: q.id, relation: 'supports' }] }, ctx));
    const s = sourceSuggestions(nb, source, TEXT).find((x) => x.figure.raw === 'close to 40%')!;
    expect(s.status).toBe('open');
    const r = apply(nb, acceptSuggestion(nb, source.id, TEXT, s, {}, ctx));
    expect(r.quote.id).toBe(q.id);
    expect(r.claim.id).toBe(c.id);
    expect(r.claim.quantity?.raw).toBe('close to 40%');
    expect([...nb.quotes()]).toHaveLength(1);
    expect([...nb.claims()]).toHaveLength(1);
  });

  it('says which claim already states a figure, however it was made, and accepting it then only confirms that claim', () => {
    const { nb, source, ctx } = notebook();
    const q = apply(nb, createQuote(nb, TEXT, { sourceId: source.id, exact: 'met close to 40% of the county’s demand' }, ctx));
    const c = apply(nb, createClaim(nb, { statement: 'Dune Valley met close to 40% of demand', evidence: [{ quoteId: q.id, relation: 'supports' }] }, ctx));
    const s = sourceSuggestions(nb, source, TEXT).find((x) => x.figure.raw === 'close to 40%')!;
    expect(s).toMatchObject({ status: 'open', claimedBy: c.id });
    const r = apply(nb, acceptSuggestion(nb, source.id, TEXT, s, {}, ctx));
    expect(r.claim.id).toBe(c.id);
    expect([...nb.claims()]).toHaveLength(1);
    expect([...nb.quotes()]).toHaveLength(1);
    expect(sourceSuggestions(nb, nb.getSource(source.id)!, TEXT).find((x) => x.figure.raw === 'close to 40%')?.status).toBe('accepted');
  });
});

/** anchor() and createAnchorer(): edge cases of re-finding a quote. */
import { describe as suite, expect, it } from 'vitest';
import { anchor, createAnchorer, describe, FUZZY_THRESHOLD, reanchorAll } from '../../shared/anchoring/index.ts';
import type { AnchorResult, Selectors } from '../../shared/anchoring/index.ts';
import { isGraphemeBoundary } from '../../shared/text/graphemes.ts';

const ARTICLE =
  'Kestrel Copper said its Ridgeback mine produced 4.2 million tonnes of ore in 2023. ' +
  'Analysts expect output to fall slightly next year, citing lower grades. ' +
  'A spokesperson declined to comment on the strike at the smelter.';

function quoteOf(text: string, exact: string, occurrence = 0): Selectors {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`not in text: ${exact}`);
  return describe(text, at, at + exact.length);
}

function expectOnBoundaries(text: string, r: AnchorResult): void {
  if (r.start === null || r.end === null) return;
  expect(isGraphemeBoundary(text, r.start)).toBe(true);
  expect(isGraphemeBoundary(text, r.end)).toBe(true);
}

suite('anchor', () => {
  it('is exact on the unchanged text, at the stored offsets', () => {
    const sel = quoteOf(ARTICLE, 'Analysts expect output to fall slightly next year');
    expect(anchor(ARTICLE, sel)).toEqual({ status: 'exact', start: sel[0].start, end: sel[0].end, score: 1, text: sel[1].exact });
  });

  it('reports a quote at the very start (empty prefix) as moved when text is added above it', () => {
    const sel = quoteOf(ARTICLE, 'Kestrel Copper said');
    expect(sel[1].prefix).toBe('');
    const edited = `Editor's note: updated with a correction.\n\n${ARTICLE}`;
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'moved', start: edited.indexOf('Kestrel'), text: 'Kestrel Copper said', score: 1 });
  });

  it('keeps a quote at the very end (empty suffix) exact when text is appended after it', () => {
    const sel = quoteOf(ARTICLE, 'the strike at the smelter.');
    expect(sel[1].suffix).toBe('');
    expect(anchor(`${ARTICLE}\n\nThe company will report results in May.`, sel).status).toBe('exact');
  });

  it('is exact when the stored position still holds the quote although its context changed', () => {
    const sel = quoteOf(ARTICLE, 'produced 4.2 million tonnes');
    const edited = ARTICLE.replace('Kestrel Copper said its', 'Kestrel Copper says its');
    expect(anchor(edited, sel)).toMatchObject({ status: 'exact', start: sel[0].start });
  });

  it('picks, among repeated occurrences, the one whose context matches, not the nearest', () => {
    const text = 'Figures are provisional. Wind supplied 38% of power. Figures are provisional. Gas supplied 41%.';
    const sel = quoteOf(text, 'Figures are provisional.', 1);
    const edited = `Figures are provisional. ${text.slice(text.indexOf('Gas'))} Wind supplied 38% of power. Figures are provisional.`;
    const r = anchor(edited, sel);
    expect(r.status).toBe('moved');
    expect(edited.slice(r.start! - 'of power. '.length, r.start!)).toBe('of power. ');
  });

  it('moves a quote that starts and ends with emoji without splitting them', () => {
    const text = 'Harbour news: 🚢 first cruise ship of the season arrives 👍🏽 today.';
    const sel = quoteOf(text, '🚢 first cruise ship of the season arrives 👍🏽');
    const edited = `Updated 14:05. ${text}`;
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'moved', text: sel[1].exact, start: edited.indexOf('🚢') });
    expectOnBoundaries(edited, r);
  });

  it('does not claim an occurrence that would split a grapheme (a skin-tone or a combining mark added)', () => {
    const text = 'Crowd reaction was 👍 overall, officials said.';
    const sel = quoteOf(text, 'reaction was 👍');
    const edited = text.replace('👍', '👍🏽');
    const r = anchor(edited, sel);
    expect(r.status === 'exact' || r.status === 'moved').toBe(false);
    expectOnBoundaries(edited, r);

    const names = 'Talks with Iraq went well, the ministry said.';
    const sel2 = quoteOf(names, 'Talks with Iraq');
    const marked = names.replace('Iraq', 'Iraq\u0301');
    const r2 = anchor(marked, sel2);
    expect(r2.status === 'exact' || r2.status === 'moved').toBe(false);
    expectOnBoundaries(marked, r2);
  });

  it('finds a lightly edited quote as fuzzy, with a word diff that rebuilds both texts', () => {
    const sel = quoteOf(ARTICLE, 'Analysts expect output to fall slightly next year, citing lower grades.');
    const edited = ARTICLE.replace('fall slightly', 'fall modestly');
    const r = anchor(edited, sel);
    expect(r.status).toBe('fuzzy');
    expect(r.text).toBe('Analysts expect output to fall modestly next year, citing lower grades.');
    expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(r.score).toBeLessThan(1);
    expect(
      r
        .diff!.filter((d) => d.op !== 'insert')
        .map((d) => d.text)
        .join(''),
    ).toBe(sel[1].exact);
    expect(
      r
        .diff!.filter((d) => d.op !== 'delete')
        .map((d) => d.text)
        .join(''),
    ).toBe(r.text);
  });

  it('orphans a quote whose figure changed, reporting the rejected score', () => {
    const sel = quoteOf(ARTICLE, 'its Ridgeback mine produced 4.2 million tonnes of ore in 2023');
    const r = anchor(ARTICLE.replace('4.2 million', '4.7 million'), sel);
    expect(r).toMatchObject({ status: 'orphaned', start: null, end: null, text: null });
    expect(r.score).toBeGreaterThan(0.5);
  });

  it('orphans what a stricter threshold no longer accepts', () => {
    const sel = quoteOf(ARTICLE, 'Analysts expect output to fall slightly next year');
    const edited = ARTICLE.replace('fall slightly', 'fall modestly');
    const loose = anchor(edited, sel);
    expect(loose.status).toBe('fuzzy');
    const strict = anchor(edited, sel, { threshold: 0.999 });
    expect(strict.status).toBe('orphaned');
    expect(strict.score).toBeCloseTo(loose.score, 10);
  });

  it('orphans a deleted sentence rather than attaching it to its neighbour', () => {
    const sel = quoteOf(ARTICLE, 'Analysts expect output to fall slightly next year, citing lower grades. ');
    const edited = ARTICLE.replace(sel[1].exact, '');
    expect(anchor(edited, sel).status).toBe('orphaned');
  });

  it('orphans a deleted quote rather than match a look-alike at the edge of the text, where no context can be checked', () => {
    const text = 'Quotas, analysts said, would tighten supply of ore in 2025 and beyond, analysts said of quotas';
    const sel = describe(text, 0, 'Quotas,'.length);
    expect(sel[1].prefix).toBe('');
    expect(anchor(text.slice(sel[0].end), sel).status).toBe('orphaned');
  });

  it('orphans an empty quote, and survives a nonsense stored position by searching the quote', () => {
    const empty: Selectors = [
      { type: 'TextPositionSelector', start: 0, end: 0 },
      { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    ];
    expect(anchor(ARTICLE, empty)).toEqual({ status: 'orphaned', start: null, end: null, score: 0, text: null });
    const sel = quoteOf(ARTICLE, 'declined to comment');
    const broken: Selectors = [{ type: 'TextPositionSelector', start: -5, end: 1e9 }, sel[1]];
    expect(anchor(ARTICLE, broken)).toMatchObject({ status: 'moved', start: sel[0].start, end: sel[0].end });
  });

  it('anchors a quote with no context at all (the whole text) approximately when it is edited', () => {
    const text = 'Wheat yields may fall by between 8% and 12% this season.';
    const sel = describe(text, 0, text.length);
    const r = anchor('Wheat yields could fall by between 8% and 12% this season.', sel);
    expect(r.status).toBe('fuzzy');
  });

  it('tolerates whitespace re-flow and curly quotes inside the quote', () => {
    const text = 'He said "it is too early to call this a trend" on Friday, brokers noted.';
    const sel = quoteOf(text, '"it is too early to call this a trend" on Friday');
    const edited = 'He said \u201cit is too early\nto call this  a trend\u201d on Friday, brokers noted.';
    const r = anchor(edited, sel);
    expect(r.status).toBe('fuzzy');
    expect(r.text).toBe('\u201cit is too early\nto call this  a trend\u201d on Friday');
  });

  it('shares one anchorer across quotes with the same answers as one-off calls', () => {
    const edited = `Note: figures revised.\n\n${ARTICLE.replace('slightly', 'modestly')}`;
    const anchorer = createAnchorer(edited);
    expect(anchorer.text).toBe(edited);
    for (const exact of ['Kestrel Copper said', 'fall slightly next year, citing', 'declined to comment on the strike']) {
      const sel = quoteOf(ARTICLE, exact);
      expect(anchorer.anchor(sel)).toEqual(anchor(edited, sel));
    }
  });

  it('finds a quote far from its old place in a long text, after its paragraph moved and a word inside it changed', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i}: throughput at berth ${i % 17} was ${(i * 7) % 100} containers, brokers said.`).join('\n\n');
    const quoted = 'Dunmore Refining expects diesel margins to recover by the third quarter, barring outages.';
    const old = `${filler(50)}\n\n${quoted}\n\n${filler(400)}`;
    const sel = quoteOf(old, quoted);
    const edited = `${filler(50)}\n\n${filler(400)}\n\n${quoted.replace('expects', 'anticipates')}`;
    const r = anchor(edited, sel);
    expect(r.status).toBe('fuzzy');
    expect(r.text).toBe(quoted.replace('expects', 'anticipates'));
  });
});

suite('reanchorAll', () => {
  it('re-anchors every quote of a source on its new version and counts the statuses', () => {
    const ids = ['Kestrel Copper said', 'fall slightly next year', 'declined to comment on the strike at the smelter.'];
    const quotes = ids.map((exact) => ({ id: exact, selectors: quoteOf(ARTICLE, exact) }));
    const edited = `Correction appended.\n\n${ARTICLE.replace('fall slightly next year', 'dip next year')}`;
    const { results, counts } = reanchorAll(ARTICLE, edited, quotes);
    expect(results.get('Kestrel Copper said')?.status).toBe('moved');
    expect(results.get('declined to comment on the strike at the smelter.')?.status).toBe('moved');
    expect(results.get('fall slightly next year')?.status).toBe('orphaned');
    expect(counts).toEqual({ exact: 0, moved: 2, fuzzy: 0, orphaned: 1 });
  });

  it('reports everything exact when the text did not change', () => {
    const quotes = ['Kestrel Copper', 'lower grades'].map((exact) => ({ id: exact, selectors: quoteOf(ARTICLE, exact) }));
    expect(reanchorAll(ARTICLE, ARTICLE, quotes).counts).toEqual({ exact: 2, moved: 0, fuzzy: 0, orphaned: 0 });
  });
});

suite('a long quote whose context is gone', () => {
  // The seed-shaped scenario, in invented words: a whole last sentence with three
  // copy edits (a word swapped, "becoming" → "making it", the space before a comma
  // removed), and the sentence before it cut.
  const old = [
    'Ferry operator Calder Line said on Monday it would add a second daily crossing to Tarsa Island from June.',
    'Demand has grown since the causeway closed for repairs in March, the company said.',
    'Such demand has led hauliers such as Orla Freight and Dunmore Haulage to book space weeks in advance.',
    "Altogether, the island route carries almost 60% of the firm's freight , becoming its busiest crossing by far.",
  ].join('\n');
  const quoted = old.slice(old.indexOf('Altogether'));
  const edited = quoted.replace("firm's freight , becoming", "company's freight, making it");
  const next = old.slice(0, old.indexOf('Such demand')) + edited;

  it('re-anchors it on a new version as fuzzy, with a word diff for review', () => {
    const sel = quoteOf(old, quoted);
    expect(sel[1].suffix).toBe('');
    const { results, counts } = reanchorAll(old, next, [{ id: 'q', selectors: sel }]);
    const r = results.get('q')!;
    expect(counts.fuzzy).toBe(1);
    expect(r).toMatchObject({ status: 'fuzzy', start: next.indexOf(edited), end: next.length, text: edited });
    expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(r.diff!.filter((d) => d.op !== 'equal').map((d) => d.text)).toEqual(expect.arrayContaining(['firm', 'company', 'becoming', 'making it']));
  });

  it('orphans it without the old version, which alone can rule out a near-identical sentence kept elsewhere', () => {
    expect(anchor(next, quoteOf(old, quoted)).status).toBe('orphaned');
  });

  it('orphans it when the near-identical sentence was in the old version all along', () => {
    const twin = "Altogether, the island route carries almost 60% of the firm's mail, becoming its busiest crossing by far.";
    const before = `${twin}\n${old}`;
    const after = `${twin}\n${old.slice(0, old.indexOf('Such demand'))}`.trimEnd();
    const { results } = reanchorAll(before, after, [{ id: 'q', selectors: quoteOf(before, quoted) }]);
    expect(results.get('q')!.status).toBe('orphaned');
  });

  it('orphans it when its changed figure is spelled out ("four" → "five")', () => {
    const text = 'Calder Line said on Monday that it plans to take delivery of four new ferries before the summer season begins.';
    const sel = quoteOf(text, text);
    expect(anchor(text.replace('four', 'five'), sel).status).toBe('orphaned');
  });
});

suite('near-identical lines', () => {
  const old = [
    'Guidance: Q3 preview',
    'Alder Energy: we forecast EBITDA of 1.42bn. We expect the company to confirm its guidance.',
    'Birch Power: we forecast EBITDA of 0.96bn. We expect the company to confirm its guidance.',
    'Cedar Grid: we forecast EBITDA of 0.71bn. We expect the company to raise its guidance.',
  ].join('\n');
  const next = old.replace('Birch Power: we forecast EBITDA of 0.96bn. We expect the company to confirm its guidance.\n', '');

  it('orphans the deleted copy of a repeated sentence and keeps the other', () => {
    const quotes = [0, 1].map((k) => ({ id: `copy${k}`, selectors: quoteOf(old, 'We expect the company to confirm its guidance.', k) }));
    const { results } = reanchorAll(old, next, quotes);
    expect(results.get('copy0')).toMatchObject({ status: 'exact', start: next.indexOf('We expect the company to confirm') });
    expect(results.get('copy1')!.status).toBe('orphaned');
  });

  it('orphans a quote whose phrases were reordered, rather than propose the reordered sentence', () => {
    const text = 'Our top pick remains Cedar Grid, where we see the strongest earnings visibility in the sector. Risks are regulatory.';
    const sel = quoteOf(text, 'Our top pick remains Cedar Grid, where we see the strongest earnings visibility in the sector.');
    expect(anchor(text.replace('Our top pick remains Cedar Grid', 'Cedar Grid remains our top pick'), sel).status).toBe('orphaned');
  });

  it('covers reworded last words of a quote that ended the text, not just the cheapest part of them', () => {
    const text = 'Garden waste is collected fortnightly. The charge has not reduced participation in the garden waste scheme, officials said.';
    const sel = quoteOf(text, 'The charge has not reduced participation in the garden waste scheme, officials said.');
    const edited = `${text.slice(0, text.indexOf('officials'))}according to officials.`;
    expect(anchor(edited, sel)).toMatchObject({ status: 'fuzzy', end: edited.length });
  });
});

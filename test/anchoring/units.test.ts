/** units.ts: lines and sentences of a text, and whose passage a kept unit of a new version is. */
import { describe as suite, expect, it } from 'vitest';
import { lineAround, PreviousVersion, sentenceAround, sentencesIn } from '../../shared/anchoring/units.ts';

const spans = (text: string): string[] => sentencesIn(text).map((s) => text.slice(s.start, s.end));

suite('units', () => {
  it('splits sentences at terminators followed by space, after closing quotes, and at line breaks', () => {
    expect(spans('It rose 4.2% in May. "We are pleased," she said. Really?\nNext line')).toEqual(['It rose 4.2% in May.', '"We are pleased," she said.', 'Really?', 'Next line']);
    expect(spans('He said "enough." Then left.')).toEqual(['He said "enough."', 'Then left.']);
  });

  it('finds the line and the sentence around a range, or none when the range crosses one', () => {
    const text = 'First one. Second one.\nThird.';
    const at = text.indexOf('Second');
    expect(lineAround(text, at, at + 6)).toEqual({ start: 0, end: text.indexOf('\n') });
    expect(sentenceAround(text, at, at + 6)).toEqual({ start: at, end: at + 'Second one.'.length });
    expect(sentenceAround(text, 0, at + 2)).toBeNull();
    expect(lineAround(text, at, text.length)).toBeNull();
  });

  it("tells a kept sentence of the old version as the quote's own, another's, or unknown", () => {
    const old = 'At Mwika, output will be at the low end. At Chanda, output will be at the low end of guidance. Rain fell.';
    const prev = new PreviousVersion(old);
    const next = 'At Chanda, output will be at the low end of guidance. Rain fell heavily.';
    const quote = 'output will be at the low end';
    const mwika = { start: old.indexOf(quote), end: old.indexOf(quote) + quote.length };
    const chanda = { start: old.lastIndexOf(quote), end: old.lastIndexOf(quote) + quote.length };
    const at = next.indexOf(quote);
    expect(prev.owner(next, at, at + quote.length, mwika)).toBe('other');
    expect(prev.owner(next, at, at + quote.length, chanda)).toBe('quote');
    // An edited sentence says nothing.
    const rain = next.indexOf('Rain');
    expect(prev.owner(next, rain, rain + 4, { start: old.indexOf('Rain'), end: old.indexOf('Rain') + 4 })).toBeNull();
  });

  it('says nothing about a unit that repeats in the old version', () => {
    const old = 'Figures are provisional.\nWind rose.\nFigures are provisional.';
    const prev = new PreviousVersion(old);
    const next = 'Figures are provisional.\nWind fell.';
    expect(prev.owner(next, 0, 7, { start: old.lastIndexOf('Figures'), end: old.lastIndexOf('Figures') + 7 })).toBeNull();
  });
});

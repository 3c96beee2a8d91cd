/**
 * Numbers as numbers: one token for "70%" / "70 percent" / "70 per cent", one value for
 * 1,000,000 / 1 million / 1m / "a million", and range queries. The value is the shared
 * number reader's (shared/text/numbers.ts), so it is the claim assistant's too.
 */
import { describe, expect, it } from 'vitest';
import { createIndex, foldText, tokenize } from '../../shared/search/index.ts';

const CORPUS: Record<string, string> = {
  sign: 'Curtailment rose 70% in the quarter.',
  word: 'Curtailment rose 70 percent in the quarter.',
  two: 'Curtailment rose 70 per cent in the quarter.',
  bare: 'The fleet had 70 tankers.',
  low: 'Margins were 12% lower.',
  mid: 'Utilisation held at 55 per cent.',
  edge: 'About 50% of rigs idled, and 60 percent of barges.',
  big1: 'Output reached 1,000,000 tonnes.',
  big2: 'Output reached 1 million tonnes.',
  big3: 'Output reached 1m tonnes.',
  dec: 'Exports of 2.5bn dollars and 2,500,000,000 more.',
};

function find(query: string): string[] {
  const idx = createIndex();
  for (const [id, text] of Object.entries(CORPUS)) idx.add({ id, type: 'note', text, refId: id });
  const r = idx.run(query, { limit: 100 });
  if (!r.ok) throw new Error(r.error);
  return r.hits.map((h) => h.id).sort();
}

describe('numbers as numbers', () => {
  it('folds "70%", "70 percent" and "70 per cent" to one percentage token', () => {
    for (const s of ['70%', '70 %', '70 percent', '70 per cent', '70 Per\nCent', '70 pct']) {
      const prim = tokenize(s).filter((t) => !t.extra);
      expect(prim.map((t) => t.term)).toEqual(['#70%']);
    }
  });

  it('finds all three spellings with the query 70%', () => {
    expect(find('70%')).toEqual(['sign', 'two', 'word']);
    expect(find('"rose 70 per cent in"')).toEqual(['sign', 'two', 'word']);
  });

  it('lets a bare number find percentages, but not a percentage find bare numbers', () => {
    expect(find('70')).toEqual(['bare', 'sign', 'two', 'word']);
    expect(find('70%')).not.toContain('bare');
  });

  it('normalises 1,000,000, 1 million and 1m to the same value', () => {
    expect(foldText('1,000,000')).toBe('1000000');
    expect(foldText('1 million')).toBe('1000000');
    expect(foldText('1m')).toBe('1000000');
    expect(find('1m')).toEqual(['big1', 'big2', 'big3']);
    expect(find('"reached 1 million tonnes"')).toEqual(['big1', 'big2', 'big3']);
    expect(find('2.5bn')).toEqual(['dec']);
    expect(foldText('3.5 billion 5k 2 thousand')).toBe('3500000000 5000 2000');
  });

  it('does not read letters glued to digits as a scale', () => {
    expect(foldText('5mm')).toBe('5mm');
  });

  it('answers greater-than and less-than range queries over percentages', () => {
    expect(find('>50%')).toEqual(['edge', 'mid', 'sign', 'two', 'word']);
    expect(find('>=55%')).toEqual(['edge', 'mid', 'sign', 'two', 'word']);
    expect(find('>60%')).toEqual(['sign', 'two', 'word']);
    expect(find('<50%')).toEqual(['low']);
    expect(find('<=50%')).toEqual(['edge', 'low']);
  });

  it('answers between ranges inclusively', () => {
    expect(find('50-60%')).toEqual(['edge', 'mid']);
    expect(find('13-49%')).toEqual([]);
  });

  it('applies ranges without % to plain numbers', () => {
    expect(find('>=1m')).toEqual(['big1', 'big2', 'big3', 'dec']);
    expect(find('60-80 tankers')).toEqual(['bare']);
  });

  it('combines a range with words', () => {
    expect(find('>50% curtailment')).toEqual(['sign', 'two', 'word']);
  });

  it('reads written numbers as numbers: "two million", "twenty-five", "a dozen"', () => {
    expect(foldText('two million')).toBe('2000000');
    expect(foldText('Twenty-five tankers')).toBe('25 tankers');
    expect(foldText('a dozen barges')).toBe('12 barges');
    expect(foldText('half a million')).toBe('500000');
    expect(foldText('two million five hundred thousand')).toBe('2500000');
    expect(foldText('seventy per cent')).toBe('70%');
    // "a" alone, and a word that only starts like a number, stay words
    expect(foldText('a barge, one’s own, a-million')).toBe('a barge ones own a-million');
    // fractions are shares only in context (the claim assistant decides that): words here
    expect(foldText('two-thirds of a quarter')).toBe('two-thirds of a quarter');
  });

  it('reads every scale the claim assistant reads: mn, mln, bn, bln, tn, trn, k, lakh, crore', () => {
    expect(foldText('3 mln, 3mln, 3 mn, 3MN')).toBe('3000000 3000000 3000000 3000000');
    expect(foldText('1.5bn 1.5 bln 2tn 2 trn 5K')).toBe('1500000000 1500000000 2000000000000 2000000000000 5000');
    expect(foldText('Rs 500 crore and 1.6 lakh crore')).toBe('rs 5000000000 and 1600000000000');
    expect(foldText('12 500 people')).toBe('12500 people');
  });

  it('reads "m" as a million only where it means one: a currency, a counted noun, or the end of a query', () => {
    expect(foldText('$3m')).toBe('3000000');
    expect(foldText('3m tonnes')).toBe('3000000 tonnes');
    expect(foldText('£2b')).toBe('2000000000');
    expect(foldText('a 300m deep shaft')).toBe('a 300 m deep shaft');
    expect(foldText('3b')).toBe('3 b');
  });

  describe('the same number however it is written', () => {
    const PASSAGES: Record<string, string> = {
      mln: 'Refinery runs reached 3 mln tonnes in May.',
      glued: 'Refinery runs reached 3m tonnes in May.',
      words: 'Refinery runs reached three million tonnes in May.',
      dollars: 'The grid operator paid $3m for the spare transformer.',
      shaft: 'The new shaft is 300m deep.',
      twoWords: 'Two million households were without power.',
      twoDigits: 'Some 2,000,000 households were without power.',
      other: 'Refinery runs reached 4 million tonnes in June.',
    };
    const search = (query: string): string[] => {
      const idx = createIndex();
      for (const [id, text] of Object.entries(PASSAGES)) idx.add({ id, type: 'quote', text, refId: id });
      const r = idx.run(query, { limit: 100 });
      if (!r.ok) throw new Error(r.error);
      return r.hits.map((h) => h.id).sort();
    };

    it('finds "3 mln", "3m" and "three million" with a search for 3 million', () => {
      expect(search('3 million')).toEqual(['dollars', 'glued', 'mln', 'words']);
      expect(search('3m')).toEqual(['dollars', 'glued', 'mln', 'words']);
      expect(search('three million tonnes')).toEqual(['glued', 'mln', 'words']);
      expect(search('"reached 3,000,000 tonnes"')).toEqual(['glued', 'mln', 'words']);
    });

    it('finds "two million" with a search for 2,000,000, and the other way round', () => {
      expect(search('2,000,000')).toEqual(['twoDigits', 'twoWords']);
      expect(search('two million households')).toEqual(['twoDigits', 'twoWords']);
      expect(search('>=2m households')).toEqual(['twoDigits', 'twoWords']);
    });

    it('does not take metres for millions', () => {
      expect(search('300 million')).toEqual([]);
      expect(search('300 m deep')).toEqual(['shaft']);
      expect(search('"300m deep"')).toEqual(['shaft']);
    });
  });
});

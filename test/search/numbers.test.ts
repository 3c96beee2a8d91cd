/** Numbers as numbers: one token for "70%" / "70 percent" / "70 per cent", one value for 1,000,000 / 1 million / 1m, and range queries. */
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
});

/** Folding rules: every way a copied phrase can differ from the stored text (case, accents, quotes, dashes, hyphenation, soft hyphens, whitespace). */
import { describe, expect, it } from 'vitest';
import { createIndex, foldText, tokenize } from '../../shared/search/index.ts';

/** Ids found by a query in an index holding the given texts as notes. */
function find(texts: Record<string, string>, query: string): string[] {
  const idx = createIndex();
  for (const [id, text] of Object.entries(texts)) idx.add({ id, type: 'note', text, refId: id });
  const r = idx.run(query, { limit: 100 });
  if (!r.ok) throw new Error(r.error);
  return r.hits.map((h) => h.id).sort();
}

describe('folding', () => {
  it('ignores letter case', () => {
    expect(foldText('Grid OPERATOR Says')).toBe('grid operator says');
    expect(find({ a: 'The GRID operator' }, '"grid Operator"')).toEqual(['a']);
  });

  it('strips diacritics in documents and queries alike', () => {
    expect(foldText('Café naïve São Paulo')).toBe('cafe naive sao paulo');
    expect(find({ a: 'a naïve forecast', b: 'a naive forecast' }, '"naive forecast"')).toEqual(['a', 'b']);
    expect(find({ a: 'a naïve forecast', b: 'a naive forecast' }, 'naïve')).toEqual(['a', 'b']);
  });

  it('treats text composed and decomposed the same (NFD)', () => {
    expect(foldText('cafe\u0301')).toBe(foldText('caf\u00e9'));
  });

  it('undoes ligatures and compatibility forms copied from PDFs', () => {
    expect(foldText('ﬁnal ﬂow ＡＢ')).toBe('final flow ab');
  });

  it('joins apostrophes into the word, straight or curly, and drops them', () => {
    expect(foldText('Don’t')).toBe('dont');
    expect(foldText("don't")).toBe('dont');
    expect(foldText('donʼt')).toBe('dont');
    expect(find({ a: 'They don’t expect cuts', b: "They don't expect cuts", c: 'They don t expect' }, '"don\'t expect"')).toEqual(['a', 'b']);
    expect(find({ a: 'They don’t expect cuts' }, 'dont')).toEqual(['a']);
  });

  it('treats curly and straight quotation marks as punctuation', () => {
    expect(foldText('“grid” ‘tight’ "flat"')).toBe('grid tight flat');
  });

  it('treats every kind of dash alike', () => {
    for (const dash of ['-', '‐', '‑', '‒', '–', '—', '−']) expect(foldText(`hash${dash}rate`)).toBe('hash-rate');
  });

  it('matches a compound as its parts, its hyphenated form and its joined form', () => {
    const texts = { hy: 'the hash-rate rose', sp: 'the hash rate rose', jo: 'the hashrate rose', en: 'the hash–rate rose' };
    expect(find(texts, '"hash rate"')).toEqual(['en', 'hy', 'sp']);
    expect(find(texts, '"hash-rate"')).toEqual(['en', 'hy', 'sp']);
    expect(find(texts, 'hash-rate')).toEqual(['en', 'hy', 'jo', 'sp']);
    expect(find(texts, '"hashrate"')).toEqual(['en', 'hy', 'jo']);
  });

  it('rejoins a word hyphenated across a line break', () => {
    expect(foldText('the hash-\nrate')).toBe('the hash-rate');
    expect(find({ a: 'miners reported a higher hash-\n  rate in May' }, '"hash rate in may"')).toEqual(['a']);
    expect(find({ a: 'the infor-\nmation was late' }, '"information was late"')).toEqual(['a']);
  });

  it('removes soft hyphens, inside a word and at a line end', () => {
    expect(foldText('curtail\u00ADment')).toBe('curtailment');
    expect(find({ a: 'grid curtail\u00AD\nment rose' }, '"curtailment rose"')).toEqual(['a']);
  });

  it('treats any whitespace and line breaks as one separator', () => {
    expect(foldText('grid\n\n  operator\t\u00A0says\u2003now')).toBe('grid operator says now');
    expect(find({ a: 'the grid\noperator said' }, '"grid   operator said"')).toEqual(['a']);
  });

  it('keeps token offsets pointing at the original text', () => {
    const text = 'Über 70 per cent, hash-\nrate';
    for (const t of tokenize(text)) expect(t.end).toBeGreaterThan(t.start);
    const pct = tokenize(text).find((t) => t.term === '#70%')!;
    expect(text.slice(pct.start, pct.end)).toBe('70 per cent');
    const joined = tokenize(text).find((t) => t.term === 'hashrate')!;
    expect(text.slice(joined.start, joined.end)).toBe('hash-\nrate');
  });
});

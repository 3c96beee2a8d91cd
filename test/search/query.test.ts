/** The query language parser: clauses it produces, errors it reports as values, and the help text that documents it. */
import { describe, expect, it } from 'vitest';
import { parseQuery, SEARCH_HELP, type ParsedQuery } from '../../shared/search/index.ts';

function parsed(q: string): ParsedQuery {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error);
  return r.query;
}

function error(q: string): string {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected an error for ${q}`);
  return r.error;
}

describe('query parser', () => {
  it('turns free words into folded word clauses with prefix matching on the last word only', () => {
    expect(parsed('Grid Curtail')).toEqual({
      required: [
        { kind: 'word', term: 'grid', prefix: false, maxEdits: 0 },
        { kind: 'word', term: 'curtail', prefix: true, maxEdits: 1 },
      ],
      excluded: [],
    });
  });

  it('gives no prefix to a last word followed by a phrase or filter', () => {
    const q = parsed('grid "spot price"');
    expect(q.required[0]).toMatchObject({ kind: 'word', prefix: false });
    expect(parsed('grid type:quote').required[0]).toMatchObject({ kind: 'word', prefix: false });
  });

  it('sets the typo budget by word length and never for numbers', () => {
    const budgets = parsed('oil tanker shipments electricity 12345 x').required.map((c) => (c.kind === 'word' ? c.maxEdits : -1));
    expect(budgets).toEqual([0, 1, 2, 2, 0, 0]);
  });

  it('reads phrases, curly-quoted phrases, exclusions and excluded phrases', () => {
    const q = parsed('“spot price” -diesel -"day ahead"');
    expect(q.required).toEqual([{ kind: 'phrase', terms: ['spot', 'price'] }]);
    expect(q.excluded).toEqual([
      { kind: 'word', term: 'diesel', prefix: false, maxEdits: 0 },
      { kind: 'phrase', terms: ['day', 'ahead'] },
    ]);
  });

  it('reads filters with folded values, alternatives and quoted values', () => {
    const q = parsed('tag:Energy/Hash-Rate type:quote|claim status:Disputed source:"Grid Weekly" -tag:draft');
    expect(q.required).toEqual([
      { kind: 'filter', field: 'tag', values: ['energy/hash-rate'] },
      { kind: 'filter', field: 'type', values: ['quote', 'claim'] },
      { kind: 'filter', field: 'status', values: ['disputed'] },
      { kind: 'filter', field: 'source', values: ['Grid Weekly'] },
    ]);
    expect(q.excluded).toEqual([{ kind: 'filter', field: 'tag', values: ['draft'] }]);
  });

  it('reads a hyphenated word as a compound and "70 per cent" as one number', () => {
    expect(parsed('hash-rate').required).toEqual([{ kind: 'compound', parts: ['hash', 'rate'], joined: 'hashrate' }]);
    expect(parsed('70 per cent').required).toEqual([{ kind: 'word', term: '#70%', prefix: false, maxEdits: 0 }]);
  });

  it('reads comparisons and between ranges', () => {
    expect(parsed('>50%').required).toEqual([{ kind: 'range', range: { unit: '%', min: 50, max: Infinity, minInclusive: false, maxInclusive: true } }]);
    expect(parsed('<=1,000').required).toEqual([{ kind: 'range', range: { unit: '', min: -Infinity, max: 1000, minInclusive: true, maxInclusive: true } }]);
    expect(parsed('60-50%').required).toEqual([{ kind: 'range', range: { unit: '%', min: 50, max: 60, minInclusive: true, maxInclusive: true } }]);
  });

  it('reports malformed queries as error values instead of throwing', () => {
    expect(error('"spot price')).toMatch(/Unclosed quote/);
    expect(error('type:memo')).toMatch(/Unknown type "memo"/);
    expect(error('tag:')).toMatch(/needs a value/);
    expect(error('>abc')).toMatch(/not a number comparison/);
    expect(error('grid ""')).toMatch(/Empty phrase/);
    expect(error('-diesel')).toMatch(/Nothing to search for/);
  });

  it('explains an empty query instead of answering it with nothing', () => {
    for (const q of ['', '   ', '\n\t']) expect(parseQuery(q)).toEqual({ ok: false, error: expect.stringMatching(/^Nothing to search for: type a word/) });
  });

  it('documents every part of the language in SEARCH_HELP', () => {
    for (const piece of ['"exact phrase"', '-word', 'tag:', 'source:', 'type:', 'status:', '>50%', '50-60%', 'prefix', 'typo']) {
      expect(SEARCH_HELP).toContain(piece);
    }
  });
});

/**
 * Snippets read only as much of a long passage as they show: the resumable tokenizer
 * stopped at any offset yields exactly the tokens a full tokenization yields before
 * it, and a snippet built from a partial read is the snippet built from the whole
 * text. Texts are generated from words that exercise numbers ("70 per cent",
 * "1 million"), compounds split by dashes and line breaks, and folding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, Tokenizer } from '../../shared/search/fold.ts';
import { findMarks, highlight, makeSnippet } from '../../shared/search/snippet.ts';

const WORDS = [
  'tanker',
  'Tanker',
  'freight',
  'rates',
  'hash',
  'rate',
  'hashrate',
  'don’t',
  'café',
  'cafe',
  'per',
  'cent',
  'percent',
  'million',
  '70',
  '1,250',
  '3.5',
  '12m',
  'grid',
  'the',
  'said',
  'solar',
  'naïve',
  'ﬁne',
  '👍🏽',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', '–', '-\n', ' - ', '\u00AD\n', ' (', ') ', '% '];

const longText = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 30, maxLength: 140, size: 'max' }).map((parts) => parts.map(([w, s]) => w + s).join(''));

const TERMS = ['tanker', 'freight', 'rate', 'hashrate', 'dont', 'cafe', '#70%', '#70', '#1250', '#12000000', 'the', 'said', 'fine', 'naive', 'grid'];

describe('partial tokenizing for snippets', () => {
  it('stops at any offset with exactly the full tokenization before it', () => {
    fc.assert(
      fc.property(longText, fc.array(fc.nat(800), { minLength: 1, maxLength: 4 }), (text, limits) => {
        const full = tokenize(text);
        const tk = new Tokenizer(text);
        for (const limit of [...limits].sort((a, b) => a - b)) {
          tk.until(limit);
          // What has been read is a prefix of the full token list, covering every token before the limit.
          expect(tk.tokens).toEqual(full.slice(0, tk.tokens.length));
          expect(full.slice(tk.tokens.length).every((t) => t.start >= limit)).toBe(true);
        }
        tk.until(Infinity);
        expect(tk.done).toBe(true);
        expect(tk.tokens).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });

  it('builds the same snippet and first mark from a partial read as from the whole text', () => {
    fc.assert(
      fc.property(longText, fc.subarray(TERMS, { minLength: 0, maxLength: 4 }), (text, terms) => {
        const spec = { terms: new Set(terms), phrases: [] };
        const marks = findMarks(tokenize(text), spec);
        const got = highlight(text, spec);
        expect(got.snippet).toEqual(makeSnippet(text, marks));
        expect(got.first).toEqual(marks[0]);
      }),
      { numRuns: 400 },
    );
  });

  it('builds the same snippet for phrases, which are read to the end', () => {
    fc.assert(
      fc.property(longText, fc.subarray(TERMS, { minLength: 2, maxLength: 3 }), (text, phrase) => {
        const spec = { terms: new Set<string>(), phrases: [phrase] };
        const marks = findMarks(tokenize(text), spec);
        expect(highlight(text, spec)).toEqual({ snippet: makeSnippet(text, marks), first: marks[0] });
      }),
      { numRuns: 100 },
    );
  });
});

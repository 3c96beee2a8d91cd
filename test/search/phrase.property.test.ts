/**
 * Phrase search is exact: for generated corpora the index returns precisely the
 * documents a brute-force scan finds. The oracle works on the folded text
 * (foldText: primary tokens joined by " " or, inside a compound, "-") with a regular
 * expression, and shares nothing with the index's postings, positions or phrase
 * matching. It encodes the documented semantics directly: query words meet doc words
 * at word boundaries; a query word may also match the joined parts of a compound
 * ("hashrate" ~ "hash-rate"); a bare number also matches its percentage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, foldText, indexFromBytes, type SearchIndex } from '../../shared/search/index.ts';

const WORDS = [
  'solar',
  'Solar',
  'SOLAR',
  'sólar',
  'grid',
  'Grid',
  'hash',
  'rate',
  'hashrate',
  'don’t',
  "don't",
  'dont',
  'café',
  'cafe',
  'CAFÉ',
  'a',
  'b',
  'ab',
  'ba',
  'aba',
  'ﬁne',
  'fine',
  'per',
  'cent',
  'percent',
  '70',
  '70%',
  '1,000',
  '1000',
  '1k',
  'million',
  '1',
  '3.5',
  'naïve',
  'naive',
  'tonnes',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ', ', '. ', ' “', '” ', '-', '–', '—', '-\n', ' - ', '\u00AD\n', ' (', ') ', '\t'];

const docText = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Brute-force oracle: does the folded phrase occur in the folded document at word boundaries? */
function oracle(doc: string, phrase: string): boolean {
  const tokens = foldText(phrase).split(/[ -]/).filter(Boolean);
  if (tokens.length === 0) return false;
  const pats = tokens.map((t) => {
    if (/^\d/.test(t) && /^[\d.]+%?$/.test(t)) return escapeRe(t) + (t.endsWith('%') ? '' : '%?');
    return [...t].map(escapeRe).join('-?');
  });
  const re = new RegExp(`(?<=^|[ -])${pats.join('[ -]')}(?=$|[ -])`, 'u');
  return re.test(foldText(doc));
}

function phraseIds(idx: SearchIndex, phrase: string): string[] {
  const r = idx.run(`"${phrase}"`, { limit: Number.MAX_SAFE_INTEGER });
  if (!r.ok) throw new Error(r.error);
  return r.hits.map((h) => h.id).sort();
}

/** A phrase taken from a document (so it often matches) or made up (so it often does not). */
function phrasesFor(texts: string[], picks: [number, number, number][], extra: string[]): string[] {
  const out = extra.slice();
  for (const [di, from, len] of picks) {
    const t = texts[di % texts.length]!;
    const words = t.split(/\s+/).filter(Boolean);
    const start = from % Math.max(1, words.length);
    out.push(words.slice(start, start + len).join(' '));
  }
  return out.map((p) => p.replace(/["“”„«»]/g, ' ').trim()).filter((p) => foldText(p) !== '');
}

describe('phrase search against a brute-force scan', () => {
  it('returns exactly the documents whose folded text contains the phrase, through adds, removes, updates and a round trip through bytes', () => {
    fc.assert(
      fc.property(
        fc.array(docText, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
          { maxLength: 3 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.option(docText, { nil: undefined })), { maxLength: 4 }),
        (texts, picks, madeUp, edits) => {
          const idx = createIndex();
          const current = new Map<string, string>();
          texts.forEach((t, i) => {
            idx.add({ id: `d${i}`, type: 'note', text: t, refId: `d${i}` });
            current.set(`d${i}`, t);
          });
          // Edits: undefined removes a document, a text replaces it.
          for (const [n, text] of edits) {
            const id = `d${n % texts.length}`;
            if (text === undefined) {
              idx.remove(id);
              current.delete(id);
            } else {
              idx.update({ id, type: 'note', text, refId: id });
              current.set(id, text);
            }
          }
          const reopened = indexFromBytes(idx.toBytes().slice());
          for (const phrase of phrasesFor([...current.values(), ...texts], picks, madeUp)) {
            const expected = [...current]
              .filter(([, t]) => oracle(t, phrase))
              .map(([id]) => id)
              .sort();
            expect(phraseIds(idx, phrase), `phrase ${JSON.stringify(phrase)}`).toEqual(expected);
            expect(phraseIds(reopened, phrase)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the oracle itself sees folded matches and rejects partial words', () => {
    expect(oracle('The Hash-\nrate rose', 'hash rate')).toBe(true);
    expect(oracle('The hash-rate rose', 'hashrate')).toBe(true);
    expect(oracle('The hashrates rose', 'hashrate')).toBe(false);
    expect(oracle('up 70 per cent', '70')).toBe(true);
    expect(oracle('up 70', '70%')).toBe(false);
  });
});

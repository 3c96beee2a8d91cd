/**
 * Figure detection: finds quantities with their hedges in a source text,
 * rule by rule, so every result can be explained.
 *
 * This module finds where figures may start and assembles the results; figure-at.ts
 * reads one figure, neighbours.ts what a figure takes from the one before it.
 *
 * A figure is read left to right around a number: an optional hedge before it
 * ("almost", "~", "topped"), an optional sign and currency ("−", "$", "Rs "),
 * the number (digits, written words, a fraction or a multiplier word such as
 * "doubled"), an optional scale ("million", "bn", "crore"), an optional unit
 * ("%", "GW", "basis points", "46.8C"), an optional rate ("per day", "a tonne",
 * "month-on-month"), an optional second number making a range ("5 to 10",
 * "between 20 and 30", "30 or 40 per cent") and an optional trailing hedge ("or
 * more", ", give or take"); read-core.ts reads the number-to-rate part (numbers
 * as said, "a couple of hundred", in spoken-numbers.ts) and hedges.ts the hedges,
 * spoken ones included ("in the region of", "p < "). Then the words around it say whether it is a
 * level or a change (figure-kind.ts) and how an ambiguous sign or unit reads
 * in this sentence (readings.ts). Numbers that are labels rather than
 * quantities (years, dates, scores, ages, names like "FTSE 100", period
 * descriptors like "five-year average", codes, phone numbers) are dropped; see
 * exclusions.ts and non-figures.ts. Offsets are UTF-16 code units into `text`;
 * all spans start and end next to ASCII or currency characters, so they never
 * split a grapheme.
 */

import { maskedSpans } from './exclusions.ts';
import type { Figure } from './figure.ts';
import { figureAt } from './figure-at.ts';
import { MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS } from './lexicon.ts';
import { linkNeighbours } from './neighbours.ts';
import { documentCues } from './readings.ts';
import { sentences } from './sentences.ts';
import { timeOf } from './when.ts';

export { sentences } from './sentences.ts';
export type { Figure } from './figure.ts';

const NUMBER_WORDS = ['a', 'an', 'half', ...Object.keys(UNITS_WORDS), ...Object.keys(TENS_WORDS), ...Object.keys(MULTIPLIER_WORDS)];
const START_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_$€£¥₹₩])(?:(?<![\\p{L}\\p{N}][-−])[-−+](?=[$€£¥₹]?\\d)|minus\\s+(?=\\d)|US\\$|HK\\$|AU\\$|A\\$|CA\\$|Can\\$|C\\$|NZ\\$|S\\$|R\\$|[$€£¥₹₩]|Rs\\.?\\s?(?=\\d)|(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR|KRW|SGD|NZD|BRL)\\s?(?=\\d)|(?<!\\d[.,])\\d|(?:${NUMBER_WORDS.join('|')})(?![\\p{L}]))`,
  'giu',
);

export interface DetectOptions {
  /** The source's published date (ISO), so "last year" can be resolved by timeOf. */
  published?: string | null;
}

/** Finds every figure in `text`. */
export function detectFigures(text: string, options: DetectOptions = {}): Figure[] {
  const masks = maskedSpans(text);
  const sents = sentences(text);
  const cues = documentCues(text);
  const out: Figure[] = [];
  START_RE.lastIndex = 0;
  for (let m = START_RE.exec(text); m; m = START_RE.exec(text)) {
    const found = figureAt(text, m.index, masks, sents, cues);
    if (found === null) continue;
    if (typeof found === 'number') {
      START_RE.lastIndex = Math.max(START_RE.lastIndex, found);
      continue;
    }
    out.push(found.figure);
    START_RE.lastIndex = found.resume;
  }
  linkNeighbours(text, out);
  for (const f of out) f.asOf = timeOf(text, { start: f.sentenceStart, end: f.sentenceEnd }, { start: f.start, end: f.end }, options.published ?? null);
  return out;
}

/**
 * Reading the number itself at a position: digits ("12,500", "12 500", "1.5"),
 * written numbers ("twelve", "twenty-five", "a dozen", "two million") and
 * fractions ("half", "a tenth", "two-thirds"). Scale words after digits and
 * units are the caller's job (figures.ts); written numbers carry their own scale.
 */

import { FRACTIONS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS } from './lexicon.ts';

export interface NumberToken {
  value: number;
  end: number;
  kind: 'digits' | 'words' | 'fraction';
  text: string;
  /** written number that already includes a scale word ("two million") */
  scaled: boolean;
  /** a fraction expressed in percent ("a tenth" = 10) */
  percent: boolean;
}

// Grouping by comma, or by (thin/no-break) space in groups of exactly three, as
// in "12 500". A space group must not run into more digits, or "in 2021 500
// people" could glue two numbers together.
const DIGITS = /(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d,])|\d+)(\.\d+)?(?![\d])/y;

export function readDigits(text: string, pos: number): NumberToken | null {
  DIGITS.lastIndex = pos;
  const m = DIGITS.exec(text);
  if (!m) return null;
  const clean = m[0].replace(/[, \u00A0\u202F\u2009]/g, '');
  return { value: Number(clean), end: pos + m[0].length, kind: 'digits', text: m[0], scaled: false, percent: false };
}

interface Word {
  w: string;
  s: number;
  e: number;
  sep: string; // separator before this word ('' for the first)
}

const WORD = /\p{L}+/uy;
const SEP = /[ \u00A0]|-/y;

function readWords(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  let q = pos;
  let sep = '';
  while (words.length < max) {
    WORD.lastIndex = q;
    const m = WORD.exec(text);
    if (!m) break;
    words.push({ w: m[0].toLowerCase(), s: q, e: q + m[0].length, sep });
    SEP.lastIndex = q + m[0].length;
    const sm = SEP.exec(text);
    if (!sm) break;
    sep = sm[0];
    q = SEP.lastIndex;
  }
  return words;
}

const COUNTERS: Record<string, number> = { a: 1, an: 1, ...UNITS_WORDS };
const BIG_SCALES = new Set(['thousand', 'million', 'billion', 'trillion', 'dozen']);

/** Reads a written number or fraction starting at `pos`, or null. */
export function readWordNumber(text: string, pos: number): NumberToken | null {
  const words = readWords(text, pos, 8);
  const w0 = words[0];
  if (!w0) return null;
  const mk = (value: number, last: Word, kind: NumberToken['kind'], scaled: boolean, percent: boolean): NumberToken => ({
    value, end: last.e, kind, text: text.slice(pos, last.e), scaled, percent,
  });

  // "half", "half a million"
  if (w0.w === 'half') {
    const w1 = words[1];
    const w2 = words[2];
    if (w1 && w2 && (w1.w === 'a' || w1.w === 'an') && w2.sep !== '-' && BIG_SCALES.has(w2.w)) {
      return mk(0.5 * (w2.w === 'dozen' ? 12 : (SCALE_WORDS[w2.w] ?? 1)), w2, 'words', true, false);
    }
    return mk(FRACTIONS.half ?? 50, w0, 'fraction', false, true);
  }
  // "a tenth", "one-third", "two-thirds", "three quarters"
  const n = COUNTERS[w0.w];
  const w1 = words[1];
  if (n !== undefined && n >= 1 && n <= 9 && w1 && FRACTIONS[w1.w] !== undefined) {
    const plural = w1.w.endsWith('s');
    if ((n === 1) !== plural) return mk(n * (FRACTIONS[w1.w] ?? 0), w1, 'fraction', false, true);
  }
  // cardinal numbers with optional hundred / thousand / million / dozen
  let total = 0;
  let current = 0;
  let last: Word | null = null;
  let scaled = false;
  let prev = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { w } = word;
    if (i > 0 && word.sep === '-' && !(prev in TENS_WORDS && (UNITS_WORDS[w] ?? 0) < 10 && (UNITS_WORDS[w] ?? 0) > 0)) break;
    if ((w === 'a' || w === 'an') && i === 0) {
      const next = words[1];
      if (!next || !(next.w === 'hundred' || BIG_SCALES.has(next.w))) return null;
      current = 1;
    } else if (UNITS_WORDS[w] !== undefined) {
      if (last && !(prev in TENS_WORDS && (UNITS_WORDS[w] ?? 0) < 10) && prev !== 'hundred' && prev !== 'and') break;
      current += UNITS_WORDS[w] ?? 0;
    } else if (TENS_WORDS[w] !== undefined) {
      if (last && prev !== 'hundred' && prev !== 'and' && !BIG_SCALES.has(prev)) break;
      current += TENS_WORDS[w] ?? 0;
    } else if (w === 'hundred' && last) {
      current = (current || 1) * 100;
    } else if (w === 'dozen' && last) {
      current = (current || 1) * 12;
    } else if (SCALE_WORDS[w] !== undefined && w !== 'hundred' && last) {
      total += (current || 1) * (SCALE_WORDS[w] ?? 1);
      current = 0;
      scaled = true;
    } else if (w === 'and' && prev === 'hundred' && words[i + 1] && ((words[i + 1]!.w in UNITS_WORDS) || (words[i + 1]!.w in TENS_WORDS))) {
      prev = w;
      continue;
    } else {
      break;
    }
    last = word;
    prev = w;
  }
  if (!last) return null;
  return mk(total + current, last, 'words', scaled, false);
}

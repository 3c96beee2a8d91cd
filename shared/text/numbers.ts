/**
 * Reading a number at a position, the one way the notebook does it: digits with
 * grouping and decimals ("12,500", "12 500", "1.5"), written numbers ("twelve",
 * "twenty-five", "a dozen", "two million"), fractions ("half", "a tenth",
 * "two-thirds") and the scale written after digits ("3 million", "3 mln", "1.5bn",
 * "$3m", "Rs 500 crore", "1.6 lakh crore"). The claim assistant (claims/read-core.ts)
 * and the search tokenizer (search/fold.ts) both read through here, so "3 mln
 * tonnes" is 3,000,000 to both. What surrounds the number (sign, currency, unit,
 * hedges; percent signs and words for search) is the caller's job; a caller says
 * whether a currency was written before the number, because that decides "m" and "b".
 */

export const UNITS_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  // South Asian scales: a lakh is 100,000 and a crore 10 million ("Rs 500 crore" = 5 billion rupees)
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};
/** Abbreviated scales. Single letters (m, b) are decided in readScale: "3m" may be metres. */
export const SCALE_ABBREVS: Readonly<Record<string, number>> = {
  k: 1e3,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
};
/** Fractions as shares of a whole, in percent. */
export const FRACTIONS: Readonly<Record<string, number>> = {
  half: 50,
  halves: 50,
  third: 100 / 3,
  thirds: 100 / 3,
  quarter: 25,
  quarters: 25,
  fifth: 20,
  fifths: 20,
  sixth: 100 / 6,
  sixths: 100 / 6,
  seventh: 100 / 7,
  sevenths: 100 / 7,
  eighth: 12.5,
  eighths: 12.5,
  ninth: 100 / 9,
  ninths: 100 / 9,
  tenth: 10,
  tenths: 10,
};

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

/** A number with the scale written after it: value = num.value * scale. */
export interface ScaledNumber {
  num: NumberToken;
  /** 1 when no scale was written (or the written number carries its own) */
  scale: number;
  value: number;
  end: number;
}

export interface ScaleOptions {
  /** a currency was written before the number: "$3m" is a million, "$3b" a billion */
  currency?: boolean;
  /**
   * A number and "m" with nothing after them but spaces are a million. This is how a
   * search query writes one ("1m"); in running text the claim assistant leaves it
   * unset, since "the wall is 3m" ends in metres as often as in millions.
   */
  mAtEnd?: boolean;
}

// Grouping by comma, or by (thin/no-break) space in groups of exactly three, as
// in "12 500". A space group must not run into more digits, or "in 2021 500
// people" could glue two numbers together. Indian grouping ("1,20,000", "12,34,56,789":
// pairs above the last three digits) is read too; it cannot be mistaken for a list,
// which would put a space after each comma.
const DIGITS = /(\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d,])|\d+)(\.\d+)?(?![\d])/y;

export function readDigits(text: string, pos: number): NumberToken | null {
  DIGITS.lastIndex = pos;
  const m = DIGITS.exec(text);
  if (!m) return null;
  // only a grouped number (5 characters at least) has separators to drop
  const clean = m[1]!.length > 4 ? m[0].replace(/[, \u00A0\u202F\u2009]/g, '') : m[0];
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
    value,
    end: last.e,
    kind,
    text: text.slice(pos, last.e),
    scaled,
    percent,
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
      // "two million five hundred thousand": units may follow a big scale
      if (last && !(prev in TENS_WORDS && (UNITS_WORDS[w] ?? 0) < 10) && prev !== 'hundred' && prev !== 'and' && !BIG_SCALES.has(prev)) break;
      current += UNITS_WORDS[w] ?? 0;
    } else if (TENS_WORDS[w] !== undefined) {
      if (last && prev !== 'hundred' && prev !== 'and' && !BIG_SCALES.has(prev)) break;
      current += TENS_WORDS[w] ?? 0;
    } else if (w === 'hundred' && last) {
      current = (current || 1) * 100;
    } else if (w === 'dozen' && last) {
      current = (current || 1) * 12;
    } else if (SCALE_WORDS[w] !== undefined && w !== 'hundred' && last) {
      // a scale right after a scale multiplies: "a thousand million" is a billion, "five lakh crore" 5e12
      if (current === 0 && total > 0) total *= SCALE_WORDS[w] ?? 1;
      else total += (current || 1) * (SCALE_WORDS[w] ?? 1);
      current = 0;
      scaled = true;
    } else if (w === 'and' && prev === 'hundred' && words[i + 1] && (words[i + 1]!.w in UNITS_WORDS || words[i + 1]!.w in TENS_WORDS)) {
      prev = w;
      continue;
    } else {
      break;
    }
    last = word;
    prev = w;
  }
  if (!last) return null;
  // "a" alone is no number: "a-million" stops at the dash
  if (last === w0 && (w0.w === 'a' || w0.w === 'an')) return null;
  return mk(total + current, last, 'words', scaled, false);
}

// "$1.2-billion" and "Rs 45,000-crore" (Canadian and Indian press) join the scale with a hyphen
const SCALE_WORD_RE = /[\s-]?(thousand|million|billion|trillion|lakhs?|crores?)(?![\p{L}])/iuy;
// "5k", "3mn", "3 mln", "1.5bn"; k only glued ("5 k" is rarely a thousand)
const ABBREV_RE = /(k|mn|mln|bn|bln|tn|trn)(?![\p{L}\p{N}])|\s(mn|mln|bn|bln|tn|trn)(?![\p{L}\p{N}])/iuy;
const M_RE = /\s?[mM](?![\p{L}\p{N}])/uy;
// "3m tonnes", "3m people": a counted noun after the m makes it a million ("300m deep" is metres)
const M_COUNTED = /\s+(?:(?:metric\s+)?tonnes?|tons?|barrels?|cubic|people|users|households|workers|residents|customers|units|vehicles|[a-z]+s)(?![\p{L}])/uy;
// ... unless the "noun" is a verb or function word ending in s ("the 3m is ...")
const M_NOT_COUNTED = /\s+(?:is|was|has|as|its|this|thus|across|towards|plus|minus)\b/y;
const M_END = /\s*$/y;
const B_RE = /[bB](?![\p{L}\p{N}])/uy;

/** Lower-case first letters of every scale word and abbreviation (t, m, b, l, c, k). */
const SCALE_FIRST = new Set([...'tmblck'].map((ch) => ch.charCodeAt(0)));

/** What \s matches in a regular expression. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * The scale written at `pos`, right after a number: up to two scale words ("million",
 * "lakh crore", "-billion"), or after digits an abbreviation ("k", "mn", "bn"...), "m" where it
 * means a million and "b" after a currency. Null when none is written.
 */
export function readScale(text: string, pos: number, digits: boolean, options: ScaleOptions = {}): { scale: number; end: number } | null {
  // Every scale starts with one of these letters, after at most one space: a cheap test
  // first, since most numbers have none (this runs for every number the index reads).
  let c = text.charCodeAt(pos);
  if (isSpace(c) || c === 0x2d) c = text.charCodeAt(pos + 1);
  if (!SCALE_FIRST.has(c | 0x20) && c !== 0x212a) return null; // U+212A Kelvin sign is a "k" to /iu
  let scale = 1;
  let q = pos;
  let sm: RegExpExecArray | null;
  for (let i = 0; i < 2 && (sm = stickyAt(SCALE_WORD_RE, text, q)); i++) {
    scale *= SCALE_WORDS[sm[1]!.toLowerCase()] ?? 1;
    q = SCALE_WORD_RE.lastIndex;
  }
  if (scale !== 1) return { scale, end: q };
  if (!digits) return null;
  if ((sm = stickyAt(ABBREV_RE, text, q))) return { scale: SCALE_ABBREVS[(sm[1] ?? sm[2])!.toLowerCase()] ?? 1, end: ABBREV_RE.lastIndex };
  if ((sm = stickyAt(M_RE, text, q))) {
    const after = M_RE.lastIndex;
    const million =
      options.currency === true || (stickyAt(M_COUNTED, text, after) !== null && stickyAt(M_NOT_COUNTED, text, after) === null) || (options.mAtEnd === true && stickyAt(M_END, text, after) !== null);
    return million ? { scale: 1e6, end: after } : null;
  }
  if (options.currency === true && stickyAt(B_RE, text, q)) return { scale: 1e9, end: B_RE.lastIndex };
  return null;
}

/** Rounds to 12 significant digits, so 1.1 * 1e6 is 1100000, not 1100000.0000000002. */
export function roundNumber(v: number): number {
  // Integers need no rounding (and toPrecision is slow enough to show in index builds).
  return Number.isSafeInteger(v) ? v : Number(v.toPrecision(12));
}

/** The number at `pos` (digits if a digit is there, else words) with its scale, or null. */
export function readNumber(text: string, pos: number, options: ScaleOptions = {}): ScaledNumber | null {
  const c = text.charCodeAt(pos);
  const digits = c >= 48 && c <= 57;
  const num = digits ? readDigits(text, pos) : readWordNumber(text, pos);
  if (!num) return null;
  const s = num.scaled || num.kind === 'fraction' ? null : readScale(text, num.end, digits, options);
  const scale = s?.scale ?? 1;
  return { num, scale, value: roundNumber(num.value * scale), end: s?.end ?? num.end };
}

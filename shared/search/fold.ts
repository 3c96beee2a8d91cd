/**
 * Folding and tokenizing: the one function that turns text into search terms.
 *
 * Documents and queries go through exactly this code, so whatever a person pastes
 * (from a PDF, an email, a web page) meets the indexed text on equal terms:
 * - case, diacritics (NFKD + strip marks, which also undoes PDF ligatures like "ﬁ")
 *   and compatibility forms are folded away;
 * - apostrophes (straight or curly) JOIN a word and are dropped: "don’t" = "don't"
 *   = "dont". Joining keeps "don't" from also matching a stray "t";
 * - soft hyphens vanish; every dash (- ‐ ‑ ‒ – — ― −) is the same character;
 * - a dash between two words, optionally followed by a line break ("hash-\nrate"),
 *   makes a compound: the parts are separate tokens (so "hash rate" matches) and
 *   the joined form ("hashrate", span 2) is indexed at the first part's position,
 *   so a word broken by PDF hyphenation is still found whole;
 * - whitespace of any kind only separates tokens;
 * - numbers become number terms (see numbers.ts): "70%", "70 percent" and
 *   "70 per cent" are one token "#70%"; "1,000,000", "1 million", "1m", "1 mln" and
 *   "one million" are "#1000000". The value is read by the notebook's one number reader
 *   (text/numbers.ts), the claim assistant's too, so a figure and its search term agree:
 *   "m" is a million after a currency ("$3m") or before a counted noun ("3m tonnes"),
 *   and at the very end of the text (a query typed as "3m"); "300m deep" is 300 and "m".
 *   Written numbers ("twenty-five", "a dozen") are numbers; fractions ("a quarter",
 *   "half") stay words, since only their context makes them shares.
 *   A percentage is also indexed as its plain number ("#70"), so the query "70" finds
 *   "70%" but the query "70%" does not find a bare 70.
 *
 * Positions count primary tokens; extra tokens (joined compounds, the plain alias of a
 * percentage) sit on the position of their first primary token and carry a span.
 */

import { numberTerm } from './numbers.ts';
import { isSpace, readNumber, roundNumber, TENS_WORDS, UNITS_WORDS } from '../text/numbers.ts';
import { CURRENCY_PREFIX } from '../claims/units.ts';

export interface Token {
  /** Folded term: a word, "#<value>[%]" for numbers. */
  term: string;
  /** Index of the first primary token this token covers. */
  pos: number;
  /** How many primary positions it covers (1 for ordinary tokens). */
  span: number;
  /** UTF-16 offsets of the token in the original text. */
  start: number;
  end: number;
  /** True for joined compounds and percentage aliases (not part of the folded text). */
  extra: boolean;
  /** For number tokens: numeric value and unit. */
  value?: number;
  unit?: '%' | '';
}

/** Longest compound (in parts) whose joined forms are indexed; more would bloat the index. */
export const MAX_SPAN = 8;

// A number (with optional thousands separators, decimals and an attached scale
// suffix like "1m"/"3.5bn"/"3mln") that is not glued to further letters, or else a
// word. Apostrophes between word characters stay inside the word. The raw match only
// finds where a number starts; its value and extent are the shared reader's
// (text/numbers.ts), which may take in more raws ("12 500", "3 mln", "two million").
const TOKEN_RE =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([kK]|[mMbB](?:[nN]|[lL][nN])?|[tT](?:[nN]|[rR][nN]))?(?![\p{L}\p{N}\p{M}])|[\p{L}\p{M}\p{N}\u00AD]+(?:['\u2019\u2018\u02BC][\p{L}\p{M}\p{N}\u00AD]+)*/gu;
// A currency written right before a number decides whether its "m" is a million ("$3m"):
// the claim assistant's own list of currency prefixes, looked for backwards.
const CURRENCY_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])${CURRENCY_PREFIX.source}$`, 'u');
/** Folded words a written number can start with ("a"/"an" only before a scale: "a million"). */
const NUMBER_FIRST = new Set(['half', ...Object.keys(UNITS_WORDS), ...Object.keys(TENS_WORDS)]);
// Length, first and last letter of each: a table lookup that turns away nearly every other
// word before the set is asked (hashing every word of a corpus for it cost ~15% of tokenizing).
const shapeOf = (w: string): number => (w.length << 14) | ((w.charCodeAt(0) & 127) << 7) | (w.charCodeAt(w.length - 1) & 127);
const NUMBER_SHAPES = new Uint8Array(10 << 14);
for (const w of [...NUMBER_FIRST, 'a', 'an']) NUMBER_SHAPES[shapeOf(w)] = 1;
const AFTER_A = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']);
const STRIP_RE = /[\p{M}\u00AD'\u2019\u2018\u02BC]/gu;
const DASH_GAP_RE = /^[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D][ \t]*(?:\n[ \t]*)?$/;
const WS_RE = /^\s+$/;
const PERCENT_GAP_RE = /^[ \t\u00A0]*%/;

/** Folds one word: lower case, no marks, no apostrophes or soft hyphens. */
export function foldWord(raw: string): string {
  // Fast path for plain ASCII words (most of any English corpus): no regex, and no
  // new string when the word is already lower case.
  let lower = true;
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) lower = false;
    else {
      plain = false;
      break;
    }
  }
  if (plain) return lower ? raw : raw.toLowerCase();
  // Lower-case before and after NFKD: "İ" lower-cases to i + combining dot (stripped),
  // and compatibility forms such as fullwidth "Ａ" only become "A" after NFKD.
  return raw.toLowerCase().normalize('NFKD').toLowerCase().replace(STRIP_RE, '');
}

interface Raw {
  start: number;
  end: number;
  num: boolean;
  text: string;
  digits?: string;
  suffix?: string;
}

/** An "m" or "b" at `pos`, after at most one space: what a currency before the number decides. */
function mOrBAt(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  if (isSpace(c)) c = text.charCodeAt(pos + 1);
  c |= 0x20;
  return c === 0x6d || c === 0x62;
}

/** A number read from raw tokens: its value, the last raw it covers, where unread glued letters start. */
interface NumberAt {
  value: number;
  last: number;
  tail?: number;
}

function rawOf(m: RegExpExecArray): Raw {
  const r: Raw = { start: m.index, end: m.index + m[0].length, num: m[1] !== undefined, text: m[0] };
  if (m[1] !== undefined) {
    r.digits = m[1];
    if (m[2] !== undefined) r.suffix = m[2];
  }
  return r;
}

/** Tokenizes text into primary and extra tokens (see module comment). */
export function tokenize(text: string): Token[] {
  const t = new Tokenizer(text);
  t.until(Infinity);
  return t.tokens;
}

/**
 * The tokenizer, resumable: `until(limit)` extends `tokens` so that it holds every
 * token starting before `limit`, exactly as `tokenize` would produce them (same
 * order, same positions), and usually little more. A hit's snippet only needs the
 * tokens up to its window, which for a long passage is a fraction of the text.
 *
 * It stops only before a word that does not join the previous one (or before a
 * number), with the compound group flushed: everything emitted later starts at or
 * after that word.
 */
export class Tokenizer {
  readonly tokens: Token[] = [];
  /** True once the whole text is tokenized. */
  done = false;
  private readonly raws: Raw[] = [];
  private scanAt = 0;
  private scanned = false;
  private i = 0;
  private pos = 0;
  // Current compound group: consecutive words joined by dashes.
  private group: Token[] = [];
  private prevWordRaw: Raw | undefined;

  constructor(readonly text: string) {}

  /** Raw match i, scanning lazily (own scan offset: tokenizers may interleave). */
  private raw(i: number): Raw | undefined {
    const raws = this.raws;
    while (raws.length <= i && !this.scanned) {
      TOKEN_RE.lastIndex = this.scanAt;
      const m = TOKEN_RE.exec(this.text);
      if (!m) {
        this.scanned = true;
        break;
      }
      this.scanAt = TOKEN_RE.lastIndex;
      raws.push(rawOf(m));
    }
    return raws[i];
  }

  private flush(): void {
    const group = this.group;
    if (group.length >= 2) {
      for (let i = 0; i < group.length; i++) {
        let joined = group[i]!.term;
        for (let j = i + 1; j < group.length && j - i < MAX_SPAN; j++) {
          joined += group[j]!.term;
          this.tokens.push({ term: joined, pos: group[i]!.pos, span: j - i + 1, start: group[i]!.start, end: group[j]!.end, extra: true });
        }
      }
    }
    this.group = [];
  }

  private wordAt(i: number): string | undefined {
    const r = this.raw(i);
    return r && !r.num ? foldWord(r.text) : undefined;
  }

  private gapIsSpace(a: Raw, b: Raw | undefined): boolean {
    return b !== undefined && WS_RE.test(this.text.slice(a.end, b.start));
  }

  /** Index of the raw (from i on) that ends exactly at `end`, or -1 when `end` falls inside one. */
  private rawEndingAt(i: number, end: number): number {
    for (let j = i; ; j++) {
      const x = this.raw(j);
      if (x === undefined || x.start >= end || x.end > end) return -1;
      if (x.end === end) return j;
    }
  }

  /**
   * The number whose digits start raw i, as the shared reader reads it (scale words and
   * abbreviations included); the last raw it covers. A reading that ends inside a raw
   * ("3 million's") keeps what ends on a raw; `tail` is where glued letters that are no
   * scale here start ("300m deep").
   */
  private digitsAt(i: number, r: Raw): NumberAt | undefined {
    const text = this.text;
    let n = readNumber(text, r.start, { mAtEnd: true });
    if (n === null) return undefined;
    // a currency only changes an "m" or "b" left unread: look for one before the number then
    if (n.scale === 1 && mOrBAt(text, n.end) && CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, r.start - 6), r.start))) {
      n = readNumber(text, r.start, { currency: true, mAtEnd: true })!;
    }
    let last = this.rawEndingAt(i, n.end);
    if (last >= 0) return { value: n.value, last };
    last = this.rawEndingAt(i, n.num.end);
    if (last >= 0) return { value: n.num.value, last };
    // "300m deep", "3b": the letters are no scale here; the number is the digits, as the
    // claim assistant reads them (300, in metres), and the letters a word of their own
    const value = roundNumber(Number(r.digits!.replace(/,/g, '')));
    return r.suffix === undefined ? { value, last: i } : { value, last: i, tail: r.start + r.digits!.length };
  }

  /** Whether the folded word at raw i may start a written number (a cheap test first). */
  private startsNumber(term: string, i: number): boolean {
    if (term.length > 2) return NUMBER_FIRST.has(term);
    if (term !== 'a' && term !== 'an') return false;
    const next = this.raw(i + 1);
    // every word a written number may start with "a" has 5 to 8 letters ("dozen" ... "thousand")
    return next !== undefined && !next.num && next.text.length >= 5 && next.text.length <= 8 && AFTER_A.has(foldWord(next.text));
  }

  /** A written number ("two million", "twenty-five", "a dozen") starting at raw i; fractions stay words. */
  private wordsAt(i: number, r: Raw): NumberAt | undefined {
    const n = readNumber(this.text, r.start, { mAtEnd: true });
    if (n === null || n.num.kind !== 'words') return undefined;
    let last = this.rawEndingAt(i, n.end);
    if (last >= 0) return { value: n.value, last };
    last = this.rawEndingAt(i, n.num.end);
    return last >= 0 ? { value: n.num.value, last } : undefined;
  }

  until(limit: number): void {
    if (this.done) return;
    const text = this.text;
    const out = this.tokens;
    for (;;) {
      const r = this.raw(this.i);
      if (r === undefined) break;
      let i = this.i;
      const term = r.num ? '' : foldWord(r.text);
      let n: NumberAt | undefined;
      if (r.num) n = this.digitsAt(i, r);
      else if (term.length <= 9 && NUMBER_SHAPES[shapeOf(term)] === 1 && this.startsNumber(term, i)) n = this.wordsAt(i, r);
      if (n !== undefined) {
        if (r.start >= limit) {
          this.flush();
          return;
        }
        this.flush();
        this.prevWordRaw = undefined;
        const value = n.value;
        i = n.last;
        let last = this.raw(i)!;
        let end = last.end;
        let unit: '%' | '' = '';
        const tail = n.tail;
        if (tail !== undefined) {
          out.push({ term: numberTerm(value, ''), pos: this.pos++, span: 1, start: r.start, end: tail, extra: false, value, unit });
          out.push({ term: foldWord(text.slice(tail, end)), pos: this.pos++, span: 1, start: tail, end, extra: false });
          this.i = i + 1;
          continue;
        }
        const nextStart = this.raw(i + 1)?.start ?? text.length;
        const pm = PERCENT_GAP_RE.exec(text.slice(end, nextStart));
        if (pm) {
          unit = '%';
          end += pm[0].length;
        } else {
          const w1 = this.wordAt(i + 1);
          if ((w1 === 'percent' || w1 === 'pct') && this.gapIsSpace(last, this.raw(i + 1))) {
            unit = '%';
            last = this.raw(++i)!;
            end = last.end;
          } else if (w1 === 'per' && this.wordAt(i + 2) === 'cent' && this.gapIsSpace(last, this.raw(i + 1)) && this.gapIsSpace(this.raw(i + 1)!, this.raw(i + 2))) {
            unit = '%';
            i += 2;
            end = this.raw(i)!.end;
          }
        }
        out.push({ term: numberTerm(value, unit), pos: this.pos, span: 1, start: r.start, end, extra: false, value, unit });
        if (unit === '%') out.push({ term: numberTerm(value, ''), pos: this.pos, span: 1, start: r.start, end, extra: true, value, unit: '' });
        this.pos++;
        this.i = i + 1;
        continue;
      }
      const word = term;
      if (word === '') {
        this.i = i + 1;
        continue;
      }
      let joins = false;
      const prevWordRaw = this.prevWordRaw;
      if (prevWordRaw !== undefined) {
        // Only a gap starting with a dash, or a word ending in a soft hyphen, can join.
        const g = text.charCodeAt(prevWordRaw.end);
        if (g === 0x2d || (g >= 0x2010 && g <= 0x2015) || g === 0x2212 || g === 0xfe63 || g === 0xff0d) {
          joins = DASH_GAP_RE.test(text.slice(prevWordRaw.end, r.start));
        } else if (text.charCodeAt(prevWordRaw.end - 1) === 0xad) {
          joins = WS_RE.test(text.slice(prevWordRaw.end, r.start));
        }
      }
      if (!joins) {
        this.flush();
        if (r.start >= limit) return;
      }
      const tok: Token = { term: word, pos: this.pos, span: 1, start: r.start, end: r.end, extra: false };
      this.group.push(tok);
      out.push(tok);
      this.prevWordRaw = r;
      this.pos++;
      this.i = i + 1;
    }
    this.flush();
    this.done = true;
  }
}

/**
 * The folded text: primary tokens in order, joined by "-" inside a compound and by a
 * single space otherwise; numbers in canonical form without the "#" ("70%", "1000000").
 * Used to show what the index "sees", and by tests as an independent oracle's input.
 */
export function foldText(text: string): string {
  let out = '';
  let prev: Token | undefined;
  const extras = new Set<number>();
  const toks = tokenize(text);
  for (const t of toks) if (t.extra && t.span === 2) extras.add(t.pos);
  for (const t of toks) {
    if (t.extra) continue;
    if (prev) out += extras.has(prev.pos) ? '-' : ' ';
    out += t.term.startsWith('#') ? t.term.slice(1) : t.term;
    prev = t;
  }
  return out;
}

/** Folds a tag path, filter value or status: case, marks, dashes, spaces; "/" stays. */
export function foldLabel(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .toLowerCase()
    .replace(STRIP_RE, '')
    .replace(/[\u2010-\u2015\u2212\uFE63\uFF0D]/g, '-')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/+|\/+$/g, '');
}

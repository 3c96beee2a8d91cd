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
 *   "70 per cent" are one token "#70%"; "1,000,000", "1 million", "1m" are "#1000000".
 *   A percentage is also indexed as its plain number ("#70"), so the query "70" finds
 *   "70%" but the query "70%" does not find a bare 70.
 *
 * Positions count primary tokens; extra tokens (joined compounds, the plain alias of a
 * percentage) sit on the position of their first primary token and carry a span.
 */

import { numberTerm, parseNumberLiteral, SCALE_WORDS } from './numbers.ts';

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
// suffix like "1m"/"3.5bn") that is not glued to further letters, or else a word.
// Apostrophes between word characters stay inside the word.
const TOKEN_RE =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(k|mn|m|bn|tn)?(?![\p{L}\p{N}\p{M}])|[\p{L}\p{M}\p{N}\u00AD]+(?:['\u2019\u2018\u02BC][\p{L}\p{M}\p{N}\u00AD]+)*/gu;
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

  until(limit: number): void {
    if (this.done) return;
    const text = this.text;
    const out = this.tokens;
    for (;;) {
      const r = this.raw(this.i);
      if (r === undefined) break;
      let i = this.i;
      if (r.num) {
        if (r.start >= limit) {
          this.flush();
          return;
        }
        this.flush();
        this.prevWordRaw = undefined;
        let value = parseNumberLiteral(r.digits!, r.suffix);
        let end = r.end;
        let last = r;
        if (r.suffix === undefined) {
          const w = this.wordAt(i + 1);
          const scale = w === undefined ? undefined : SCALE_WORDS[w];
          if (scale !== undefined && this.gapIsSpace(r, this.raw(i + 1))) {
            value *= scale;
            last = this.raw(++i)!;
            end = last.end;
          }
        }
        let unit: '%' | '' = '';
        const nextStart = this.raw(i + 1)?.start ?? text.length;
        const pm = PERCENT_GAP_RE.exec(text.slice(end, nextStart));
        if (pm) {
          unit = '%';
          end += pm[0].length;
        } else {
          const w1 = this.wordAt(i + 1);
          if ((w1 === 'percent' || w1 === 'pct') && this.gapIsSpace(last, this.raw(i + 1))) {
            unit = '%';
            end = this.raw(++i)!.end;
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
      const term = foldWord(r.text);
      if (term === '') {
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
      const tok: Token = { term, pos: this.pos, span: 1, start: r.start, end: r.end, extra: false };
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

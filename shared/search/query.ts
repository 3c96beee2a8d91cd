/**
 * The search query language: parses what a person types into clauses the index
 * evaluates. Parsing never throws; a malformed query (unclosed quote, empty filter,
 * unknown type, ">" without a number) comes back as { ok: false, error } with a
 * sentence that can be shown as is. SEARCH_HELP documents the language for the app's
 * help popover and `notebook search --help`; keep the two in step.
 *
 * Free words are folded and tokenized together (fold.ts), so "70 per cent" typed as
 * three words is still one number term and "hash-rate" is one compound clause.
 */

import { foldLabel, tokenize, type Token } from './fold.ts';
import { parseNumberLiteral, type NumberRange } from './numbers.ts';

export const DOC_TYPES = ['quote', 'claim', 'source', 'note', 'tag'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const SEARCH_HELP = `Search quotes, claims, notes, tags and source texts.

  solar curtailment     all words must appear (in any order); the last word also
                        matches as a prefix while you type ("curtail" finds "curtailment"),
                        unless it is already a common word by itself
  "exact phrase"        words in this order, next to each other (a phrase found in
                        very many places is counted as "at least N" results)
  -word  -"a phrase"    leave out results containing the word or phrase
  tag:energy/hash-rate  results tagged energy/hash-rate or any of its children
  source:<id or words>  results from that source (by id, or words of its title;
                        quote several words: source:"grid weekly")
  type:quote            only quotes; also claim, source, note, tag; type:quote|claim for either
  status:<value>        results with that status (e.g. status:disputed)
  -tag:x -type:y ...    filters can be excluded too

Numbers are matched as numbers: 70%, "70 percent" and "70 per cent" are the same,
so are 1,000,000, "1 million", "one million", "1 mln" and 1m (3m is a million where it
counts something: "$3m", "3m tonnes"; "300m deep" is metres). A bare 70 also finds 70%;
70% only finds percentages.
A quantity is one word to search: "70 per cent over" matches, "per cent over" does not.
  >50%  >=50%  <5%  <=5%   percentages in a range (without % any number)
  50-60%                   percentages from 50 to 60 inclusive

Forgiving matching: case, accents, curly or straight quotes and apostrophes
(don't = don’t), dashes of any kind, soft hyphens, line breaks and words hyphenated
across a line break are all ignored. hash-rate, "hash rate" and hashrate find each
other. Words of 5-8 letters tolerate one typo (a wrong, missing, extra or swapped
letter), 9 or more letters two; shorter words, numbers and words common in your notebook
are taken as typed. Words inside "quotes" must match exactly.`;

export interface WordClause {
  kind: 'word';
  term: string;
  /** As-you-type: also match longer words starting with `term`. */
  prefix: boolean;
  /** Edit distance allowed for typo tolerance (0 = exact). */
  maxEdits: number;
}
/** "hash-rate": the parts as a phrase, or the joined word. */
export interface CompoundClause {
  kind: 'compound';
  parts: string[];
  joined: string;
}
export interface PhraseClause {
  kind: 'phrase';
  terms: string[];
}
export interface RangeClause {
  kind: 'range';
  range: NumberRange;
}
export interface FilterClause {
  kind: 'filter';
  field: 'type' | 'tag' | 'source' | 'status';
  /** Alternatives (OR); folded except for `source`, which the index folds itself. */
  values: string[];
}
export type Clause = WordClause | CompoundClause | PhraseClause | RangeClause | FilterClause;

export interface ParsedQuery {
  /** Every clause must match. */
  required: Clause[];
  /** No clause may match. */
  excluded: Clause[];
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: string };

const QUOTES = '"\u201C\u201D\u201E\u00AB\u00BB';
const FILTER_RE = /(tag|source|type|status):/iy;
const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)(k|mn|mln|m|bn|bln|b|tn|trn)?`;
const CMP_RE = new RegExp(String.raw`^(>=|<=|>|<|\u2265|\u2264)${NUM}(%)?$`, 'i');
const BETWEEN_RE = new RegExp(String.raw`^${NUM}(%)?(?:-|\u2013|\u2014|\.\.)${NUM}(%)?$`, 'i');

/** Edit budget for a folded word: none for numbers and short words. */
export function editBudget(term: string): number {
  if (term.startsWith('#') || /\d/.test(term)) return 0;
  const n = [...term].length;
  return n >= 9 ? 2 : n >= 5 ? 1 : 0;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Primary tokens and compound groups of a text, as clauses. */
function textClauses(text: string): Clause[] {
  const toks = tokenize(text);
  const joinAt = new Map<number, Token>();
  for (const t of toks) {
    if (t.extra && t.span > 1 && (joinAt.get(t.pos)?.span ?? 0) < t.span) joinAt.set(t.pos, t);
  }
  const prim = toks.filter((t) => !t.extra);
  const out: Clause[] = [];
  for (let i = 0; i < prim.length; ) {
    const t = prim[i]!;
    const j = joinAt.get(t.pos);
    if (j) {
      out.push({ kind: 'compound', parts: prim.slice(i, i + j.span).map((p) => p.term), joined: j.term });
      i += j.span;
    } else {
      out.push({ kind: 'word', term: t.term, prefix: false, maxEdits: editBudget(t.term) });
      i++;
    }
  }
  return out;
}

function phraseTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.extra)
    .map((t) => t.term);
}

function parseRange(tok: string): RangeClause | undefined | 'bad' {
  const c = CMP_RE.exec(tok);
  if (c) {
    const v = parseNumberLiteral(c[2]!, c[3]);
    const unit = c[4] ? '%' : '';
    const op = c[1]!;
    const range: NumberRange =
      op === '>' || op === '>=' || op === '\u2265'
        ? { unit, min: v, max: Infinity, minInclusive: op !== '>', maxInclusive: true }
        : { unit, min: -Infinity, max: v, minInclusive: true, maxInclusive: op !== '<' };
    return { kind: 'range', range };
  }
  const b = BETWEEN_RE.exec(tok);
  if (b) {
    const lo = parseNumberLiteral(b[1]!, b[2]);
    const hi = parseNumberLiteral(b[4]!, b[5]);
    const unit = b[3] || b[6] ? '%' : '';
    return { kind: 'range', range: { unit, min: Math.min(lo, hi), max: Math.max(lo, hi), minInclusive: true, maxInclusive: true } };
  }
  return /^[<>\u2264\u2265]/.test(tok) ? 'bad' : undefined;
}

/** Parses a query; never throws. */
export function parseQuery(input: string): ParseResult {
  const q = input;
  const required: Clause[] = [];
  const excluded: Clause[] = [];
  let run: string[] = [];
  let lastWasFree = false;
  const flushRun = (): void => {
    if (run.length) required.push(...textClauses(run.join(' ')));
    run = [];
  };

  const readQuoted = (from: number): { text: string; next: number } | undefined => {
    for (let k = from + 1; k < q.length; k++) if (QUOTES.includes(q[k]!)) return { text: q.slice(from + 1, k), next: k + 1 };
    return undefined;
  };

  let i = 0;
  while (i < q.length) {
    if (isSpace(q[i])) {
      i++;
      continue;
    }
    const neg = q[i] === '-' && i + 1 < q.length && !isSpace(q[i + 1]);
    const j = neg ? i + 1 : i;
    const target = neg ? excluded : required;
    lastWasFree = false;

    if (QUOTES.includes(q[j]!)) {
      const r = readQuoted(j);
      if (!r) return { ok: false, error: `Unclosed quote: add a closing " after ${JSON.stringify(q.slice(j + 1))}.` };
      const terms = phraseTerms(r.text);
      if (terms.length === 0) return { ok: false, error: 'Empty phrase: put some words between the quotes.' };
      flushRun();
      target.push({ kind: 'phrase', terms });
      i = r.next;
      continue;
    }

    FILTER_RE.lastIndex = j;
    const fm = FILTER_RE.exec(q);
    if (fm) {
      const field = fm[1]!.toLowerCase() as FilterClause['field'];
      let v = j + fm[0].length;
      let raw: string;
      if (v < q.length && QUOTES.includes(q[v]!)) {
        const r = readQuoted(v);
        if (!r) return { ok: false, error: `Unclosed quote in ${field}: filter.` };
        raw = r.text;
        v = r.next;
      } else {
        const s = v;
        while (v < q.length && !isSpace(q[v])) v++;
        raw = q.slice(s, v);
      }
      const values = (field === 'source' ? [raw.trim()] : raw.split('|').map(foldLabel)).filter((x) => x !== '');
      if (values.length === 0) return { ok: false, error: `The ${field}: filter needs a value, e.g. ${field === 'type' ? 'type:quote' : field === 'tag' ? 'tag:energy' : field + ':…'}.` };
      if (field === 'type') {
        const bad = values.find((x) => !(DOC_TYPES as readonly string[]).includes(x));
        if (bad !== undefined) return { ok: false, error: `Unknown type "${bad}": use ${DOC_TYPES.join(', ')}.` };
      }
      flushRun();
      target.push({ kind: 'filter', field, values });
      i = v;
      continue;
    }

    let e = j;
    while (e < q.length && !isSpace(q[e])) e++;
    const word = q.slice(j, e);
    i = e;
    const range = parseRange(word);
    if (range === 'bad') return { ok: false, error: `"${word}" is not a number comparison: write e.g. >50%, <=10 or 50-60%.` };
    if (range) {
      flushRun();
      target.push(range);
      continue;
    }
    if (neg) {
      flushRun();
      const cs = textClauses(word);
      // Exclusions are exact: dropping results for a near-miss spelling would surprise.
      if (cs.length === 1) excluded.push(cs[0]!.kind === 'word' ? { ...cs[0]!, maxEdits: 0 } : cs[0]!);
      else if (cs.length > 1) excluded.push({ kind: 'phrase', terms: phraseTerms(word) });
      continue;
    }
    run.push(word);
    lastWasFree = true;
  }
  flushRun();

  const last = required[required.length - 1];
  if (lastWasFree && last?.kind === 'word' && !last.term.startsWith('#')) last.prefix = true;
  if (required.length === 0 && excluded.length > 0) {
    return { ok: false, error: 'Nothing to search for: add a word, phrase or filter besides the exclusions.' };
  }
  if (required.length === 0) return { ok: false, error: 'Nothing to search for: type a word, a "phrase in quotes" or a filter such as tag:energy.' };
  return { ok: true, query: { required, excluded } };
}

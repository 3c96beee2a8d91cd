/** Query planning: each clause of a parsed query becomes its alternatives (term lists, phrases, document sets) with a cost, and the terms to highlight. */

import { F } from './analyze.ts';
import type { Corpus } from './corpus.ts';
import { foldLabel, tokenize } from './fold.ts';
import { inRange, type NumberRange } from './numbers.ts';
import { Cursor, type PostingList } from './postings.ts';
import type { Clause } from './query.ts';
import type { HighlightSpec } from './snippet.ts';
import { lowerBound } from './vocab.ts';
import { ALL_TYPES, typeBits, WEIGHTS } from './weights.ts';

/**
 * Expansion limits: the last word's prefix completions and a word's typo variants
 * are each capped at the 50 most frequent, and a word found in at least 1% of the
 * documents is taken as typed (no completion or correction): it was meant as written,
 * and expanding "the" would cost the most while helping the least.
 */
const MAX_EXPANSIONS = 50;
/** Prefix candidates examined before picking the most frequent. */
const MAX_PREFIX_SCAN = 4000;
/** A word in at least this share of documents (and COMMON_MIN_DF of them) gets no prefix or typo expansion. */
const COMMON_SHARE = 0.01;
const COMMON_MIN_DF = 50;

export type Alt = { kind: 'term'; list: PostingList; term: string; weight: number } | { kind: 'phrase'; lists: PostingList[]; terms: string[]; weight: number } | { kind: 'docs'; docs: number[] };

export type TermAlt = Alt & { kind: 'term' };

export interface Plan {
  alts: Alt[];
  /** Postings (or documents) the alternatives read: clauses run cheapest first. */
  cost: number;
  highlight: HighlightSpec;
}

function topByDf(c: Corpus, terms: Iterable<string>, exclude: string): { term: string; list: PostingList }[] {
  const found: { term: string; list: PostingList }[] = [];
  for (const term of terms) {
    if (term === exclude) continue;
    const list = c.getList(term);
    if (list) found.push({ term, list });
  }
  found.sort((a, b) => b.list.df - a.list.df);
  return found.slice(0, MAX_EXPANSIONS);
}

function prefixTerms(c: Corpus, prefix: string): string[] {
  const v = c.words().values();
  const out: string[] = [];
  for (let i = lowerBound(v, prefix); i < v.length && out.length < MAX_PREFIX_SCAN; i++) {
    const t = v[i]!;
    if (!t.startsWith(prefix)) break;
    out.push(t);
  }
  return out;
}

function rangeTerms(c: Corpus, r: NumberRange): string[] {
  const vals = c.numbers(r.unit).values();
  const out: string[] = [];
  const from = r.min === -Infinity ? 0 : lowerBound(vals, r.min);
  for (let i = from; i < vals.length; i++) {
    const v = vals[i]!;
    if (v > r.max) break;
    if (inRange(r, v)) out.push(`#${v}${r.unit}`);
  }
  return out;
}

function phraseAlt(c: Corpus, terms: string[], weight: number): Alt | undefined {
  const ls: PostingList[] = [];
  for (const t of terms) {
    const l = c.getList(t);
    if (!l) return undefined;
    ls.push(l);
  }
  if (terms.length === 1) return { kind: 'term', list: ls[0]!, term: terms[0]!, weight };
  return { kind: 'phrase', lists: ls, terms, weight };
}

/** Live documents present in every one of the given (position-less) lists. */
function intersectDocs(corpus: Corpus, terms: string[]): number[] {
  const ls: PostingList[] = [];
  for (const t of terms) {
    const l = corpus.getList(t);
    if (!l) return [];
    ls.push(l);
  }
  ls.sort((a, b) => a.df - b.df);
  const [first, ...rest] = ls;
  const cursors = rest.map((l) => new Cursor(l));
  const out: number[] = [];
  const c0 = new Cursor(first!);
  outer: while (c0.next()) {
    if (!corpus.alive(c0.doc)) continue;
    for (const c of cursors) {
      if (!c.advanceTo(c0.doc)) break outer;
      if (c.doc !== c0.doc) continue outer;
    }
    out.push(c0.doc);
  }
  return out;
}

/** The alternatives one clause matches by, in this corpus; none when nothing can match it. */
export function plan(corpus: Corpus, c: Clause): Plan {
  const alts: Alt[] = [];
  const highlight: HighlightSpec = { terms: new Set(), phrases: [] };
  const addTerm = (term: string, list: PostingList | undefined, weight: number): void => {
    if (!list) return;
    alts.push({ kind: 'term', list, term, weight });
    highlight.terms.add(term);
  };
  switch (c.kind) {
    case 'word': {
      const exact = corpus.getList(c.term);
      addTerm(c.term, exact, WEIGHTS.exact);
      // A word that is common on its own was meant as typed: completing or
      // "correcting" it ("the" -> "their", "where" -> "there") would add noise and cost.
      if (exact && exact.df >= Math.max(COMMON_MIN_DF, corpus.live * COMMON_SHARE)) break;
      if (c.prefix) for (const x of topByDf(corpus, prefixTerms(corpus, c.term), c.term)) addTerm(x.term, x.list, WEIGHTS.prefix);
      if (c.maxEdits > 0) {
        const have = new Set(alts.map((a) => (a.kind === 'term' ? a.term : '')));
        for (const x of topByDf(corpus, corpus.buckets().near(c.term, c.maxEdits), c.term)) if (!have.has(x.term)) addTerm(x.term, x.list, WEIGHTS.fuzzy);
      }
      break;
    }
    case 'compound': {
      const p = phraseAlt(corpus, c.parts, WEIGHTS.exact);
      if (p) {
        alts.push(p);
        highlight.phrases.push(c.parts);
      }
      addTerm(c.joined, corpus.getList(c.joined), WEIGHTS.exact);
      break;
    }
    case 'phrase': {
      const p = phraseAlt(corpus, c.terms, WEIGHTS.phrase);
      if (p) {
        alts.push(p);
        if (p.kind === 'term') highlight.terms.add(p.term);
        else highlight.phrases.push(c.terms);
      }
      break;
    }
    case 'range':
      for (const t of rangeTerms(corpus, c.range)) addTerm(t, corpus.getList(t), WEIGHTS.range);
      break;
    case 'filter':
      for (const v of c.values) {
        if (c.field === 'source') {
          const id = foldLabel(v);
          const l = corpus.getList(`${F}src:${id}`);
          if (l) alts.push({ kind: 'term', list: l, term: '', weight: 0 });
          const words = tokenize(v).filter((t) => !t.extra);
          if (words.length)
            alts.push({
              kind: 'docs',
              docs: intersectDocs(
                corpus,
                words.map((t) => `${F}st:${t.term}`),
              ),
            });
        } else {
          const l = corpus.getList(`${F}${c.field}:${v}`);
          if (l) alts.push({ kind: 'term', list: l, term: '', weight: 0 });
        }
      }
      break;
  }
  let cost = 0;
  for (const a of alts) {
    cost += a.kind === 'term' ? a.list.df : a.kind === 'docs' ? a.docs.length : Math.min(...a.lists.map((l) => l.df));
  }
  return { alts, cost, highlight };
}

type TypeFilter = Clause & { kind: 'filter'; field: 'type' };
const isType = (c: Clause): c is TypeFilter => c.kind === 'filter' && c.field === 'type';

/**
 * type: filters become a bit mask checked per candidate, as long as some other
 * clause supplies the candidates; the other clauses are returned as they were.
 */
export function typeMask(required: Clause[], excluded: Clause[]): { required: Clause[]; excluded: Clause[]; mask: number } {
  if (!required.some((c) => !isType(c))) return { required, excluded, mask: ALL_TYPES };
  let mask = ALL_TYPES;
  for (const c of required) if (isType(c)) mask &= typeBits(c.values);
  for (const c of excluded) if (isType(c)) mask &= ~typeBits(c.values);
  return { required: required.filter((c) => !isType(c)), excluded: excluded.filter((c) => !isType(c)), mask };
}

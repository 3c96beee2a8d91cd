/**
 * The search index: one positional inverted index over quotes, claims, notes, tags
 * and source paragraphs, updated one document at a time.
 *
 * Documents get increasing internal numbers; each term's postings are a compact byte
 * list (postings.ts). Filters (type:, tag:, source:, status:) are indexed as
 * position-less terms in the same lists, so a filtered query intersects lists instead
 * of scanning documents. Side structures (vocab.ts) serve prefix, typo and number
 * range lookups without scanning the vocabulary or the postings.
 *
 * Query evaluation: each required clause becomes a set of alternatives (the exact
 * term, its prefix/typo expansions, a phrase, the joined form of a compound, the
 * number terms inside a range). Clauses run from the cheapest (fewest postings) to
 * the dearest, over dense per-document scratch arrays stamped with a query epoch, so
 * no per-query allocation scales with the corpus. Phrases are verified from
 * positions, only for documents that survived the cheaper clauses.
 *
 * The commonest query shapes skip that machinery (rank.ts): one term, one word with
 * its expansions, a word within filters (stamped filters, or a dense tf array for
 * very common words, dense.ts) and a lone phrase (candidates in order of a score
 * upper bound, so a phrase in a third of the corpus is not confirmed in every
 * document; its `total` is then a lower bound, see types.ts). Ties in score go to
 * the older document on every path (topk.ts).
 *
 * Expansion limits: the last word's prefix completions and a word's typo variants
 * are each capped at the 50 most frequent, and a word found in at least 1% of the
 * documents is taken as typed (no completion or correction): it was meant as written,
 * and expanding "the" would cost the most while helping the least.
 *
 * Ranking is BM25 (k1 = 1.2, b = 0.75) per matching term, times:
 *   exact word 1.0 · prefix completion 0.7 · typo match 0.4  (exact beats fuzzy)
 *   quoted phrase 1.5 (sum of its words' idf, phrase count as tf) · number range 1.0
 *   and per document type quote 1.25 · claim 1.25 · note 1.1 · tag 1.1 · source 1.0,
 * so a quote or claim that says the same thing outranks the raw passage it came from.
 */

import { foldLabel, tokenize } from './fold.ts';
import { inRange, parseNumberTerm, type NumberRange } from './numbers.ts';
import { buildDense, setDense, wantsDense } from './dense.ts';
import { DocTable } from './doc-table.ts';
import { decodeIndex, encodeIndex, REMOVED, type TextStore } from './persist.ts';
import { Cursor, PostingList } from './postings.ts';
import { DOC_TYPES, parseQuery, type Clause } from './query.ts';
import { PhraseMatcher } from './phrase.ts';
import { bm25 as bm25Of, Ranker, type DocTables } from './rank.ts';
import { highlight, type HighlightSpec } from './snippet.ts';
import type { TermLists } from './term-lists.ts';
import { TopK } from './topk.ts';
import type { DocType, SearchDoc, SearchHit, SearchHits, SearchOptions, SearchResult } from './types.ts';
import { LazySorted, LengthBuckets, lowerBound } from './vocab.ts';

export const WEIGHTS = {
  exact: 1,
  prefix: 0.7,
  fuzzy: 0.4,
  phrase: 1.5,
  range: 1,
  type: { quote: 1.25, claim: 1.25, note: 1.1, tag: 1.1, source: 1 } as Record<DocType, number>,
} as const;
/** Expansions kept per prefix or typo lookup (the most frequent ones): bounds latency for "t…". */
const MAX_EXPANSIONS = 50;
/** Prefix candidates examined before picking the most frequent. */
const MAX_PREFIX_SCAN = 4000;
const DEFAULT_LIMIT = 20;
/** A word in at least this share of documents (and COMMON_MIN_DF of them) gets no prefix or typo expansion. */
const COMMON_SHARE = 0.01;
const COMMON_MIN_DF = 50;

const ALL_TYPES = (1 << DOC_TYPES.length) - 1;
/** Upper bound on any stored type weight (as docW holds it, a float32). */
const MAX_TYPE_WEIGHT = Math.fround(Math.max(1, ...Object.values(WEIGHTS.type)));
const typeBits = (values: readonly string[]): number =>
  values.reduce((m, v) => m | (1 << Math.max(0, DOC_TYPES.indexOf(v as DocType))), 0);

/** Type weights by type code (index into DOC_TYPES). */
const TYPE_WEIGHTS = DOC_TYPES.map((t) => WEIGHTS.type[t]);

/** Marks filter terms; folded text never contains control characters. */
const F = '\u0001';

export interface SearchIndex {
  add(doc: SearchDoc): void;
  remove(id: string): boolean;
  update(doc: SearchDoc): void;
  has(id: string): boolean;
  search(query: string, opts?: SearchOptions): SearchHits;
  /** Like search, with the error as a value and the total number of matches. */
  run(query: string, opts?: SearchOptions): SearchResult;
  readonly size: number;
  /** The index as bytes (persist.ts), for `indexFromBytes`; `keyOf` names documents whose text is stored apart (doc-table.ts). */
  toBytes(keyOf?: TextStore['keyOf']): Uint8Array;
  /** Replaces the contents with a persisted index; the bytes are kept as they are (views, not copies). */
  fromBytes(bytes: Uint8Array, texts?: TextStore): void;
}

type Alt =
  | { kind: 'term'; list: PostingList; term: string; weight: number }
  | { kind: 'phrase'; lists: PostingList[]; terms: string[]; weight: number }
  | { kind: 'docs'; docs: number[] };

interface Plan {
  alts: Alt[];
  cost: number;
  highlight: HighlightSpec;
}

function filterTerms(doc: SearchDoc): string[] {
  const out = [`${F}type:${doc.type}`];
  for (const tag of doc.tags ?? []) {
    const parts = foldLabel(tag).split('/');
    for (let i = 1; i <= parts.length; i++) out.push(`${F}tag:${parts.slice(0, i).join('/')}`);
  }
  if (doc.sourceId !== undefined) out.push(`${F}src:${foldLabel(doc.sourceId)}`);
  if (doc.sourceTitle !== undefined) for (const t of tokenize(doc.sourceTitle)) if (!t.extra) out.push(`${F}st:${t.term}`);
  if (doc.status !== undefined && doc.status !== '') out.push(`${F}status:${foldLabel(doc.status)}`);
  return out;
}

/** Term -> packed positions (null for filter terms), plus the document length in tokens. */
function analyze(doc: SearchDoc): { terms: Map<string, number[] | null>; len: number } {
  const terms = new Map<string, number[] | null>();
  let len = 0;
  for (const t of tokenize(doc.text)) {
    if (!t.extra) len++;
    const packed = t.pos * 8 + (t.span - 1);
    const arr = terms.get(t.term);
    if (arr) {
      // Joined compounds are emitted after their parts: keep each list ascending.
      if (packed < arr[arr.length - 1]!) {
        arr.push(packed);
        arr.sort((a, b) => a - b);
      } else arr.push(packed);
    } else terms.set(t.term, [packed]);
  }
  for (const f of filterTerms(doc)) terms.set(f, null);
  return { terms, len };
}

function isWordTerm(term: string): boolean {
  return !term.startsWith('#') && !term.startsWith(F);
}

export function createIndex(): SearchIndex {
  let lists: TermLists | Map<string, PostingList> = new Map<string, PostingList>();
  let docs = new DocTable();
  // Per-document type weight in a flat array: 0 marks a removed document. Ranking
  // loops read it instead of dereferencing document objects scattered over the heap.
  let docW = new Float32Array(1024);
  // Per-document type code (index into DOC_TYPES), so type: filters are a bit test on
  // the candidates instead of a walk through a list holding a fifth of the corpus.
  let docT: Uint8Array = new Uint8Array(1024);
  // Document lengths again, typed: BM25 reads one per posting in the ranking loops.
  let docL: Uint32Array = new Uint32Array(1024);
  // Document id -> number; for a loaded index, built at the first add, remove or has.
  let idMap: Map<string, number> | null = new Map();
  const ids = (): Map<string, number> => {
    if (idMap) return idMap;
    idMap = new Map();
    for (let d = 0; d < docs.count; d++) {
      const id = alive(d) ? docs.idAt(d) : undefined;
      if (id !== undefined) idMap.set(id, d);
    }
    return idMap;
  };
  let live = 0;
  let totalLen = 0;
  let vocab = new LazySorted<string>();
  let buckets = new LengthBuckets();
  let numbers = { '%': new LazySorted<number>(), '': new LazySorted<number>() };

  // Per-query scratch, reused across queries and stamped with an epoch.
  let seen = new Uint32Array(0);
  let cnt = new Uint8Array(0);
  let acc = new Float64Array(0);
  let best = new Float64Array(0);
  let epoch = 0;

  const alive = (d: number): boolean => docW[d]! > 0;
  const setDoc = (d: number, doc: SearchDoc, len: number): void => {
    if (d >= docW.length) {
      const next = new Float32Array(Math.max(1024, d * 2));
      next.set(docW);
      docW = next;
      const nextT = new Uint8Array(next.length);
      nextT.set(docT);
      docT = nextT;
      const nextL = new Uint32Array(next.length);
      nextL.set(docL);
      docL = nextL;
    }
    docL[d] = len;
    docW[d] = WEIGHTS.type[doc.type] ?? 1;
    docT[d] = Math.max(0, DOC_TYPES.indexOf(doc.type));
  };

  // A loaded index fills the side structures from its terms at the first prefix,
  // typo or range lookup: a query that needs none of them never pays for them.
  let registered = true;
  const sides = (): void => {
    if (registered) return;
    registered = true;
    for (const term of lists.keys()) register(term);
  };
  const register = (term: string): void => {
    if (!registered) return;
    if (isWordTerm(term)) {
      vocab.add(term);
      if (term.length >= 4) buckets.add(term);
    } else if (term.startsWith('#')) {
      const n = parseNumberTerm(term);
      if (n) numbers[n.unit].add(n.value);
    }
  };

  const getList = (term: string): PostingList | undefined => {
    const l = lists.get(term);
    if (l && l.dead > l.df && l.dead > 8) l.compact(alive);
    return l;
  };
  /** A common term's dense tf array; a loaded index builds it at the first query that reads it. */
  const denseOf = (l: PostingList): Uint16Array | undefined => {
    if (!l.tfs && wantsDense(l, docs.count)) buildDense(l, docW.length);
    return l.tfs;
  };

  function add(doc: SearchDoc): void {
    if (ids().has(doc.id)) remove(doc.id);
    const { terms, len } = analyze(doc);
    const num = docs.push(doc);
    setDoc(num, doc, len);
    ids().set(doc.id, num);
    live++;
    totalLen += len;
    for (const [term, packed] of terms) {
      let l = lists.get(term);
      if (!l) {
        l = new PostingList();
        lists.set(term, l);
        register(term);
      }
      l.append(num, packed);
      if (packed) {
        if (l.tfs) setDense(l, num, packed.length);
        else if (wantsDense(l, docs.count)) buildDense(l, docW.length);
      }
    }
  }

  function remove(id: string): boolean {
    const num = ids().get(id);
    if (num === undefined) return false;
    const doc = docs.get(num)!;
    ids().delete(id);
    docs.clear(num);
    docW[num] = 0;
    live--;
    totalLen -= docL[num]!;
    docL[num] = 0;
    for (const term of analyze(doc).terms.keys()) {
      const l = lists.get(term);
      if (!l) continue;
      l.df--;
      l.dead++;
      if (l.df <= 0) lists.delete(term);
    }
    return true;
  }

  // ---- planning ----------------------------------------------------------------

  const idf = (df: number): number => Math.log(1 + (live - df + 0.5) / (df + 0.5));

  function topByDf(terms: Iterable<string>, exclude: string): { term: string; list: PostingList }[] {
    const found: { term: string; list: PostingList }[] = [];
    for (const term of terms) {
      if (term === exclude) continue;
      const list = getList(term);
      if (list) found.push({ term, list });
    }
    found.sort((a, b) => b.list.df - a.list.df);
    return found.slice(0, MAX_EXPANSIONS);
  }

  function prefixTerms(prefix: string): string[] {
    sides();
    const v = vocab.values();
    const out: string[] = [];
    for (let i = lowerBound(v, prefix); i < v.length && out.length < MAX_PREFIX_SCAN; i++) {
      const t = v[i]!;
      if (!t.startsWith(prefix)) break;
      out.push(t);
    }
    return out;
  }

  function rangeTerms(r: NumberRange): string[] {
    sides();
    const vals = numbers[r.unit].values();
    const out: string[] = [];
    const from = r.min === -Infinity ? 0 : lowerBound(vals, r.min);
    for (let i = from; i < vals.length; i++) {
      const v = vals[i]!;
      if (v > r.max) break;
      if (inRange(r, v)) out.push(`#${v}${r.unit}`);
    }
    return out;
  }

  function phraseAlt(terms: string[], weight: number): Alt | undefined {
    const ls: PostingList[] = [];
    for (const t of terms) {
      const l = getList(t);
      if (!l) return undefined;
      ls.push(l);
    }
    if (terms.length === 1) return { kind: 'term', list: ls[0]!, term: terms[0]!, weight };
    return { kind: 'phrase', lists: ls, terms, weight };
  }

  function plan(c: Clause): Plan {
    const alts: Alt[] = [];
    const highlight: HighlightSpec = { terms: new Set(), phrases: [] };
    const addTerm = (term: string, list: PostingList | undefined, weight: number): void => {
      if (!list) return;
      alts.push({ kind: 'term', list, term, weight });
      highlight.terms.add(term);
    };
    switch (c.kind) {
      case 'word': {
        const exact = getList(c.term);
        addTerm(c.term, exact, WEIGHTS.exact);
        // A word that is common on its own was meant as typed: completing or
        // "correcting" it ("the" -> "their", "where" -> "there") would add noise and cost.
        if (exact && exact.df >= Math.max(COMMON_MIN_DF, live * COMMON_SHARE)) break;
        if (c.prefix) for (const x of topByDf(prefixTerms(c.term), c.term)) addTerm(x.term, x.list, WEIGHTS.prefix);
        if (c.maxEdits > 0) {
          const have = new Set(alts.map((a) => (a.kind === 'term' ? a.term : '')));
          sides();
          for (const x of topByDf(buckets.near(c.term, c.maxEdits), c.term)) if (!have.has(x.term)) addTerm(x.term, x.list, WEIGHTS.fuzzy);
        }
        break;
      }
      case 'compound': {
        const p = phraseAlt(c.parts, WEIGHTS.exact);
        if (p) {
          alts.push(p);
          highlight.phrases.push(c.parts);
        }
        addTerm(c.joined, getList(c.joined), WEIGHTS.exact);
        break;
      }
      case 'phrase': {
        const p = phraseAlt(c.terms, WEIGHTS.phrase);
        if (p) {
          alts.push(p);
          if (p.kind === 'term') highlight.terms.add(p.term);
          else highlight.phrases.push(c.terms);
        }
        break;
      }
      case 'range':
        for (const t of rangeTerms(c.range)) addTerm(t, getList(t), WEIGHTS.range);
        break;
      case 'filter':
        for (const v of c.values) {
          if (c.field === 'source') {
            const id = foldLabel(v);
            const l = getList(`${F}src:${id}`);
            if (l) alts.push({ kind: 'term', list: l, term: '', weight: 0 });
            const words = tokenize(v).filter((t) => !t.extra);
            if (words.length) alts.push({ kind: 'docs', docs: intersectDocs(words.map((t) => `${F}st:${t.term}`)) });
          } else {
            const l = getList(`${F}${c.field}:${v}`);
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

  /** Live documents present in every one of the given (position-less) lists. */
  function intersectDocs(terms: string[]): number[] {
    const ls: PostingList[] = [];
    for (const t of terms) {
      const l = getList(t);
      if (!l) return [];
      ls.push(l);
    }
    ls.sort((a, b) => a.df - b.df);
    const [first, ...rest] = ls;
    const cursors = rest.map((l) => new Cursor(l));
    const out: number[] = [];
    const c0 = new Cursor(first!);
    outer: while (c0.next()) {
      if (!alive(c0.doc)) continue;
      for (const c of cursors) {
        if (!c.advanceTo(c0.doc)) break outer;
        if (c.doc !== c0.doc) continue outer;
      }
      out.push(c0.doc);
    }
    return out;
  }

  // ---- evaluation --------------------------------------------------------------

  function ensureScratch(): void {
    if (seen.length >= docs.count) return;
    const cap = Math.max(1024, docs.count * 2);
    seen = new Uint32Array(cap);
    cnt = new Uint8Array(cap);
    acc = new Float64Array(cap);
    best = new Float64Array(cap);
    epoch = 0;
  }

  const bm25 = (tf: number, d: number, avgdl: number): number => bm25Of(tf, docL[d]!, avgdl);

  const ranker = new Ranker();
  const matcher = new PhraseMatcher();
  const phraseCount = (cursors: Cursor[]): number => matcher.count(cursors);

  /**
   * Calls fn(doc, tf) for live documents matched by the alternative. With `only`
   * (ascending candidates), looks up just those documents, jumping through long lists
   * by skip pointers; without it, walks the whole list.
   */
  function forEachDoc(alt: Alt, only: readonly number[] | undefined, fn: (d: number, tf: number) => void): void {
    if (alt.kind === 'docs') {
      if (!only) {
        for (const d of alt.docs) fn(d, 1);
        return;
      }
      let i = 0;
      for (const d of only) {
        while (i < alt.docs.length && alt.docs[i]! < d) i++;
        if (alt.docs[i] === d) fn(d, 1);
      }
      return;
    }
    if (alt.kind === 'term') {
      const c = new Cursor(alt.list);
      if (only) {
        for (const d of only) {
          if (!c.advanceTo(d)) return;
          if (c.doc === d) fn(d, c.tf);
        }
      } else {
        while (c.next()) if (docW[c.doc]! > 0) fn(c.doc, c.tf);
      }
      return;
    }
    const cursors = alt.lists.map((l) => new Cursor(l));
    const verify = (d: number, skip: number): boolean => {
      for (let k = 0; k < cursors.length; k++) {
        if (k === skip) continue;
        const c = cursors[k]!;
        if (!c.advanceTo(d) || c.doc !== d) return false;
      }
      return true;
    };
    if (only) {
      for (const d of only) if (verify(d, -1)) {
        const n = phraseCount(cursors);
        if (n > 0) fn(d, n);
      }
      return;
    }
    // Drive the phrase from its rarest word; the others are only read up to each candidate.
    let driver = 0;
    for (let k = 1; k < alt.lists.length; k++) if (alt.lists[k]!.df < alt.lists[driver]!.df) driver = k;
    const dc = cursors[driver]!;
    while (dc.next()) {
      const d = dc.doc;
      if (!(docW[d]! > 0) || !verify(d, driver)) continue;
      const n = phraseCount(cursors);
      if (n > 0) fn(d, n);
    }
  }

  function altIdf(alt: Alt): number {
    if (alt.kind === 'term') return idf(alt.list.df);
    if (alt.kind === 'phrase') return alt.lists.reduce((s, l) => s + idf(l.df), 0);
    return 0;
  }

  /** Candidates that matched clause `i` (cnt === i + 1), ascending. */
  function survivors(cands: number[], ep: number, want: number, sorted: boolean): number[] {
    if (!sorted && cands.length * 16 > docs.count) {
      // Many unsorted candidates: reading the stamp array in order beats sorting them.
      const out: number[] = [];
      for (let d = 0; d < docs.count; d++) if (seen[d] === ep && cnt[d] === want) out.push(d);
      return out;
    }
    const out = cands.filter((d) => cnt[d] === want);
    if (!sorted) out.sort((a, b) => a - b);
    return out;
  }

  function run(query: string, opts: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    let { required, excluded } = parsed.query;
    if (required.length === 0) return { ok: true, hits: [], total: 0, totalExact: true };
    // type: filters become a bit mask checked per candidate, as long as some other
    // clause supplies the candidates.
    let mask = ALL_TYPES;
    const isType = (c: Clause): c is Clause & { kind: 'filter'; field: 'type' } => c.kind === 'filter' && c.field === 'type';
    if (required.some((c) => !isType(c))) {
      for (const c of required) if (isType(c)) mask &= typeBits(c.values);
      for (const c of excluded) if (isType(c)) mask &= ~typeBits(c.values);
      required = required.filter((c) => !isType(c));
      excluded = excluded.filter((c) => !isType(c));
      if (mask === 0) return { ok: true, hits: [], total: 0, totalExact: true };
    }
    const typeOk = (d: number): boolean => ((mask >> docT[d]!) & 1) === 1;
    if (required.length > 250 || excluded.length > 250) return { ok: false, error: 'Query too long: use fewer than 250 words or filters.' };
    const plans = required.map(plan);
    if (plans.some((p) => p.alts.length === 0)) return { ok: true, hits: [], total: 0, totalExact: true };
    const order = [...plans].sort((a, b) => a.cost - b.cost);

    ensureScratch();
    epoch++;
    if (epoch === 0xffffffff) {
      seen.fill(0);
      epoch = 1;
    }
    const ep = epoch;
    const avgdl = live > 0 ? Math.max(1, totalLen / live) : 1;
    const tables: DocTables = { docW, docT, docL, seen, cnt, acc, ep, count: docs.count, avgdl, maxW: MAX_TYPE_WEIGHT };

    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    const top = new TopK(limit);
    const offer = (d: number, s: number): void => top.offer(d, s);
    // limit 0 asks only for the count, so the count is exact then.
    const exactTotal = opts.exactTotal === true || limit === 0;
    const only = order.length === 1 && excluded.length === 0 ? order[0]!.alts : undefined;
    if (only && only.length === 1 && only[0]!.kind === 'phrase') {
      // One phrase and nothing else: no candidate bookkeeping needed either.
      const alt = only[0]!;
      const w = alt.weight * altIdf(alt);
      if (!exactTotal) {
        const total = ranker.phrase(tables, alt.lists, w, mask, top);
        return { ok: true, hits: finish(top, plans), total: total.count, totalExact: total.exact };
      }
      let total = 0;
      forEachDoc(alt, undefined, (d, tf) => {
        if (!typeOk(d)) return;
        total++;
        offer(d, (w * bm25(tf, d, avgdl) + 1e-6) * docW[d]!);
      });
      return { ok: true, hits: finish(top, plans), total, totalExact: true };
    }
    if (only && only.length === 1 && only[0]!.kind === 'term') {
      // One plain term, the commonest query: rank straight off the postings.
      const alt = only[0]!;
      const w = alt.weight * altIdf(alt);
      // Reading the term's own list is as fast as a pass over its dense array even for
      // "the"; but a single type filter (type:quote) smaller than the list leads instead.
      const tfs = mask !== ALL_TYPES && (mask & (mask - 1)) === 0 ? denseOf(alt.list) : undefined;
      const typeList = tfs ? getList(`${F}type:${DOC_TYPES[31 - Math.clz32(mask)]}`) : undefined;
      const total = tfs && typeList && typeList.df < alt.list.df ? ranker.denseIn(tables, typeList, tfs, w, mask, top) : ranker.term(tables, alt.list, w, mask, top);
      return { ok: true, hits: finish(top, plans), total, totalExact: true };
    }

    if (only && only.every((a) => a.kind === 'term')) {
      const terms = (only as (Alt & { kind: 'term' })[]).map((a) => ({ list: a.list, w: a.weight * altIdf(a) }));
      const total = ranker.union(tables, terms, mask, top);
      return { ok: true, hits: finish(top, plans), total, totalExact: true };
    }

    if (excluded.length === 0 && order.length > 1 && order.every((p) => p.alts.length === 1 && p.alts[0]!.kind === 'term')) {
      // Only plain terms and single-valued filters: a leapfrog intersection of the
      // lists (the rarest leads, the others jump by skip pointers), scored inline.
      const alts = order.map((p) => p.alts[0] as Alt & { kind: 'term' });
      const words = alts.filter((a) => a.weight > 0);
      const filters = alts.filter((a) => a.weight === 0);
      const word = words[0];
      const fdf = filters[0]?.list.df ?? 0;
      if (word && words.length === 1 && filters.length > 0 && (denseOf(word.list) || (fdf * 64 >= word.list.df && word.list.df * 16 >= fdf))) {
        // A word within filters of comparable size: stamp the filters in one tight pass,
        // then read the word's list (or look up its dense tfs along the rarest filter).
        // Only a size gap of more than an order of magnitude pays for leapfrogging.
        const w = word.weight * altIdf(word);
        const tfs = word.list.tfs;
        // `filters` come rarest first (plans are sorted by cost): the rarest leads.
        const rest = tfs ? filters.slice(1) : filters;
        ranker.stamp(
          tables,
          rest.map((f) => f.list),
        );
        const total = tfs ? ranker.denseIn(tables, filters[0]!.list, tfs, w, mask, top, rest.length) : ranker.term(tables, word.list, w, mask, top, rest.length);
        return { ok: true, hits: finish(top, plans), total, totalExact: true };
      }
      const cs = alts.map((a) => new Cursor(a.list));
      const ws = alts.map((a) => a.weight * altIdf(a));
      const lead = cs[0]!;
      let total = 0;
      let more = lead.next();
      while (more) {
        const d = lead.doc;
        let k = 1;
        for (; k < cs.length; k++) {
          const c = cs[k]!;
          if (!c.advanceTo(d)) {
            more = false;
            break;
          }
          if (c.doc !== d) break;
        }
        if (!more) break;
        if (k < cs.length) {
          more = lead.advanceTo(cs[k]!.doc);
          continue;
        }
        if (docW[d]! > 0 && typeOk(d)) {
          let sc = 1e-6;
          for (let j = 0; j < cs.length; j++) if (ws[j]! > 0) sc += ws[j]! * bm25(cs[j]!.tf, d, avgdl);
          total++;
          offer(d, sc * docW[d]!);
        }
        more = lead.next();
      }
      return { ok: true, hits: finish(top, plans), total, totalExact: true };
    }

    // Clause 0 (the cheapest) seeds the candidates; each later clause keeps those it matches.
    let cur: number[] = [];
    order.forEach((p, i) => {
      const only = i === 0 ? undefined : cur;
      // Look candidates up one by one only when they are far fewer than the postings.
      const lookup = only !== undefined && only.length * 8 < p.cost ? only : undefined;
      const onlyStamp = only !== undefined && lookup === undefined;
      for (const alt of p.alts) {
        const w = alt.kind === 'docs' ? 0 : alt.weight * altIdf(alt);
        forEachDoc(alt, lookup, (d, tf) => {
          if (onlyStamp && seen[d] !== ep) return;
          const s = w === 0 ? 0 : w * bm25(tf, d, avgdl);
          if (seen[d] !== ep) {
            seen[d] = ep;
            cnt[d] = 1;
            acc[d] = s;
            best[d] = s;
            cur.push(d);
          } else if (cnt[d] === i) {
            cnt[d] = i + 1;
            acc[d] = acc[d]! + s;
            best[d] = s;
          } else if (cnt[d] === i + 1 && s > best[d]!) {
            acc[d] = acc[d]! + s - best[d]!;
            best[d] = s;
          }
        });
      }
      const sorted = i > 0 || p.alts.length === 1;
      if (i > 0 || order.length > 1 || excluded.length > 0) cur = survivors(cur, ep, i + 1, sorted);
    });
    const n = order.length;
    for (const c of excluded) {
      const p = plan(c);
      const lookup = cur.length * 8 < p.cost ? cur : undefined;
      for (const alt of p.alts) forEachDoc(alt, lookup, (d) => {
        if (seen[d] === ep && cnt[d] === n) cnt[d] = 255;
      });
    }

    // Top-k by a bounded insertion list: k is small (tens), candidates may be 100k.
    let total = 0;
    for (const d of cur) {
      if (cnt[d] !== n || !typeOk(d)) continue;
      total++;
      offer(d, (acc[d]! + 1e-6) * docW[d]!);
    }
    return { ok: true, hits: finish(top, plans), total, totalExact: true };
  }

  function finish(top: TopK, plans: Plan[]): SearchHit[] {
    const spec: HighlightSpec = { terms: new Set(), phrases: [] };
    for (const p of plans) {
      for (const t of p.highlight.terms) spec.terms.add(t);
      spec.phrases.push(...p.highlight.phrases);
    }
    const scores = top.scores;
    return top.docs.map((d, i) => toHit(docs.get(d)!, scores[i]!, spec));
  }

  function toHit(doc: SearchDoc, score: number, spec: HighlightSpec): SearchHit {
    const { snippet, first } = highlight(doc.text, spec);
    const hit: SearchHit = { id: doc.id, type: doc.type, refId: doc.refId, score, snippet };
    if (doc.sourceId !== undefined) hit.sourceId = doc.sourceId;
    if (doc.sourceTitle !== undefined) hit.sourceTitle = doc.sourceTitle;
    if (doc.paragraph !== undefined) hit.paragraph = doc.paragraph;
    if (doc.offset !== undefined && first) hit.match = { start: doc.offset + first[0], end: doc.offset + first[1] };
    return hit;
  }

  // ---- persistence (persist.ts) ------------------------------------------------

  function toBytes(keyOf?: TextStore['keyOf']): Uint8Array {
    for (const l of lists.values()) if (l.dead > 0) l.compact(alive);
    const types = new Uint8Array(docs.count);
    for (let d = 0; d < docs.count; d++) types[d] = alive(d) ? docT[d]! : REMOVED;
    return encodeIndex({ docs, docT: types, docL, lists }, keyOf);
  }

  function fromBytes(bytes: Uint8Array, texts?: TextStore): void {
    const p = decodeIndex(bytes, texts);
    docs = p.docs;
    lists = p.lists;
    docT = p.docT;
    docL = p.docL;
    docW = new Float32Array(docT.length);
    vocab = new LazySorted();
    buckets = new LengthBuckets();
    numbers = { '%': new LazySorted(), '': new LazySorted() };
    idMap = null;
    live = 0;
    totalLen = 0;
    for (let d = 0; d < docs.count; d++) {
      const t = docT[d]!;
      if (t === REMOVED) {
        docT[d] = 0;
        docL[d] = 0;
        continue;
      }
      const w = TYPE_WEIGHTS[t];
      if (w === undefined) throw new Error('persisted search index holds an unknown document type');
      docW[d] = w;
      live++;
      totalLen += docL[d]!;
    }
    registered = false;
    seen = new Uint32Array(0);
  }

  return {
    add,
    remove,
    update: (doc) => add(doc),
    has: (id) => ids().has(id),
    search(query, opts) {
      const r = run(query, opts);
      if (r.ok) return r.hits;
      const empty: SearchHits = [];
      empty.error = r.error;
      return empty;
    },
    run,
    get size() {
      return live;
    },
    toBytes,
    fromBytes,
  };
}

/** Opens a persisted index (the output of `toBytes`); throws if the bytes are not one. */
export function indexFromBytes(bytes: Uint8Array, texts?: TextStore): SearchIndex {
  const idx = createIndex();
  idx.fromBytes(bytes, texts);
  return idx;
}

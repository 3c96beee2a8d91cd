/** Query execution: runs planned clauses over the corpus into a top k, by a dedicated kernel for the common query shapes and clause by clause otherwise. */

import { F } from './analyze.ts';
import type { Corpus } from './corpus.ts';
import { PhraseMatcher } from './phrase.ts';
import type { Alt, Plan, TermAlt } from './plan.ts';
import { Cursor } from './postings.ts';
import { DOC_TYPES } from './query.ts';
import { bm25, Ranker, type DocTables } from './rank.ts';
import { TopK } from './topk.ts';
import { ALL_TYPES, MAX_TYPE_WEIGHT } from './weights.ts';

/** One query's tables and result; the kernels fill `top` and say how many documents matched. */
interface Query {
  corpus: Corpus;
  t: DocTables;
  mask: number;
  top: TopK;
}

export interface Outcome {
  top: TopK;
  total: number;
  totalExact: boolean;
}

const typeOk = (q: Query, d: number): boolean => ((q.mask >> q.t.docT[d]!) & 1) === 1;
const idf = (q: Query, df: number): number => Math.log(1 + (q.corpus.live - df + 0.5) / (df + 0.5));

function altIdf(q: Query, alt: Alt): number {
  if (alt.kind === 'term') return idf(q, alt.list.df);
  if (alt.kind === 'phrase') return alt.lists.reduce((s, l) => s + idf(q, l.df), 0);
  return 0;
}

/**
 * Evaluates queries over dense per-document scratch arrays stamped with a query
 * epoch, so no per-query allocation scales with the corpus. Clauses run from the
 * cheapest (fewest postings) to the dearest; phrases are verified from positions,
 * only for documents that survived the cheaper clauses.
 *
 * The commonest query shapes skip that machinery (rank.ts): one term, one word with
 * its expansions, a word within filters (stamped filters, or a dense tf array for
 * very common words, dense.ts) and a lone phrase (candidates in order of a score
 * upper bound, so a phrase in a third of the corpus is not confirmed in every
 * document; its `total` is then a lower bound, see types.ts). Ties in score go to
 * the older document on every path (topk.ts).
 */
export class Executor {
  private seen = new Uint32Array(0);
  private cnt = new Uint8Array(0);
  private acc = new Float64Array(0);
  private best = new Float64Array(0);
  private epoch = 0;
  private readonly ranker = new Ranker();
  private readonly matcher = new PhraseMatcher();

  /** Frees the scratch (after the corpus was replaced). */
  reset(): void {
    this.seen = new Uint32Array(0);
  }

  private ensureScratch(count: number): void {
    if (this.seen.length >= count) return;
    const cap = Math.max(1024, count * 2);
    this.seen = new Uint32Array(cap);
    this.cnt = new Uint8Array(cap);
    this.acc = new Float64Array(cap);
    this.best = new Float64Array(cap);
    this.epoch = 0;
  }

  /**
   * Runs the planned clauses (`plans` as the query has them, each with alternatives),
   * minus documents matched by `excluded`, keeping documents whose type is in `mask`.
   * limit 0 asks only for the count, so the count is exact then.
   */
  run(corpus: Corpus, plans: Plan[], excluded: Plan[], mask: number, limit: number, exactTotal: boolean): Outcome {
    const order = [...plans].sort((a, b) => a.cost - b.cost);
    const { docs, docW, docT, docL, live, totalLen } = corpus;
    this.ensureScratch(docs.count);
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const avgdl = live > 0 ? Math.max(1, totalLen / live) : 1;
    const { seen, cnt, acc } = this;
    const t: DocTables = { docW, docT, docL, seen, cnt, acc, ep: this.epoch, count: docs.count, avgdl, maxW: MAX_TYPE_WEIGHT };
    const q: Query = { corpus, t, mask, top: new TopK(limit) };
    const result = (total: number, totalExact = true): Outcome => ({ top: q.top, total, totalExact });

    const only = order.length === 1 && excluded.length === 0 ? order[0]!.alts : undefined;
    if (only && only.length === 1 && only[0]!.kind === 'phrase') {
      const alt = only[0]!;
      if (exactTotal) return result(this.allPhrase(q, alt));
      const total = this.ranker.phrase(t, alt.lists, alt.weight * altIdf(q, alt), mask, q.top);
      return result(total.count, total.exact);
    }
    if (only && only.length === 1 && only[0]!.kind === 'term') return result(this.loneTerm(q, only[0]!));
    if (only?.every((a) => a.kind === 'term')) {
      const terms = (only as TermAlt[]).map((a) => ({ list: a.list, w: a.weight * altIdf(q, a) }));
      return result(this.ranker.union(t, terms, mask, q.top));
    }
    if (excluded.length === 0 && order.length > 1 && order.every((p) => p.alts.length === 1 && p.alts[0]!.kind === 'term')) {
      return result(
        this.allTerms(
          q,
          order.map((p) => p.alts[0] as TermAlt),
        ),
      );
    }
    return result(this.clauses(q, order, excluded));
  }

  /** One phrase and nothing else, every match counted: no candidate bookkeeping needed. */
  private allPhrase(q: Query, alt: Alt & { kind: 'phrase' }): number {
    const { docW, docL, avgdl } = q.t;
    const w = alt.weight * altIdf(q, alt);
    let total = 0;
    this.forEachDoc(q, alt, undefined, (d, tf) => {
      if (!typeOk(q, d)) return;
      total++;
      q.top.offer(d, (w * bm25(tf, docL[d]!, avgdl) + 1e-6) * docW[d]!);
    });
    return total;
  }

  /** One plain term, the commonest query: ranked straight off the postings. */
  private loneTerm(q: Query, alt: TermAlt): number {
    const { corpus, t, mask, top } = q;
    const w = alt.weight * altIdf(q, alt);
    // Reading the term's own list is as fast as a pass over its dense array even for
    // "the"; but a single type filter (type:quote) smaller than the list leads instead.
    const tfs = mask !== ALL_TYPES && (mask & (mask - 1)) === 0 ? corpus.denseOf(alt.list) : undefined;
    const typeList = tfs ? corpus.getList(`${F}type:${DOC_TYPES[31 - Math.clz32(mask)]}`) : undefined;
    return tfs && typeList && typeList.df < alt.list.df ? this.ranker.denseIn(t, typeList, tfs, w, mask, top) : this.ranker.term(t, alt.list, w, mask, top);
  }

  /**
   * Only plain terms and single-valued filters (`alts` cheapest first): a leapfrog
   * intersection of the lists (the rarest leads, the others jump by skip pointers),
   * scored inline.
   */
  private allTerms(q: Query, alts: TermAlt[]): number {
    const { corpus, t, mask, top } = q;
    const words = alts.filter((a) => a.weight > 0);
    const filters = alts.filter((a) => a.weight === 0);
    const word = words[0];
    const fdf = filters[0]?.list.df ?? 0;
    if (word && words.length === 1 && filters.length > 0 && (corpus.denseOf(word.list) || (fdf * 64 >= word.list.df && word.list.df * 16 >= fdf))) {
      // A word within filters of comparable size: stamp the filters in one tight pass,
      // then read the word's list (or look up its dense tfs along the rarest filter).
      // Only a size gap of more than an order of magnitude pays for leapfrogging.
      const w = word.weight * altIdf(q, word);
      const tfs = word.list.tfs;
      // `filters` come rarest first (plans are sorted by cost): the rarest leads.
      const rest = tfs ? filters.slice(1) : filters;
      this.ranker.stamp(
        t,
        rest.map((f) => f.list),
      );
      return tfs ? this.ranker.denseIn(t, filters[0]!.list, tfs, w, mask, top, rest.length) : this.ranker.term(t, word.list, w, mask, top, rest.length);
    }
    const { docW, docL, avgdl } = t;
    const cs = alts.map((a) => new Cursor(a.list));
    const ws = alts.map((a) => a.weight * altIdf(q, a));
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
      if (docW[d]! > 0 && typeOk(q, d)) {
        let sc = 1e-6;
        for (let j = 0; j < cs.length; j++) if (ws[j]! > 0) sc += ws[j]! * bm25(cs[j]!.tf, docL[d]!, avgdl);
        total++;
        top.offer(d, sc * docW[d]!);
      }
      more = lead.next();
    }
    return total;
  }

  /** The general case: clause 0 (the cheapest) seeds the candidates; each later clause keeps those it matches. */
  private clauses(q: Query, order: Plan[], excluded: Plan[]): number {
    const { docW, docL, avgdl, ep } = q.t;
    const { seen, cnt, acc, best } = this;
    let cur: number[] = [];
    order.forEach((p, i) => {
      const only = i === 0 ? undefined : cur;
      // Look candidates up one by one only when they are far fewer than the postings.
      const lookup = only !== undefined && only.length * 8 < p.cost ? only : undefined;
      const onlyStamp = only !== undefined && lookup === undefined;
      for (const alt of p.alts) {
        const w = alt.kind === 'docs' ? 0 : alt.weight * altIdf(q, alt);
        this.forEachDoc(q, alt, lookup, (d, tf) => {
          if (onlyStamp && seen[d] !== ep) return;
          const s = w === 0 ? 0 : w * bm25(tf, docL[d]!, avgdl);
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
      if (i > 0 || order.length > 1 || excluded.length > 0) cur = this.survivors(q, cur, i + 1, sorted);
    });
    const n = order.length;
    for (const p of excluded) {
      const lookup = cur.length * 8 < p.cost ? cur : undefined;
      for (const alt of p.alts)
        this.forEachDoc(q, alt, lookup, (d) => {
          if (seen[d] === ep && cnt[d] === n) cnt[d] = 255;
        });
    }

    // Top-k by a bounded insertion list: k is small (tens), candidates may be 100k.
    let total = 0;
    for (const d of cur) {
      if (cnt[d] !== n || !typeOk(q, d)) continue;
      total++;
      q.top.offer(d, (acc[d]! + 1e-6) * docW[d]!);
    }
    return total;
  }

  /** Candidates that matched clause `want - 1` (cnt === want), ascending. */
  private survivors(q: Query, cands: number[], want: number, sorted: boolean): number[] {
    const { seen, cnt } = this;
    const { ep, count } = q.t;
    if (!sorted && cands.length * 16 > count) {
      // Many unsorted candidates: reading the stamp array in order beats sorting them.
      const out: number[] = [];
      for (let d = 0; d < count; d++) if (seen[d] === ep && cnt[d] === want) out.push(d);
      return out;
    }
    const out = cands.filter((d) => cnt[d] === want);
    if (!sorted) out.sort((a, b) => a - b);
    return out;
  }

  /**
   * Calls fn(doc, tf) for live documents matched by the alternative. With `only`
   * (ascending candidates), looks up just those documents, jumping through long lists
   * by skip pointers; without it, walks the whole list.
   */
  private forEachDoc(q: Query, alt: Alt, only: readonly number[] | undefined, fn: (d: number, tf: number) => void): void {
    const docW = q.t.docW;
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
      for (const d of only)
        if (verify(d, -1)) {
          const n = this.matcher.count(cursors);
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
      const n = this.matcher.count(cursors);
      if (n > 0) fn(d, n);
    }
  }
}

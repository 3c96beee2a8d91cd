/**
 * Ranking kernels for the common query shapes, kept apart from the index's general
 * clause-by-clause evaluation (execute.ts). Each reads posting bytes directly
 * with inline varint decoding and per-document typed arrays: these loops run over
 * lists that can hold most of the corpus, where a method call or a JS array per
 * entry would dominate. Every kernel fills a TopK and returns the number of matches.
 *
 * The entry decoding (doc delta, tf, position byte length: the format of postings.ts,
 * whose Cursor is the reference reader) is therefore written out in each kernel.
 * Measured on kernel-bound queries ("the", "the type:quote", "th", "\"of the\"" over
 * the bench corpus, CPU time, old and new code interleaved in one process): reading
 * through a Cursor cost 5-13% more CPU, through one shared readEntry function (its
 * one-byte case inline, the rest in a varint function) 9-23% more. Keep it inline.
 *
 * BM25 (k1 = 1.2, b = 0.75) is computed by the one function below on every path, so a
 * document scores the same whichever kernel ranks it.
 */

import { PhraseMatcher } from './phrase.ts';
import { Cursor, type PostingList } from './postings.ts';
import type { TopK } from './topk.ts';

const K1 = 1.2;
const B = 0.75;

/** Score-bound groups for phrase ranking: fine enough that the best group holds few candidates. */
const PHRASE_BUCKETS = 256;
/** Candidates checked in bound order (each a skip-pointer seek) before falling back to one forward pass. */
const PHRASE_SEEK_BUDGET = 128;

/** Outcomes of checking one phrase candidate. */
const SKIPPED = 0;
const CHECKED = 1;
const MATCHED = 2;

export function bm25(tf: number, dl: number, avgdl: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * dl) / avgdl));
}

/** The index's per-document tables and per-query scratch, as one query sees them. */
export interface DocTables {
  /** Type weight per document; 0 marks a removed document. */
  docW: Float32Array;
  /** Type code per document (index into DOC_TYPES), tested against a type mask. */
  docT: Uint8Array;
  /** Length in tokens per document. */
  docL: Uint32Array;
  /** Scratch stamped with the query epoch `ep`; `cnt` counts filters, `acc` holds scores. */
  seen: Uint32Array;
  cnt: Uint8Array;
  acc: Float64Array;
  ep: number;
  /** Document numbers in use (live and removed). */
  count: number;
  avgdl: number;
  /** The largest type weight a document can have (an upper bound on docW). */
  maxW: number;
}

/** Term frequencies up to this get a length cut-off in denseIn; rarer larger ones are just scored. */
const CUT_TF = 15;

export class Ranker {
  private unionD = new Int32Array(1024);
  // Scratch for bound-ordered phrase ranking; grown on demand, never shrunk.
  private candD = new Int32Array(1024);
  private candU = new Float64Array(1024);
  private candOrder = new Int32Array(1024);
  private candDone = new Uint8Array(1024);
  private readonly bucketCount = new Int32Array(PHRASE_BUCKETS + 1);
  private readonly bucketMax = new Float64Array(PHRASE_BUCKETS);
  private readonly matcher = new PhraseMatcher();
  /** cuts[f]: longest document (in tokens) with tf f whose score could still reach the top k. */
  private readonly cuts = new Float64Array(CUT_TF + 1);

  /**
   * Fills `cuts` for the current floor of the top k. BM25 falls as a document grows,
   * so for each tf there is a length past which a document scores below the floor;
   * solving bm25(f, dl) >= need for dl gives it. The bound uses the largest type
   * weight and is loosened (relative 1e-6 plus one token), so rounding can only let a
   * document through to the exact check, never turn one away that would enter.
   */
  private setCuts(floor: number, w: number, maxW: number, avgdl: number): void {
    const cuts = this.cuts;
    const need = (floor / (maxW * (1 + 1e-6)) - 1e-6) / w;
    if (!(floor > 0) || !(need > 0) || !(w > 0)) {
      cuts.fill(Infinity);
      return;
    }
    for (let f = 1; f <= CUT_TF; f++) {
      const x = (f * (K1 + 1)) / need - f - K1 * (1 - B);
      const dl = (x * avgdl) / (K1 * B);
      cuts[f] = dl + Math.abs(dl) * 1e-6 + 1;
    }
  }

  /**
   * Stamps the documents in every one of the (position-less) filter lists: afterwards
   * seen[d] === ep and cnt[d] === lists.length exactly for those. A filter such as
   * tag:energy can hold a quarter of the corpus; stamping it in one tight pass and then
   * reading the word's list straight through costs less than leapfrogging two long
   * lists entry by entry.
   */
  stamp(t: DocTables, filters: PostingList[]): void {
    const { seen, cnt, ep } = t;
    for (let k = 0; k < filters.length; k++) {
      const list = filters[k]!;
      const b = list.buf;
      let p = list.base;
      const end = list.base + list.len;
      let doc = -1;
      while (p < end) {
        let x = b[p++]!;
        let v = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          v += (x & 0x7f) * mul;
        }
        doc += v;
        // Filter entries have tf 0 and no position block.
        x = b[p++]!;
        let tf = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          tf += (x & 0x7f) * mul;
        }
        if (tf > 0) {
          x = b[p++]!;
          let n = x & 0x7f;
          for (let mul = 128; x >= 0x80; mul *= 128) {
            x = b[p++]!;
            n += (x & 0x7f) * mul;
          }
          p += n;
        }
        if (k === 0) {
          seen[doc] = ep;
          cnt[doc] = 1;
        } else if (seen[doc] === ep && cnt[doc] === k) cnt[doc] = k + 1;
      }
    }
  }

  /**
   * Ranks one term's postings into `top`; returns the number of matching documents.
   * The varints are decoded inline: this loop reads every entry of lists that can hold
   * most of the corpus ("the"), so a method call per number would dominate. With
   * `need` > 0 only documents stamped with `ep` and `need` filter hits count
   * (stamp).
   */
  term(t: DocTables, list: PostingList, w: number, mask: number, top: TopK, need = 0): number {
    const { docW, docT, docL, seen, cnt, ep, avgdl } = t;
    const b = list.buf;
    let p = list.base;
    const end = list.base + list.len;
    let doc = -1;
    let total = 0;
    let floor = top.floor;
    while (p < end) {
      let x = b[p++]!;
      let v = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        v += (x & 0x7f) * mul;
      }
      doc += v;
      x = b[p++]!;
      let tf = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        tf += (x & 0x7f) * mul;
      }
      if (tf > 0) {
        x = b[p++]!;
        let n = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          n += (x & 0x7f) * mul;
        }
        p += n;
      }
      if (need > 0 && (seen[doc] !== ep || cnt[doc] !== need)) continue;
      const tw = docW[doc]!;
      if (!(tw > 0) || ((mask >> docT[doc]!) & 1) === 0) continue;
      total++;
      const sc = (w * bm25(tf, docL[doc]!, avgdl) + 1e-6) * tw;
      if (sc >= floor) {
        top.offer(doc, sc);
        floor = top.floor;
      }
    }
    return total;
  }

  /**
   * Ranks a term with a dense tf array (dense.ts) within the documents of a
   * position-less filter list (tag:, source:, type:): reads the filter's entries and
   * looks each tf up, instead of decoding the term's much longer list. With `need` > 0 a document must also carry
   * the stamps of the other filters.
   */
  denseIn(t: DocTables, lead: PostingList, tfs: Uint16Array, w: number, mask: number, top: TopK, need = 0): number {
    const { docW, docT, docL, seen, cnt, ep, avgdl, maxW } = t;
    const cuts = this.cuts;
    const b = lead.buf;
    let p = lead.base;
    const end = lead.base + lead.len;
    const n = tfs.length;
    let doc = -1;
    let total = 0;
    let floor = top.floor;
    this.setCuts(floor, w, maxW, avgdl);
    while (p < end) {
      let x = b[p++]!;
      let v = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        v += (x & 0x7f) * mul;
      }
      doc += v;
      x = b[p++]!;
      let tf = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        tf += (x & 0x7f) * mul;
      }
      if (tf > 0) {
        x = b[p++]!;
        let len = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          len += (x & 0x7f) * mul;
        }
        p += len;
      }
      if (doc >= n) break;
      const f = tfs[doc]!;
      if (f === 0) continue;
      if (need > 0 && (seen[doc] !== ep || cnt[doc] !== need)) continue;
      const tw = docW[doc]!;
      if (!(tw > 0) || ((mask >> docT[doc]!) & 1) === 0) continue;
      total++;
      // Most matches of a common word cannot enter the top k: one comparison, no division.
      const dl = docL[doc]!;
      if (f <= CUT_TF && dl > cuts[f]!) continue;
      const sc = (w * bm25(f, dl, avgdl) + 1e-6) * tw;
      if (sc >= floor) {
        top.offer(doc, sc);
        if (top.floor !== floor) {
          floor = top.floor;
          this.setCuts(floor, w, maxW, avgdl);
        }
      }
    }
    return total;
  }

  /**
   * One clause with several term alternatives and nothing else (a word with its prefix
   * completions and typo variants, a number range): a document scores its best
   * alternative. Each list is read once with inline decoding; the documents reached
   * are collected in a typed scratch array, not a growing JS array.
   */
  union(t: DocTables, terms: readonly { list: PostingList; w: number }[], mask: number, top: TopK): number {
    const { docW, docT, docL, seen, acc, ep, avgdl } = t;
    if (this.unionD.length < t.count) this.unionD = new Int32Array(t.count * 2);
    const unionD = this.unionD;
    let n = 0;
    for (const { list, w } of terms) {
      const b = list.buf;
      let p = list.base;
      const end = list.base + list.len;
      let doc = -1;
      while (p < end) {
        let x = b[p++]!;
        let v = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          v += (x & 0x7f) * mul;
        }
        doc += v;
        x = b[p++]!;
        let tf = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          tf += (x & 0x7f) * mul;
        }
        if (tf > 0) {
          x = b[p++]!;
          let len = x & 0x7f;
          for (let mul = 128; x >= 0x80; mul *= 128) {
            x = b[p++]!;
            len += (x & 0x7f) * mul;
          }
          p += len;
        }
        if (!(docW[doc]! > 0)) continue;
        const sc = w * bm25(tf, docL[doc]!, avgdl);
        if (seen[doc] !== ep) {
          seen[doc] = ep;
          acc[doc] = sc;
          unionD[n++] = doc;
        } else if (sc > acc[doc]!) acc[doc] = sc;
      }
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = unionD[i]!;
      if (((mask >> docT[d]!) & 1) === 0) continue;
      total++;
      top.offer(d, (acc[d]! + 1e-6) * docW[d]!);
    }
    return total;
  }

  /**
   * Top-k for a lone phrase without checking every document that has all its words.
   *
   * A phrase cannot occur in a document more often than any one of its words
   * (PhraseMatcher.count), so the rarest word's tf gives every candidate a score upper
   * bound straight from its postings. Candidates are grouped by bound and the best
   * groups are checked first, until the top k is full and no unchecked group can beat
   * it. Jumping between groups costs skip-pointer seeks, so after PHRASE_SEEK_BUDGET
   * checks the rest is checked in document order (one forward pass over every list),
   * still passing over candidates whose bound cannot enter the top k.
   *
   * Returns how many documents were confirmed to match: the exact total when every
   * candidate was checked, otherwise a lower bound.
   */
  phrase(t: DocTables, lists: readonly PostingList[], w: number, mask: number, top: TopK): { count: number; exact: boolean } {
    const { docW, docT, docL, avgdl } = t;
    let bi = 0;
    for (let k = 1; k < lists.length; k++) if (lists[k]!.df < lists[bi]!.df) bi = k;
    const bl = lists[bi]!;
    const cap = bl.df + bl.dead + 1;
    if (this.candD.length < cap) {
      this.candD = new Int32Array(cap * 2);
      this.candU = new Float64Array(cap * 2);
      this.candOrder = new Int32Array(cap * 2);
      this.candDone = new Uint8Array(cap * 2);
    }
    const { candD, candU, candOrder, candDone, bucketCount, bucketMax } = this;
    let n = 0;
    let maxU = 0;
    const b = bl.buf;
    let p = bl.base;
    const end = bl.base + bl.len;
    let d = -1;
    while (p < end && n < candD.length) {
      let x = b[p++]!;
      let v = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        v += (x & 0x7f) * mul;
      }
      d += v;
      x = b[p++]!;
      let tf = x & 0x7f;
      for (let mul = 128; x >= 0x80; mul *= 128) {
        x = b[p++]!;
        tf += (x & 0x7f) * mul;
      }
      if (tf > 0) {
        x = b[p++]!;
        let len = x & 0x7f;
        for (let mul = 128; x >= 0x80; mul *= 128) {
          x = b[p++]!;
          len += (x & 0x7f) * mul;
        }
        p += len;
      }
      const tw = docW[d]!;
      if (!(tw > 0) || ((mask >> docT[d]!) & 1) === 0) continue;
      const u = (w * bm25(tf, docL[d]!, avgdl) + 1e-6) * tw;
      candD[n] = d;
      candU[n] = u;
      candDone[n] = 0;
      if (u > maxU) maxU = u;
      n++;
    }
    // Counting sort by bound bucket (best first), document order kept inside a bucket.
    bucketCount.fill(0);
    bucketMax.fill(0);
    const scale = maxU > 0 ? (PHRASE_BUCKETS - 1) / maxU : 0;
    for (let i = 0; i < n; i++) {
      const u = candU[i]!;
      const bk = PHRASE_BUCKETS - 1 - Math.floor(u * scale);
      bucketCount[bk + 1]!++;
      if (u > bucketMax[bk]!) bucketMax[bk] = u;
    }
    for (let bk = 0; bk < PHRASE_BUCKETS; bk++) bucketCount[bk + 1]! += bucketCount[bk]!;
    const fill = bucketCount.slice(0, PHRASE_BUCKETS);
    for (let i = 0; i < n; i++) candOrder[fill[PHRASE_BUCKETS - 1 - Math.floor(candU[i]! * scale)]!++] = i;

    let count = 0;
    let skipped = false;
    let checks = 0;
    let finished = true;
    buckets: for (let bk = 0; bk < PHRASE_BUCKETS; bk++) {
      const from = bucketCount[bk]!;
      const to = bucketCount[bk + 1]!;
      if (from === to) continue;
      if (top.full && top.floor > bucketMax[bk]!) {
        // Every later bucket is below the floor as well.
        return { count, exact: false };
      }
      // Fresh cursors per bucket: candidates ascend inside a bucket, not across them.
      const cursors = lists.map((l) => new Cursor(l));
      for (let j = from; j < to; j++) {
        if (checks >= PHRASE_SEEK_BUDGET) {
          finished = false;
          break buckets;
        }
        const r = this.check(t, cursors, candOrder[j]!, w, top);
        if (r === SKIPPED) skipped = true;
        else checks++;
        if (r === MATCHED) count++;
      }
    }
    if (!finished) {
      const cursors = lists.map((l) => new Cursor(l));
      // Most candidates fail the bound here: test it inline, before any call.
      let floor = top.floor;
      let floorDoc = top.floorDoc;
      for (let i = 0; i < n; i++) {
        if (candDone[i] !== 0) continue;
        const u = candU[i]!;
        if (u < floor || (u === floor && candD[i]! > floorDoc)) {
          skipped = true;
          continue;
        }
        const r = this.check(t, cursors, i, w, top);
        if (r === SKIPPED) skipped = true;
        if (r === MATCHED) count++;
        floor = top.floor;
        floorDoc = top.floorDoc;
      }
    }
    return { count, exact: !skipped };
  }

  /**
   * Checks phrase candidate i (cursors stand before it) and offers it to the top k.
   * A method rather than a closure inside phrase(): a fresh closure per query would be
   * a new call target each time and throw away phrase()'s optimized code.
   */
  private check(t: DocTables, cursors: Cursor[], i: number, w: number, top: TopK): number {
    const d = this.candD[i]!;
    this.candDone[i] = 1;
    if (!top.admits(d, this.candU[i]!)) return SKIPPED;
    for (let k = 0; k < cursors.length; k++) {
      const ck = cursors[k]!;
      if (!ck.advanceTo(d) || ck.doc !== d) return CHECKED;
    }
    const m = this.matcher.count(cursors);
    if (m === 0) return CHECKED;
    top.offer(d, (w * bm25(m, t.docL[d]!, t.avgdl) + 1e-6) * t.docW[d]!);
    return MATCHED;
  }
}

/** The search index's contents: documents and their per-document tables, the term lists, the side structures, and their saving and loading. */

import { analyze, isWordTerm } from './analyze.ts';
import { buildDense, setDense, wantsDense } from './dense.ts';
import { DocTable } from './doc-table.ts';
import { parseNumberTerm } from './numbers.ts';
import { decodeIndex, encodeIndex, REMOVED, type TextStore } from './persist.ts';
import { PostingList } from './postings.ts';
import { DOC_TYPES } from './query.ts';
import type { TermLists } from './term-lists.ts';
import type { SearchDoc } from './types.ts';
import { LazySorted, LengthBuckets } from './vocab.ts';
import { TYPE_WEIGHTS, WEIGHTS } from './weights.ts';

/**
 * Documents get increasing internal numbers; each term's postings are a compact byte
 * list (postings.ts). Filters are indexed as position-less terms in the same lists
 * (analyze.ts). Side structures (vocab.ts) serve prefix, typo and number range
 * lookups without scanning the vocabulary or the postings.
 */
export class Corpus {
  lists: TermLists | Map<string, PostingList> = new Map<string, PostingList>();
  docs = new DocTable();
  // Per-document type weight in a flat array: 0 marks a removed document. Ranking
  // loops read it instead of dereferencing document objects scattered over the heap.
  docW = new Float32Array(1024);
  // Per-document type code (index into DOC_TYPES), so type: filters are a bit test on
  // the candidates instead of a walk through a list holding a fifth of the corpus.
  docT: Uint8Array = new Uint8Array(1024);
  // Document lengths again, typed: BM25 reads one per posting in the ranking loops.
  docL: Uint32Array = new Uint32Array(1024);
  /** Live documents, and their total length in tokens. */
  live = 0;
  totalLen = 0;
  // Document id -> number; for a loaded index, built at the first add, remove or has.
  private idMap: Map<string, number> | null = new Map();
  private vocab = new LazySorted<string>();
  private lengthBuckets = new LengthBuckets();
  private numberValues = { '%': new LazySorted<number>(), '': new LazySorted<number>() };
  // A loaded index fills the side structures from its terms at the first prefix,
  // typo or range lookup: a query that needs none of them never pays for them.
  private registered = true;

  readonly alive = (d: number): boolean => this.docW[d]! > 0;

  ids(): Map<string, number> {
    if (this.idMap) return this.idMap;
    const idMap = new Map<string, number>();
    for (let d = 0; d < this.docs.count; d++) {
      const id = this.alive(d) ? this.docs.idAt(d) : undefined;
      if (id !== undefined) idMap.set(id, d);
    }
    this.idMap = idMap;
    return idMap;
  }

  /** The sorted vocabulary of words (prefix lookups). */
  words(): LazySorted<string> {
    this.sides();
    return this.vocab;
  }

  /** Words of four letters or more by length (typo lookups). */
  buckets(): LengthBuckets {
    this.sides();
    return this.lengthBuckets;
  }

  /** The number values indexed, per unit (range lookups). */
  numbers(unit: '%' | ''): LazySorted<number> {
    this.sides();
    return this.numberValues[unit];
  }

  private sides(): void {
    if (this.registered) return;
    this.registered = true;
    for (const term of this.lists.keys()) this.register(term);
  }

  private register(term: string): void {
    if (!this.registered) return;
    if (isWordTerm(term)) {
      this.vocab.add(term);
      if (term.length >= 4) this.lengthBuckets.add(term);
    } else if (term.startsWith('#')) {
      const n = parseNumberTerm(term);
      if (n) this.numberValues[n.unit].add(n.value);
    }
  }

  private setDoc(d: number, doc: SearchDoc, len: number): void {
    if (d >= this.docW.length) {
      const next = new Float32Array(Math.max(1024, d * 2));
      next.set(this.docW);
      this.docW = next;
      const nextT = new Uint8Array(next.length);
      nextT.set(this.docT);
      this.docT = nextT;
      const nextL = new Uint32Array(next.length);
      nextL.set(this.docL);
      this.docL = nextL;
    }
    this.docL[d] = len;
    this.docW[d] = WEIGHTS.type[doc.type] ?? 1;
    this.docT[d] = Math.max(0, DOC_TYPES.indexOf(doc.type));
  }

  /** A term's list, compacted first when dead entries outnumber live ones. */
  getList(term: string): PostingList | undefined {
    const l = this.lists.get(term);
    if (l && l.dead > l.df && l.dead > 8) l.compact(this.alive);
    return l;
  }

  /** A common term's dense tf array; a loaded index builds it at the first query that reads it. */
  denseOf(l: PostingList): Uint16Array | undefined {
    if (!l.tfs && wantsDense(l, this.docs.count)) buildDense(l, this.docW.length);
    return l.tfs;
  }

  add(doc: SearchDoc): void {
    if (this.ids().has(doc.id)) this.remove(doc.id);
    const { terms, len } = analyze(doc);
    const num = this.docs.push(doc);
    this.setDoc(num, doc, len);
    this.ids().set(doc.id, num);
    this.live++;
    this.totalLen += len;
    for (const [term, packed] of terms) {
      let l = this.lists.get(term);
      if (!l) {
        l = new PostingList();
        this.lists.set(term, l);
        this.register(term);
      }
      l.append(num, packed);
      if (packed) {
        if (l.tfs) setDense(l, num, packed.length);
        else if (wantsDense(l, this.docs.count)) buildDense(l, this.docW.length);
      }
    }
  }

  remove(id: string): boolean {
    const num = this.ids().get(id);
    if (num === undefined) return false;
    const doc = this.docs.get(num)!;
    this.ids().delete(id);
    this.docs.clear(num);
    this.docW[num] = 0;
    this.live--;
    this.totalLen -= this.docL[num]!;
    this.docL[num] = 0;
    for (const term of analyze(doc).terms.keys()) {
      const l = this.lists.get(term);
      if (!l) continue;
      l.df--;
      l.dead++;
      if (l.df <= 0) this.lists.delete(term);
    }
    return true;
  }

  /** The contents as bytes (persist.ts); `keyOf` names documents whose text is stored apart. */
  toBytes(keyOf?: TextStore['keyOf']): Uint8Array {
    for (const l of this.lists.values()) if (l.dead > 0) l.compact(this.alive);
    const types = new Uint8Array(this.docs.count);
    for (let d = 0; d < this.docs.count; d++) types[d] = this.alive(d) ? this.docT[d]! : REMOVED;
    return encodeIndex({ docs: this.docs, docT: types, docL: this.docL, lists: this.lists }, keyOf);
  }

  /** Replaces the contents with a persisted index; the bytes are kept as they are (views, not copies). */
  fromBytes(bytes: Uint8Array, texts?: TextStore): void {
    const p = decodeIndex(bytes, texts);
    this.docs = p.docs;
    this.lists = p.lists;
    this.docT = p.docT;
    this.docL = p.docL;
    this.docW = new Float32Array(p.docT.length);
    this.vocab = new LazySorted();
    this.lengthBuckets = new LengthBuckets();
    this.numberValues = { '%': new LazySorted(), '': new LazySorted() };
    this.idMap = null;
    this.live = 0;
    this.totalLen = 0;
    const { docT, docL, docW } = this;
    for (let d = 0; d < this.docs.count; d++) {
      const t = docT[d]!;
      if (t === REMOVED) {
        docT[d] = 0;
        docL[d] = 0;
        continue;
      }
      const w = TYPE_WEIGHTS[t];
      if (w === undefined) throw new Error('persisted search index holds an unknown document type');
      docW[d] = w;
      this.live++;
      this.totalLen += docL[d]!;
    }
    this.registered = false;
  }
}

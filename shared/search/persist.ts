/**
 * The search index as bytes, for saving beside the notebook and loading in one read.
 *
 * Layout (all integers unsigned varints): magic "NBSI", version; the document count,
 * each document's type code (255: removed) and length in tokens; the documents
 * (doc-table.ts: decoded only on demand); the terms, sorted, as one string block;
 * per term its df, lastDoc + 1 and postings byte length; then all postings, concatenated.
 * The postings are the in-memory varint bytes as they are (postings.ts), so loading
 * makes each list a view into the file's buffer: nothing is decoded or copied until
 * a query reads it, or an edit makes it grow; a term's list object is made only when
 * a query asks for that term (term-lists.ts). Skip pointers and dense tf arrays are
 * rebuilt lazily, per list, by the first query that needs them.
 */

import { ByteReader, ByteWriter, StringBlock, writeStrings } from './bytes.ts';
import { DocTable, type TextStore } from './doc-table.ts';

export type { TextStore };
import type { PostingList } from './postings.ts';
import { TermLists } from './term-lists.ts';

const MAGIC = [0x4e, 0x42, 0x53, 0x49]; // "NBSI"
const VERSION = 1;
export const REMOVED = 255;

export interface IndexParts {
  docs: DocTable;
  /** Per document: type code, or REMOVED. */
  docT: Uint8Array;
  docL: Uint32Array;
  lists: TermLists | Map<string, PostingList>;
}

export function encodeIndex(p: IndexParts, keyOf?: TextStore['keyOf']): Uint8Array {
  const w = new ByteWriter();
  for (const b of MAGIC) w.u8(b);
  w.varint(VERSION);
  const n = p.docs.count;
  w.varint(n);
  for (let d = 0; d < n; d++) w.u8(p.docT[d]!);
  for (let d = 0; d < n; d++) w.varint(p.docL[d]!);
  p.docs.encode(w, keyOf);
  const terms = [...p.lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeStrings(w, terms);
  let total = 0;
  for (const t of terms) {
    const l = p.lists.get(t)!;
    w.varint(l.df);
    w.varint(l.lastDoc + 1);
    w.varint(l.len);
    total += l.len;
  }
  w.varint(total);
  for (const t of terms) w.bytes(p.lists.get(t)!.bytes());
  return w.result();
}

/** The parts of a persisted index; throws on anything that is not one, or is damaged. */
export function decodeIndex(bytes: Uint8Array, texts: TextStore = {}): IndexParts {
  const r = new ByteReader(bytes);
  if (bytes.length < 5 || MAGIC.some((b) => r.u8() !== b)) throw new Error('Not a persisted search index (format mismatch).');
  if (r.varint() !== VERSION) throw new Error('Not a persisted search index of this version (format mismatch).');
  const n = r.varint();
  const docT = new Uint8Array(Math.max(1024, n));
  docT.set(r.bytes(n));
  const docL = new Uint32Array(docT.length);
  for (let d = 0; d < n; d++) docL[d] = r.varint();
  const docs = DocTable.decode(r, texts);
  if (docs.count !== n) throw new Error('persisted search index has damaged documents');
  const terms = new StringBlock(r);
  const meta = new Float64Array(terms.length * 3);
  for (let i = 0; i < meta.length; i++) meta[i] = r.varint();
  const lists = TermLists.fromSaved(terms, meta, r.bytes(r.varint()));
  return { docs, docT, docL, lists };
}

/**
 * The index's documents by number: the ones added in this process as objects, the
 * ones loaded from a persisted index (persist.ts) as bytes decoded only when asked
 * for — a hit's snippet, or a removal that needs the document's terms. Loading an
 * index of 100,000s of documents thus decodes none of their texts.
 *
 * A persisted document is one record: type code, a flags byte saying which optional
 * fields follow, its strings as indexes into one shared block (ids, titles and tags
 * repeat across documents), and its text: inline as UTF-8, or — for a document that
 * is a stretch of a stored text (a source paragraph: its `offset` says where) — the
 * key of that text and the stretch's length, so the file does not hold a second copy
 * of every source. Such a text is read through the loader's `text(key)` when needed.
 */

import { ByteReader, ByteWriter, StringBlock, utf8Decode, writeStrings } from './bytes.ts';
import { DOC_TYPES } from './query.ts';
import type { SearchDoc } from './types.ts';

const HAS = { sourceId: 1, sourceTitle: 2, paragraph: 4, offset: 8, tags: 16, status: 32 } as const;
/** Flag: the text is a stretch [offset, offset + length) of the stored text named by a key. */
const EXTERNAL = 64;

/** How documents' texts may be stored apart (see the opening comment). */
export interface TextStore {
  /** On save: the key of the stored text this document is a stretch of, or undefined to keep it inline. */
  keyOf?: (doc: SearchDoc) => string | undefined;
  /** On load: the stored text with that key (throws if it cannot be read). */
  text?: (key: string) => string;
}

interface Loaded {
  strings: StringBlock;
  records: Uint8Array;
  /** Record d is records[start[d], start[d + 1]); empty for a removed document. */
  start: Uint32Array;
}

/** A document without its text, and where its text is: its bytes, or a stretch of a stored text. */
interface Fields {
  doc: Omit<SearchDoc, 'text'>;
  text: Uint8Array | { key: string; length: number };
}

export class DocTable {
  private loaded: Loaded | null = null;
  private texts: TextStore = {};
  private loadedCount = 0;
  /** Loaded documents decoded or removed since: by number. */
  private readonly touched = new Map<number, SearchDoc | null>();
  /** Documents added in this process, numbered from loadedCount on. */
  private readonly added: (SearchDoc | null)[] = [];

  get count(): number {
    return this.loadedCount + this.added.length;
  }

  /** Adds a document; returns its number. */
  push(doc: SearchDoc): number {
    this.added.push(doc);
    return this.count - 1;
  }

  clear(d: number): void {
    if (d >= this.loadedCount) this.added[d - this.loadedCount] = null;
    else this.touched.set(d, null);
  }

  get(d: number): SearchDoc | undefined {
    if (d >= this.loadedCount) return this.added[d - this.loadedCount] ?? undefined;
    const t = this.touched.get(d);
    if (t !== undefined) return t ?? undefined;
    const f = this.fields(d);
    if (!f) return undefined;
    const doc = { ...f.doc, text: this.textOf(f) } as SearchDoc;
    this.touched.set(d, doc);
    return doc;
  }

  /** The id of document d (without decoding its text), or undefined if removed. */
  idAt(d: number): string | undefined {
    if (d >= this.loadedCount || this.touched.has(d)) return this.get(d)?.id;
    const l = this.loaded!;
    if (l.start[d] === l.start[d + 1]) return undefined;
    // The id's string index follows the type and flags bytes.
    return l.strings.at(new ByteReader(l.records, l.start[d]! + 2, l.start[d + 1]!).varint());
  }

  private textOf(f: Fields): string {
    if (f.text instanceof Uint8Array) return utf8Decode(f.text);
    if (!this.texts.text) throw new Error('this search index keeps source texts apart: open it with their loader');
    const from = f.doc.offset ?? 0;
    const text = this.texts.text(f.text.key).slice(from, from + f.text.length);
    if (text.length !== f.text.length) throw new Error('a stored text is shorter than the search index says');
    return text;
  }

  private fields(d: number): Fields | null {
    const l = this.loaded!;
    const from = l.start[d]!;
    const to = l.start[d + 1]!;
    if (from === to) return null;
    const r = new ByteReader(l.records, from, to);
    const type = DOC_TYPES[r.u8()];
    if (!type) throw new Error('persisted search index holds an unknown document type');
    const flags = r.u8();
    const s = () => l.strings.at(r.varint());
    const doc: Omit<SearchDoc, 'text'> = { id: s(), type, refId: s() };
    if (flags & HAS.sourceId) doc.sourceId = s();
    if (flags & HAS.sourceTitle) doc.sourceTitle = s();
    if (flags & HAS.paragraph) doc.paragraph = r.varint();
    if (flags & HAS.offset) doc.offset = r.varint();
    if (flags & HAS.tags) doc.tags = Array.from({ length: r.varint() }, s);
    if (flags & HAS.status) doc.status = s();
    if (flags & EXTERNAL) return { doc, text: { key: s(), length: r.varint() } };
    return { doc, text: r.bytes(r.varint()) };
  }

  /** Writes every document (removed ones as empty records). */
  encode(w: ByteWriter, keyOf?: TextStore['keyOf']): void {
    const pool = new Map<string, number>();
    const ref = (s: string): number => {
      let i = pool.get(s);
      if (i === undefined) pool.set(s, (i = pool.size));
      return i;
    };
    const rec = new ByteWriter();
    const lens: number[] = [];
    // A loaded record is copied with its string indexes renumbered: one lookup per
    // distinct string rather than per use, and its text's bytes are never decoded.
    const l = this.loaded;
    const remap = new Int32Array(l?.strings.length ?? 0).fill(-1);
    const refLoaded = (i: number): number => (remap[i]! >= 0 ? remap[i]! : (remap[i] = ref(l!.strings.at(i))));
    for (let d = 0; d < this.count; d++) {
      const at = rec.length;
      if (d < this.loadedCount && !this.touched.has(d)) copyRecord(new ByteReader(l!.records, l!.start[d]!, l!.start[d + 1]!), rec, refLoaded);
      else {
        const doc = this.get(d);
        if (doc) {
          const key = doc.offset !== undefined ? keyOf?.(doc) : undefined;
          rec.u8(DOC_TYPES.indexOf(doc.type));
          let flags = key !== undefined ? EXTERNAL : 0;
          if (doc.sourceId !== undefined) flags |= HAS.sourceId;
          if (doc.sourceTitle !== undefined) flags |= HAS.sourceTitle;
          if (doc.paragraph !== undefined) flags |= HAS.paragraph;
          if (doc.offset !== undefined) flags |= HAS.offset;
          if (doc.tags !== undefined) flags |= HAS.tags;
          if (doc.status !== undefined) flags |= HAS.status;
          rec.u8(flags);
          rec.varint(ref(doc.id));
          rec.varint(ref(doc.refId));
          if (doc.sourceId !== undefined) rec.varint(ref(doc.sourceId));
          if (doc.sourceTitle !== undefined) rec.varint(ref(doc.sourceTitle));
          if (doc.paragraph !== undefined) rec.varint(doc.paragraph);
          if (doc.offset !== undefined) rec.varint(doc.offset);
          if (doc.tags !== undefined) {
            rec.varint(doc.tags.length);
            for (const t of doc.tags) rec.varint(ref(t));
          }
          if (doc.status !== undefined) rec.varint(ref(doc.status));
          if (key !== undefined) {
            rec.varint(ref(key));
            rec.varint(doc.text.length);
          } else rec.text(doc.text);
        }
      }
      lens.push(rec.length - at);
    }
    writeStrings(w, [...pool.keys()]);
    w.varint(lens.length);
    for (const n of lens) w.varint(n);
    const bytes = rec.result();
    w.varint(bytes.length);
    w.bytes(bytes);
  }

  /** A table over persisted records (a view of the bytes: nothing is decoded yet). */
  static decode(r: ByteReader, texts: TextStore = {}): DocTable {
    const strings = new StringBlock(r);
    const n = r.varint();
    const start = new Uint32Array(n + 1);
    let at = 0;
    for (let d = 0; d < n; d++) {
      start[d] = at;
      at += r.varint();
    }
    start[n] = at;
    const records = r.bytes(r.varint());
    if (records.length !== at) throw new Error('persisted search index has damaged documents');
    const t = new DocTable();
    t.texts = texts;
    t.loaded = { strings, records, start };
    t.loadedCount = n;
    return t;
  }
}

/** Copies one persisted record (empty for a removed document), renumbering its strings. */
function copyRecord(r: ByteReader, w: ByteWriter, ref: (i: number) => number): void {
  if (r.pos === r.end) return;
  w.u8(r.u8());
  const flags = r.u8();
  w.u8(flags);
  const str = () => w.varint(ref(r.varint()));
  const num = () => w.varint(r.varint());
  str(); // id
  str(); // refId
  if (flags & HAS.sourceId) str();
  if (flags & HAS.sourceTitle) str();
  if (flags & HAS.paragraph) num();
  if (flags & HAS.offset) num();
  if (flags & HAS.tags) {
    const n = r.varint();
    w.varint(n);
    for (let i = 0; i < n; i++) str();
  }
  if (flags & HAS.status) str();
  if (flags & EXTERNAL) {
    str(); // the text's key
    num(); // its length
  } else {
    const n = r.varint();
    w.varint(n);
    w.bytes(r.bytes(n));
  }
}

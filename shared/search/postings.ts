/**
 * Compact positional posting lists: one growable byte buffer per term.
 *
 * Each entry is varint(docDelta) varint(tf) [varint(byteLength) positions...], where
 * positions are delta-encoded packed values pos*8 + (span-1) (span = how many token
 * positions a joined compound covers, at most 8). Doc numbers only ever grow (an
 * updated document gets a new number), so appending keeps deltas valid and adding a
 * document never rewrites existing postings. Removed documents stay in the bytes as
 * dead entries that readers skip; a list is compacted on its own once dead entries
 * outnumber live ones, so the cost of a removal is paid locally, never as a rebuild.
 *
 * The byte length before each position block lets doc-level operations (intersecting
 * filters, counting matches) skip positions without decoding them. Filter terms
 * (type:, tag:, ...) use tf = 0 and store no positions.
 *
 * Typical cost: 1-2 bytes per position, 2-3 bytes per (term, doc) pair.
 */

/**
 * Byte arena: lists live in shared 1 MB pages instead of one ArrayBuffer each. Tens of
 * thousands of tiny ArrayBuffers (most terms are rare) cost ~100 bytes of overhead
 * apiece and make garbage collection slow during a bulk build. A growing list moves
 * to a fresh region twice its size; the old region is simply abandoned (bounded by
 * the list's own size, as with any doubling buffer) and freed when its page is.
 */
const PAGE = 1 << 20;
let page = new Uint8Array(PAGE);
let pageUsed = 0;
function alloc(size: number): { buf: Uint8Array; base: number } {
  if (size > PAGE / 16) return { buf: new Uint8Array(size), base: 0 };
  if (pageUsed + size > PAGE) {
    page = new Uint8Array(PAGE);
    pageUsed = 0;
  }
  const base = pageUsed;
  pageUsed += size;
  return { buf: page, base };
}

export class PostingList {
  /** Storage: bytes [base, base + len) of buf; capacity cap. */
  buf: Uint8Array;
  base = 0;
  cap = 0;
  len = 0;
  lastDoc = -1;
  /** Live documents containing the term. */
  df = 0;
  /** Entries of removed documents still in the bytes. */
  dead = 0;
  /** Entries in the bytes (live and dead). */
  entries = 0;
  /**
   * Skip pointers, one per SKIP entries: the doc number before entry (i+1)*SKIP and
   * that entry's byte offset (relative to base). They let an intersection with a rare
   * term jump through a long list instead of decoding every entry. Rebuilt by a scan
   * when missing (after loading from bytes or compacting), kept up to date by append.
   */
  skipDoc: number[] | undefined = [];
  skipOff: number[] = [];
  /**
   * For the few terms found in a large share of all documents ("the", "said"): the
   * tf of every document number (0 = absent), kept by the index (dense.ts). Ranking
   * such a term then reads a flat array instead of decoding its long list.
   */
  tfs: Uint16Array | undefined = undefined;

  /** A new empty list, or a view of persisted bytes (nothing copied until it grows). */
  constructor(bytes?: { buf: Uint8Array; base: number; len: number }, lastDoc = -1, df = 0) {
    if (bytes) {
      this.buf = bytes.buf;
      this.base = bytes.base;
      this.len = this.cap = bytes.len;
      this.skipDoc = undefined;
    } else {
      const r = alloc(8);
      this.buf = r.buf;
      this.base = r.base;
      this.cap = 8;
    }
    this.lastDoc = lastDoc;
    this.df = df;
  }

  /** Skip pointers, rebuilding them by a header scan if they are missing. */
  skips(): { doc: number[]; off: number[] } {
    if (!this.skipDoc) {
      const doc: number[] = [];
      const off: number[] = [];
      const c = new Cursor(this, false);
      let n = 0;
      let prev = -1;
      while (c.next()) {
        if (n > 0 && n % SKIP === 0) {
          doc.push(prev);
          off.push(c.offset - this.base);
        }
        n++;
        prev = c.doc;
      }
      this.entries = n;
      this.skipDoc = doc;
      this.skipOff = off;
    }
    return { doc: this.skipDoc, off: this.skipOff };
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.cap) return;
    let cap = Math.max(16, this.cap * 2);
    while (cap < this.len + extra) cap *= 2;
    // Grow by 1.5x past 64 KB: big lists are few, and doubling them wastes the most.
    // "| 0" keeps the field a small integer: a float here would give big lists another
    // hidden class than small ones and deoptimize every loop that reads both.
    if (this.cap > 65536) cap = Math.max(this.len + extra, (this.cap * 1.5) | 0);
    const r = alloc(cap);
    r.buf.set(this.buf.subarray(this.base, this.base + this.len), r.base);
    this.buf = r.buf;
    this.base = r.base;
    this.cap = cap;
  }

  private put(v: number): void {
    const b = this.buf;
    const base = this.base;
    while (v >= 0x80) {
      b[base + this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    b[base + this.len++] = v;
  }

  /** Appends one document; `packed` holds pos*8+(span-1) values in ascending order. */
  append(doc: number, packed: readonly number[] | null): void {
    const tf = packed ? packed.length : 0;
    let bytes = 0;
    if (packed) {
      let prev = 0;
      for (const v of packed) {
        bytes += varintSize(v - prev);
        prev = v;
      }
    }
    this.ensure(15 + bytes + 5);
    if (this.skipDoc) {
      if (this.entries > 0 && this.entries % SKIP === 0) {
        this.skipDoc.push(this.lastDoc);
        this.skipOff.push(this.len);
      }
      this.entries++;
    }
    this.put(doc - this.lastDoc);
    this.put(tf);
    if (packed && tf > 0) {
      this.put(bytes);
      let prev = 0;
      for (const v of packed) {
        this.put(v - prev);
        prev = v;
      }
    }
    this.lastDoc = doc;
    this.df++;
  }

  /** Rewrites the list without entries of dead documents. */
  compact(isAlive: (doc: number) => boolean): void {
    const out = new PostingList();
    const c = new Cursor(this, false);
    while (c.next()) {
      if (!isAlive(c.doc)) continue;
      const n = c.posEnd - c.posStart;
      out.ensure(15 + n);
      out.put(c.doc - out.lastDoc);
      out.put(c.tf);
      if (c.tf > 0) {
        out.put(n);
        out.buf.set(this.buf.subarray(c.posStart, c.posEnd), out.base + out.len);
        out.len += n;
      }
      out.lastDoc = c.doc;
    }
    this.buf = out.buf;
    this.base = out.base;
    this.cap = out.cap;
    this.len = out.len;
    this.lastDoc = out.lastDoc;
    this.dead = 0;
    this.skipDoc = undefined;
  }

  /** The used bytes (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(this.base, this.base + this.len);
  }
}

/** Entries between skip pointers: small enough to jump close, large enough to cost little memory. */
const SKIP = 64;

export function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** Sequential reader over one list (dead documents included: the caller skips them). */
export class Cursor {
  private p = 0;
  doc = -1;
  tf = 0;
  posStart = 0;
  posEnd = 0;
  private readonly buf: Uint8Array;
  private readonly len: number;
  private readonly base: number;
  private readonly skipDoc: number[] | undefined;
  private readonly skipOff: number[] | undefined;
  /** Byte offset (in buf) of the current entry's header. */
  offset = 0;

  constructor(list: PostingList, useSkips = true) {
    this.buf = list.buf;
    this.base = list.base;
    this.p = list.base;
    this.len = list.base + list.len;
    if (useSkips && list.df >= SKIP * 2) {
      const s = list.skips();
      this.skipDoc = s.doc;
      this.skipOff = s.off;
    }
  }

  private get(): number {
    const b = this.buf;
    let v = 0;
    let mul = 1;
    for (;;) {
      const x = b[this.p++]!;
      v += (x & 0x7f) * mul;
      if (x < 0x80) return v;
      mul *= 128;
    }
  }

  next(): boolean {
    let p = this.p;
    if (p >= this.len) return false;
    this.offset = p;
    // One-byte varints are the rule here (dense deltas, small tf, short position
    // blocks); the slow path only runs for the rest. This is the innermost loop of
    // every intersection, so it works on a local copy of the read offset.
    const b = this.buf;
    let x = b[p++]!;
    if (x < 0x80) this.doc += x;
    else {
      this.p = p - 1;
      this.doc += this.get();
      p = this.p;
    }
    x = b[p++]!;
    let tf = x;
    if (x >= 0x80) {
      this.p = p - 1;
      tf = this.get();
      p = this.p;
    }
    this.tf = tf;
    if (tf > 0) {
      x = b[p++]!;
      let n = x;
      if (x >= 0x80) {
        this.p = p - 1;
        n = this.get();
        p = this.p;
      }
      this.posStart = p;
      p += n;
      this.posEnd = p;
    } else {
      this.posStart = this.posEnd = p;
    }
    this.p = p;
    return true;
  }

  /** Moves to the first entry with doc >= target; false when the list is exhausted. */
  advanceTo(target: number): boolean {
    if (this.doc >= target) return true;
    const sd = this.skipDoc;
    if (sd && sd.length > 0 && target - this.doc > SKIP) {
      // Last skip whose preceding doc is below the target: the entry there may be it.
      let lo = 0;
      let hi = sd.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sd[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      const i = lo - 1;
      if (i >= 0 && this.base + this.skipOff![i]! > this.p) {
        this.p = this.base + this.skipOff![i]!;
        this.doc = sd[i]!;
      }
    }
    while (this.next()) if (this.doc >= target) return true;
    return false;
  }

  /** Decodes the current entry's packed positions into `out` (length >= tf); returns tf. */
  positionsInto(out: Int32Array): number {
    const b = this.buf;
    let p = this.posStart;
    let prev = 0;
    let n = 0;
    while (p < this.posEnd) {
      let x = b[p++]!;
      let v = x & 0x7f;
      let shift = 7;
      while (x >= 0x80) {
        x = b[p++]!;
        v |= (x & 0x7f) << shift;
        shift += 7;
      }
      prev += v;
      out[n++] = prev;
    }
    return n;
  }

  /** Packed positions (pos*8 + span-1) of the current entry, ascending. */
  positions(out: number[]): number[] {
    out.length = 0;
    const b = this.buf;
    let p = this.posStart;
    let prev = 0;
    while (p < this.posEnd) {
      let v = 0;
      let mul = 1;
      for (;;) {
        const x = b[p++]!;
        v += (x & 0x7f) * mul;
        if (x < 0x80) break;
        mul *= 128;
      }
      prev += v;
      out.push(prev);
    }
    return out;
  }
}

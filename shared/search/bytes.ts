/**
 * Byte-level reading and writing for the persisted index (persist.ts): a growable
 * writer and a cursor-style reader of unsigned varints, raw bytes and UTF-8 text.
 * UTF-8 goes through the platform's TextEncoder/TextDecoder (present in browsers
 * and Node alike; shared/ compiles without DOM or Node types, hence the local types).
 */

import { varintSize } from './postings.ts';

interface Utf8Codecs {
  TextEncoder: new () => { encode(s: string): Uint8Array; encodeInto(s: string, into: Uint8Array): { read: number; written: number } };
  TextDecoder: new (label?: string, opts?: { fatal?: boolean }) => { decode(b: Uint8Array): string };
}
const codecs = globalThis as unknown as Utf8Codecs;
const encoder = new codecs.TextEncoder();
// fatal: a damaged file fails loudly instead of decoding to replacement characters.
const decoder = new codecs.TextDecoder('utf-8', { fatal: true });

export const utf8Decode = (b: Uint8Array): string => decoder.decode(b);

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }

  /** An unsigned integer up to 2^53, 7 bits a byte. */
  varint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`cannot persist ${v} as an unsigned integer`);
    this.ensure(8);
    const b = this.buf;
    while (v >= 0x80) {
      b[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    b[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** UTF-8 text preceded by its byte length. */
  text(s: string): void {
    this.ensure(s.length * 3 + 8);
    // Reserve the length's bytes for the worst case, then move the text if it was shorter.
    const room = varintSize(s.length * 3);
    const at = this.length;
    const { written } = encoder.encodeInto(s, this.buf.subarray(at + room));
    const need = varintSize(written);
    this.varint(written);
    if (need !== room) this.buf.copyWithin(at + need, at + room, at + room + written);
    this.length = at + need + written;
  }

  /** The written bytes (a view of the writer's buffer). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Reads what a ByteWriter wrote; every read past the end throws (a cut-short file). */
export class ByteReader {
  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
    readonly end = buf.length,
  ) {}

  private check(n: number): void {
    if (this.pos + n > this.end) this.cutShort();
  }

  u8(): number {
    this.check(1);
    return this.buf[this.pos++]!;
  }

  varint(): number {
    const b = this.buf;
    let p = this.pos;
    let x = p < this.end ? b[p++]! : this.cutShort();
    if (x < 0x80) {
      this.pos = p;
      return x;
    }
    let v = x & 0x7f;
    let mul = 128;
    for (;;) {
      x = p < this.end ? b[p++]! : this.cutShort();
      v += (x & 0x7f) * mul;
      if (x < 0x80) break;
      mul *= 128;
      if (mul > 2 ** 56) throw new Error('persisted search index holds a malformed number');
    }
    this.pos = p;
    return v;
  }

  private cutShort(): never {
    throw new Error('persisted search index is cut short');
  }

  /** A view of the next n bytes (nothing copied). */
  bytes(n: number): Uint8Array {
    this.check(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  text(): string {
    return utf8Decode(this.bytes(this.varint()));
  }
}

/**
 * Many strings stored as one UTF-8 block plus their lengths in UTF-16 units: one
 * decode for the lot (done at the first access), then each string is a slice.
 */
export function writeStrings(w: ByteWriter, strings: readonly string[]): void {
  w.varint(strings.length);
  for (const s of strings) w.varint(s.length);
  w.text(strings.join(''));
}

export class StringBlock {
  private readonly starts: Uint32Array;
  private joined: string | null = null;
  private readonly raw: Uint8Array;

  constructor(r: ByteReader) {
    const n = r.varint();
    this.starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = at;
      at += r.varint();
    }
    this.starts[n] = at;
    this.raw = r.bytes(r.varint());
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    if (!(i >= 0 && i < this.length)) throw new Error('persisted search index refers to a missing string');
    if (this.joined === null) {
      this.joined = utf8Decode(this.raw);
      if (this.joined.length !== this.starts[this.length]) throw new Error('persisted search index has damaged strings');
    }
    return this.joined.slice(this.starts[i], this.starts[i + 1]);
  }
}

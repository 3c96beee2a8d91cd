/**
 * Reading the zip containers of DOCX, EPUB and ODT without trusting them: the
 * central directory is checked first (names that climb out of the archive,
 * encryption, declared sizes over the caps), and every entry is inflated with its
 * declared size as a hard limit (node:zlib stops inflating past it), so a zip bomb
 * costs at most the cap. XML parts are refused when they declare entities.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { NotebookError } from '../../../shared/result.ts';

/** Most bytes one entry may inflate to, and all entries together (documented in the README). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  bytes(name: string): Uint8Array;
  /** An XML part as text; refused when it declares entities (no DTD is ever processed). */
  xml(name: string): string;
  /** Inflates every entry once (within the caps): proves the whole archive safe before a library reads it. */
  checkAll(): void;
}

const fail = (fileName: string, why: string) => new NotebookError('unsupported_file', `${fileName}: ${why}`);

function unsafeName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.includes('\0') || name.split('/').some((p) => p === '..');
}

export function openZip(bytes: Uint8Array, fileName: string, kind: string): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => fail(fileName, `not a complete ${kind} file (the zip archive is damaged or cut short)`);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50 ? damaged() : fail(fileName, `not a ${kind} file (it is not a zip archive)`);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw fail(fileName, 'a ZIP64 archive, which is not read; save it again with the application that made it');
  if (count > MAX_ENTRIES) throw fail(fileName, `the archive holds ${count} files; the limit is ${MAX_ENTRIES}`);
  if (cdOffset + cdSize > eocd) throw damaged();
  const entries = new Map<string, Entry>();
  let declared = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw damaged();
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const e: Entry = {
      name,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (unsafeName(name)) throw fail(fileName, `the archive holds a file named "${name.slice(0, 80)}" that points outside it; refused`);
    if (flags & 1) throw fail(fileName, `the ${kind} file is encrypted; remove its password and import it again`);
    if (e.method !== 0 && e.method !== 8) throw fail(fileName, `the archive uses a compression method (${e.method}) that is not read`);
    if (e.size > MAX_ENTRY_BYTES) throw fail(fileName, `"${name.slice(0, 80)}" in the archive unpacks to ${(e.size / 1048576).toFixed(0)} MB; the limit is ${MAX_ENTRY_BYTES / 1048576} MB`);
    declared += e.size;
    if (declared > MAX_ARCHIVE_BYTES) throw fail(fileName, `the archive unpacks to more than ${MAX_ARCHIVE_BYTES / 1048576} MB; refused`);
    if (!name.endsWith('/')) entries.set(name, e);
  }
  const cache = new Map<string, Uint8Array>();
  const read = (name: string): Uint8Array => {
    const hit = cache.get(name);
    if (hit) return hit;
    const e = entries.get(name);
    if (!e) throw fail(fileName, `the ${kind} file has no ${name}`);
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw damaged();
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    if (start + e.compressedSize > buf.length) throw damaged();
    const raw = buf.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else {
      try {
        // One byte over the declared size proves the declaration false: inflating stops there.
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw fail(fileName, `"${name.slice(0, 80)}" in the archive unpacks to more than it declares (a zip bomb); refused`);
        throw damaged();
      }
    }
    if (out.length !== e.size) throw out.length > e.size ? fail(fileName, `"${name.slice(0, 80)}" in the archive unpacks to more than it declares (a zip bomb); refused`) : damaged();
    if (crc32(out) !== e.crc) throw damaged();
    cache.set(name, out);
    return out;
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    bytes: read,
    xml: (name) => safeXml(Buffer.from(read(name)).toString('utf8'), fileName),
    checkAll() {
      for (const name of entries.keys()) {
        const b = read(name);
        if (/\.(xml|rels|xhtml|html|opf|ncx)$/i.test(name)) safeXml(Buffer.from(b).toString('utf8'), fileName);
      }
      cache.clear();
    },
  };
}

/** Refuses XML that declares entities or a DTD subset (the "billion laughs" expansion); returns it otherwise. */
export function safeXml(xml: string, fileName: string): string {
  if (/<!ENTITY/i.test(xml) || /<!DOCTYPE[^>]*\[/i.test(xml)) throw fail(fileName, 'the file declares XML entities (a way to make a small file expand without end); refused');
  return xml;
}

/** Resolves `href` (URL-encoded, maybe with a #fragment) against the folder of the archive entry `from`. */
export function resolveIn(from: string, href: string): string {
  const path = decodeURIComponent(href.split('#')[0]!);
  const parts = from.includes('/') ? from.split('/').slice(0, -1) : [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The persisted search index, `.index/search.bin`, beside the notebook: loaded
 * instead of rebuilt, and never trusted over the shards. It is saved with the stamp
 * of every record file it was built from (only files that still have the stamp this
 * process read or wrote them with: memory reflects exactly those), and on load every
 * file that is new, changed, gone, stamped too recently to tell, or waiting in the
 * write-ahead log is named, so the caller re-indexes just those. The file carries
 * the CRC-32 of its body: a damaged or hand-edited file is ignored and the index rebuilt.
 * CRC-32, not SHA-256 (the previous layout): the check is against damage, not forgery
 * (whoever can write this file can write the shards themselves), and on the 37 MB file
 * of a 10,000-source notebook zlib's CRC-32 costs 16 ms of CPU against SHA-256's 33 ms,
 * paid by every search from the command line.
 *
 * Binary, so that loading is one read, one hash and a few views into the buffer
 * (shared/search/persist.ts): the postings are used as they lie in the file and no
 * document's text is decoded until a hit needs its snippet. Source paragraphs are
 * not copied into it: each names its text (`texts/<sha256>.txt`, written once, never
 * changed) and its place there, and `readText` reads that text, checked against
 * its SHA-256, when a hit or a removal needs the paragraph. The record of which
 * documents came from which shard (JSON) is parsed only when something changed.
 * Layout: the line "notebook-search 3", the CRC-32 of the rest (u32 LE), then
 * three sections each preceded by its byte length (u32 LE): the stamps (JSON), that
 * record (JSON), the index.
 *
 * Saved by a writer only (no other process can change the shards meanwhile), when
 * the store closes, after compaction: never on the way of an edit. Written to a temp
 * file and renamed, without fsync: losing it costs a rebuild.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { INDEX_DIR } from './catalog.ts';
import { isErrno } from './durable-fs.ts';
import { TAGS_PATH, textPath } from './layout.ts';
import { readNoFollow } from './no-follow.ts';
import type { ShardReader } from './shard-reader.ts';
import { listJson } from './shard-reader.ts';
import { RACY_MS, sameStamp, stampOf, stampsIn } from './stamps.ts';
import type { Stamp } from './stamps.ts';

export const SEARCH_FILE = `${INDEX_DIR}/search.bin`;
/** Where the previous version kept its index (JSON): removed when the new one is saved. */
const LEGACY_FILE = `${INDEX_DIR}/search.json`;
const MAGIC = Buffer.from('notebook-search 3\n');
const HASH = 4;

/** Which documents came from which shard, so a saved index can be brought up to date shard by shard. */
export interface SearchState {
  /** Per source: the text and title its paragraphs were indexed from, their doc ids, and its quotes' ids. */
  sources: { id: string; sha256: string; title: string; passages: string[]; quotes: string[] }[];
  claims: string[];
  tags: string[];
}

/** The files the index vouches for, with their stamps flat (size, time, inode per file): parsed fast. */
interface Header {
  writtenAt: number;
  files: string[];
  stamps: number[];
}

/** What changed since the index was saved: re-index these. */
export interface Staleness {
  sources: Set<SourceId>;
  claims: boolean;
  tags: boolean;
}

/** A loaded file: the index's bytes (shared/search/persist.ts), its record (parsed when asked for), what is stale. */
export interface SavedSearch {
  index: Uint8Array;
  state(): SearchState;
  stale: Staleness;
}

/** The sections of a file whose checksum holds, or null. */
function readSections(path: string): [Buffer, Buffer, Buffer] | null {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
  const body = raw.subarray(MAGIC.length + HASH);
  if (body.length < 12 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (crc32(body) !== raw.readUInt32LE(MAGIC.length)) return null;
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < 3; i++) {
    if (at + 4 > body.length) return null;
    const n = body.readUInt32LE(at);
    if (at + 4 + n > body.length) return null;
    out.push(body.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return at === body.length ? (out as [Buffer, Buffer, Buffer]) : null;
}

function writeSections(path: string, sections: Uint8Array[]): void {
  const parts: Uint8Array[] = [];
  for (const s of sections) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(s.length);
    parts.push(len, s);
  }
  const body = Buffer.concat(parts);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const check = Buffer.alloc(HASH);
  check.writeUInt32LE(crc32(body));
  writeFileSync(tmp, Buffer.concat([MAGIC, check, body]));
  renameSync(tmp, path);
}

/** The stamps of the record files the index is built from, now. */
function recordStamps(root: string): Map<string, Stamp> {
  const now = new Map([...stampsIn(root, 'sources'), ...stampsIn(root, 'claims')]);
  const tags = stampOf(root, TAGS_PATH);
  if (tags) now.set(TAGS_PATH, tags);
  return now;
}

export class SearchFile {
  private readonly texts = new Map<string, string>();
  /**
   * The stamps the loaded file vouched for, of the files it was not stale for: the
   * index still holds exactly their content unless this process reads or writes them
   * (then the reader's stamp decides). Without them, a command that loads the index
   * and reads only the shards it needs would save an index vouching for just those,
   * and the next one would index every source again.
   */
  private carried = new Map<string, Stamp>();

  constructor(
    private readonly reader: ShardReader,
    /** Record files whose content in memory is partly in the log (not yet compacted). */
    private readonly pending: () => ReadonlySet<string>,
  ) {}

  private get path() {
    return join(this.reader.root, SEARCH_FILE);
  }

  /** A stored text, for the paragraphs the index keeps as places in it; a text changed on disk is never used. */
  readText(sha: string): string {
    const cached = this.texts.get(sha);
    if (cached !== undefined) return cached;
    const rel = textPath(sha);
    const text = readNoFollow(join(this.reader.root, rel), rel);
    if (text === null) throw new NotebookError('corrupt', `the stored text ${rel} is missing`);
    if (createHash('sha256').update(text).digest('hex') !== sha) throw new NotebookError('corrupt', `the stored text ${rel} does not match its SHA-256 (it was changed outside the app)`);
    // A few recent texts: the hits of one query often share sources.
    if (this.texts.size >= 16) this.texts.clear();
    this.texts.set(sha, text);
    return text;
  }

  /** The saved index and what has changed since; null when there is none usable. */
  load(): SavedSearch | null {
    const sections = readSections(this.path);
    if (sections === null) return null;
    const [head, record, index] = sections;
    let body: Header;
    try {
      body = JSON.parse(head.toString('utf8')) as Header;
      if (typeof body.writtenAt !== 'number' || !Array.isArray(body.files) || !Array.isArray(body.stamps) || body.stamps.length !== body.files.length * 3) return null;
    } catch {
      return null;
    }
    const stale: Staleness = { sources: new Set(), claims: false, tags: false };
    const marked = new Set<string>();
    const mark = (rel: string) => {
      marked.add(rel);
      if (rel.startsWith('sources/')) stale.sources.add(rel.slice('sources/'.length, -'.json'.length) as SourceId);
      else if (rel.startsWith('claims/')) stale.claims = true;
      else if (rel === TAGS_PATH) stale.tags = true;
    };
    // Every record file is stat'ed (10,000s of them): compared in place against the
    // flat saved stamps, without building a stamp object or map per file.
    const { files, stamps, writtenAt } = body;
    const at = new Map<string, number>();
    for (let i = 0; i < files.length; i++) at.set(files[i]!, i);
    const found = new Uint8Array(files.length);
    const root = this.reader.root;
    const check = (rel: string) => {
      const st = statSync(`${root}/${rel}`, { throwIfNoEntry: false });
      if (!st) return;
      const i = at.get(rel);
      if (i !== undefined) found[i] = 1;
      // Unknown, changed, or too recent to tell (git's "racily clean" rule).
      if (i === undefined || st.size !== stamps[i * 3] || st.mtimeMs !== stamps[i * 3 + 1] || st.ino !== stamps[i * 3 + 2] || !(st.mtimeMs < writtenAt - RACY_MS)) mark(rel);
    };
    for (const dir of ['sources', 'claims']) for (const n of listJson(root, dir)) check(`${dir}/${n}`);
    check(TAGS_PATH);
    for (let i = 0; i < files.length; i++) if (!found[i]) mark(files[i]!);
    for (const rel of this.pending()) mark(rel);
    this.carried = new Map();
    for (let i = 0; i < files.length; i++) {
      const rel = files[i]!;
      if (marked.has(rel) || (stale.claims && rel.startsWith('claims/')) || (stale.tags && rel === TAGS_PATH)) continue;
      this.carried.set(rel, { size: stamps[i * 3]!, mtimeMs: stamps[i * 3 + 1]!, ino: stamps[i * 3 + 2]! });
    }
    // A plain Uint8Array view of the same bytes: the index's hot loops then see one kind of array.
    return { index: new Uint8Array(index.buffer, index.byteOffset, index.length), state: () => JSON.parse(record.toString('utf8')) as SearchState, stale };
  }

  /**
   * Saves the index. Call with memory and disk in step (after compaction): each file
   * is vouched for only if it still has the stamp this process read or wrote it with,
   * or, untouched here, the stamp the loaded file vouched for.
   */
  save(index: Uint8Array, state: SearchState): void {
    const root = this.reader.root;
    const files: string[] = [];
    const stamps: number[] = [];
    for (const [rel, s] of recordStamps(root)) {
      const known = this.reader.stamps.has(rel) ? this.reader.stamps.get(rel) : this.carried.get(rel);
      if (!sameStamp(known, s)) continue;
      files.push(rel);
      stamps.push(s.size, s.mtimeMs, s.ino);
    }
    const head = JSON.stringify({ writtenAt: Date.now(), files, stamps } satisfies Header);
    writeSections(this.path, [Buffer.from(head), Buffer.from(JSON.stringify(state)), index]);
    rmSync(join(root, LEGACY_FILE), { force: true });
  }
}

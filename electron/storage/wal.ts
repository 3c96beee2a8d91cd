/**
 * The write-ahead log: how one edit costs one small append and one fsync.
 *
 * Rewriting even one small shard durably costs a temp write, an fsync, a rename and
 * a folder fsync. Appending the edit's changes to an already-open log costs one
 * write and one fsync — the floor for a durable write. So a commit appends one line
 * (`<crc32> <json>\n`, all of one transition's changes, so a multi-record edit is
 * atomic) and is acknowledged after the fsync. Every COMPACT_AFTER entries, and on
 * close, the shards the log touched are rewritten durably and the log is truncated.
 * A crash between those two steps is harmless: replaying a change is idempotent
 * (every change is a whole-record put or a delete).
 *
 * On open, the log is replayed over the shards. A torn last line (a write cut short
 * by a crash) was never acknowledged and is dropped. A bad line followed by good
 * ones is real damage: the log is quarantined like any unreadable file.
 *
 * Log lines carry no schema version: the log is emptied into the (versioned,
 * migrated) shards on every close, so only a crash immediately followed by an
 * upgrade that changes a record's shape could meet an old log — and then its lines
 * fail validation and the log is quarantined, not misread.
 */
import { closeSync, constants, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { linkRefused, NO_FOLLOW, readNoFollow } from './no-follow.ts';
import { crc32 } from 'node:zlib';
import { ChangeSchema } from '../../shared/model/changes.ts';
import type { Change } from '../../shared/model/view.ts';
import { isErrno } from './durable-fs.ts';

export const WAL_FILE = 'wal.log';
export const COMPACT_AFTER = 512;

const z32 = (s: string) => (crc32(s) >>> 0).toString(16).padStart(8, '0');

export function encodeEntry(changes: readonly Change[]): string {
  const json = JSON.stringify(changes);
  return `${z32(json)} ${json}\n`;
}

export type WalRead =
  | { ok: true; entries: Change[][]; goodBytes: number; tornTail: boolean }
  | { ok: false; reason: string };

/** Parses a log file's content. */
export function parseWal(content: string): WalRead {
  const entries: Change[][] = [];
  let offset = 0;
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const last = i === lines.length - 1; // the text after the final newline: empty unless torn
    if (line === '' && last) break;
    const parsed = parseLine(line);
    if (!parsed) {
      // Only the final line may be torn, and only if nothing valid follows it.
      if (last || lines.slice(i + 1).every((l) => l === '')) return { ok: true, entries, goodBytes: Buffer.byteLength(content.slice(0, offset)), tornTail: true };
      return { ok: false, reason: `write-ahead log line ${i + 1} is damaged` };
    }
    entries.push(parsed);
    offset += line.length + 1;
  }
  return { ok: true, entries, goodBytes: Buffer.byteLength(content.slice(0, offset)), tornTail: false };
}

function parseLine(line: string): Change[] | null {
  const m = /^([0-9a-f]{8}) (.*)$/.exec(line);
  if (!m || z32(m[2]!) !== m[1]) return null;
  try {
    const r = ChangeSchema.array().safeParse(JSON.parse(m[2]!));
    return r.success ? (r.data as Change[]) : null;
  } catch {
    return null;
  }
}

export function readWal(path: string): WalRead {
  const raw = readNoFollow(path, WAL_FILE);
  if (raw === null) return { ok: true, entries: [], goodBytes: 0, tornTail: false };
  return parseWal(raw);
}

/**
 * The log of a writer. The file is opened on the first append, so a command that
 * ends up changing nothing (a refused quote, say) leaves the folder byte-identical.
 */
export class WalWriter {
  private fd: number | null = null;
  private bytes: number;
  entries: number;

  constructor(
    private readonly path: string,
    goodBytes: number,
    entries: number,
    tornTail = false,
  ) {
    this.bytes = goodBytes;
    this.entries = entries;
    // Drop a torn tail (never acknowledged) before anything is appended after it.
    if (tornTail) {
      ftruncateSync(this.open(), goodBytes);
      fsyncSync(this.open());
    }
  }

  /** The log's length in bytes: everything appended and acknowledged so far. */
  get size(): number {
    return this.bytes;
  }

  private open(): number {
    // 'a+' without following a link named wal.log (no-follow.ts).
    try {
      this.fd ??= openSync(this.path, constants.O_RDWR | constants.O_CREAT | constants.O_APPEND | NO_FOLLOW, 0o600);
    } catch (e) {
      if (isErrno(e, 'ELOOP')) throw linkRefused(WAL_FILE);
      throw e;
    }
    return this.fd;
  }

  /** Appends one entry durably; on failure the log is cut back so no partial entry remains. */
  append(changes: readonly Change[]): void {
    const buf = Buffer.from(encodeEntry(changes), 'utf8');
    const fd = this.open();
    try {
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } catch (e) {
      try {
        ftruncateSync(fd, this.bytes);
      } catch {
        // the next open drops the torn tail anyway
      }
      throw e;
    }
    this.bytes += buf.length;
    this.entries++;
  }

  /** Empties the log once its entries are safely in the shards. */
  truncate(): void {
    if (this.fd === null && this.bytes === 0) return;
    const fd = this.open();
    ftruncateSync(fd, 0);
    fsyncSync(fd);
    this.bytes = 0;
    this.entries = 0;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

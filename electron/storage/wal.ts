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
 * On open, the log is replayed over the shards. No good write is dropped for a bad
 * one: every intact line is replayed, whatever comes before or after it, and the
 * lines that are not (a last line cut short by a crash, never acknowledged, or real
 * damage in the middle) are reported by number. The store keeps a copy of such a log
 * in quarantine/ and names it in its report (store.ts), so nothing goes silently.
 *
 * Log lines carry no schema version: the log is emptied into the (versioned,
 * migrated) shards on every close, so only a crash immediately followed by an
 * upgrade that changes a record's shape could meet an old log — and then its lines
 * fail validation and are reported (and kept) as damaged, not misread.
 */
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { NotebookError } from '../../shared/result.ts';
import { linkRefused, NO_FOLLOW, openNoFollow } from './no-follow.ts';
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

export interface WalRead {
  /** True when every line is intact (a backup of the log is offered only then). */
  ok: boolean;
  /** Every intact entry, in log order. */
  entries: Change[][];
  /** Line numbers (1-based) that could not be read; a cut-short last line is the last of them. */
  damaged: number[];
  /** Whether the last line was cut short (no final newline). */
  tornTail: boolean;
  /** The log's length in bytes. */
  bytes: number;
}

/** Parses a log file's content: every intact line, and the numbers of the others. */
export function parseWal(content: string): WalRead {
  const entries: Change[][] = [];
  const damaged: number[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue; // the end of the file, or a blank line, holds no entry
    const parsed = parseLine(line);
    if (parsed) entries.push(parsed);
    else damaged.push(i + 1);
  }
  // The text after the final newline is empty unless the last write was cut short.
  const tornTail = lines[lines.length - 1] !== '' && damaged.at(-1) === lines.length;
  return { ok: damaged.length === 0, entries, damaged, tornTail, bytes: Buffer.byteLength(content) };
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

/** Far beyond any log the notebook writes (it is emptied every COMPACT_AFTER entries and on close); too big to read safely. */
export const MAX_WAL_BYTES = 256 * 1024 * 1024;

export function readWal(path: string): WalRead {
  const fd = openNoFollow(path, WAL_FILE);
  if (fd === null) return { ok: true, entries: [], damaged: [], tornTail: false, bytes: 0 };
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_WAL_BYTES) {
      throw new NotebookError(
        'corrupt',
        `${WAL_FILE} is ${(size / 1048576).toFixed(0)} MB, far larger than the notebook ever writes it, and was not read; move it out of the notebook folder (the notebook then opens without the changes it may hold) and keep it for inspection`,
      );
    }
    return parseWal(readFileSync(fd, 'utf8'));
  } finally {
    closeSync(fd);
  }
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
    bytes: number,
    entries: number,
  ) {
    this.bytes = bytes;
    this.entries = entries;
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

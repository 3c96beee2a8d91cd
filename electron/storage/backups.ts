/**
 * A small ring of backups: snapshots of every record file, taken in the background.
 *
 * A snapshot is started by the first write of a session when the newest one is
 * older than SNAPSHOT_INTERVAL_MS; the newest BACKUP_RING are kept. It is the state
 * of one moment (the instant it starts, before that write reaches the log) without
 * delaying the write: the files are listed and copied afterwards, a few at a time,
 * and the store calls `preserve` before it rewrites or removes a shard or empties
 * the log (compaction), which copies that file's pre-write bytes first if the
 * snapshot has not got them yet (copy-on-write). Between compactions nothing but
 * the log changes, and the log only grows, so its first `walBytes` bytes are the
 * log as it was at the start.
 *
 * A snapshot is built in `<stamp>.partial/` and renamed to `<stamp>/` when every
 * file is in it: the rename is the marker that it is complete. `listBackups` (and so
 * `notebook restore`) never offers a partial one, and a writer removes the ones a
 * crash left behind.
 *
 * Record files (manifest, tags, claims, sources, trash, log) are never linked to the
 * notebook's own files: a hard link would share the damage if another program ever
 * rewrote one in place. But most of them have not changed since the previous
 * snapshot, so each snapshot records, in `.stamps.json`, the stamp (size, time,
 * inode) of every notebook file it read, and the next one hard-links its copy to the
 * previous snapshot's copy of every file whose stamp is still the same (rsync's
 * --link-dest): only changed files are read and written. That is safe because the
 * link joins two backup copies, never a backup and a notebook file: the app writes
 * backup copies once and never again (restore reads them, the ring removes whole
 * folders, which only drops a link), and the store changes notebook files only by
 * temp + rename (a new inode; the one a snapshot read is never modified), except the
 * log, which is appended in place and so always copied. A stamp is trusted only if
 * the file's time is more than RACY_MS older than the start of the snapshot that
 * read it (git's "racily clean" rule: a write within the same clock tick after the
 * read could leave size and time as they were). Texts are large, content-addressed
 * and never rewritten by the app, so they are hard-linked to the notebook's
 * (falling back to a copy where links are impossible); a text damaged in place is
 * caught by its SHA-256 check instead.
 *
 * The copying is synchronous, SLICE files at a time with the event loop free between
 * slices: the few microseconds a file costs that way are far less than a promise and
 * a thread-pool round trip per file, and an edit waits at most one slice.
 */
import { copyFileSync, mkdirSync, openSync, closeSync, linkSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync, fstatSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isErrno } from './durable-fs.ts';
import { RACY_MS, sameStamp } from './stamps.ts';
import type { Stamp } from './stamps.ts';

export const BACKUP_DIR = '.backups';
export const BACKUP_RING = 5;
export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
const ROOT_FILES = ['notebook.json', 'tags.json', 'wal.log'];
const RECORD_DIRS = ['claims', 'sources', 'trash'];
const WAL = 'wal.log';
const PARTIAL = '.partial';
/** Files copied or linked per turn of the event loop (a few milliseconds of work). */
const SLICE = 200;
/** In each complete snapshot: when it started and the stamp of every notebook file it read. */
const STAMPS = '.stamps.json';
const COMPLETE = /^\d{8}T\d{9}Z$/;

/** Complete snapshots, newest first. */
export function listBackups(root: string): string[] {
  return backupEntries(root)
    .filter((n) => COMPLETE.test(n))
    .sort()
    .reverse();
}

function backupEntries(root: string): string[] {
  try {
    return readdirSync(join(root, BACKUP_DIR));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}

/** Removes snapshots a crash left unfinished (call only while holding the writer lock). */
export async function removePartialSnapshots(root: string, except?: string): Promise<number> {
  const partial = backupEntries(root).filter((n) => n.endsWith(PARTIAL) && n !== except);
  for (const n of partial) await rm(join(root, BACKUP_DIR, n), { recursive: true, force: true });
  return partial.length;
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
}

function isDue(root: string, now: Date): boolean {
  const newest = listBackups(root)[0];
  if (!newest) return true;
  return now.getTime() - statSync(join(root, BACKUP_DIR, newest)).mtimeMs >= SNAPSHOT_INTERVAL_MS;
}

/**
 * One snapshot being taken. Created synchronously (no file is read yet); the copying
 * runs on the event loop's spare time. `finished` settles when it is complete and
 * marked (or failed and removed: a backup is never worth failing an edit for).
 */
export class SnapshotJob {
  readonly name: string;
  private readonly dest: string;
  /** Record files whose snapshot copy is decided: copied, or absent at the start. */
  private readonly handled = new Set<string>();
  readonly finished: Promise<string | null>;
  /** How many files copy-on-write saved before the store changed them (for tests). */
  preserved = 0;
  /** How many record files were linked to the previous snapshot's copies instead of copied (for tests). */
  linked = 0;
  /** The stamps of the notebook files this snapshot read (or linked to a copy of), for the next one. */
  private readonly stamps = new Map<string, Stamp>();
  private readonly startedAt: number;
  error: unknown = null;
  /** Complete or given up: nothing more is copied. */
  private over = false;

  private constructor(
    private readonly root: string,
    now: Date,
    /** The log's length at the start: later appends are not part of this snapshot. */
    private readonly walBytes: number,
  ) {
    this.name = stamp(now);
    this.startedAt = now.getTime();
    this.dest = join(root, BACKUP_DIR, this.name + PARTIAL);
    mkdirSync(this.dest, { recursive: true });
    this.finished = new Promise<void>((r) => setImmediate(r)).then(() => this.run());
  }

  /** Starts a snapshot if the newest complete one is older than the interval. */
  static startIfDue(root: string, walBytes: number, now = new Date()): SnapshotJob | null {
    return isDue(root, now) ? new SnapshotJob(root, now, walBytes) : null;
  }

  static start(root: string, walBytes: number, now = new Date()): SnapshotJob {
    return new SnapshotJob(root, now, walBytes);
  }

  /**
   * Copies the current bytes of these record files into the snapshot, unless it has
   * them already. The store calls it (synchronously) just before compaction rewrites
   * or removes them and empties the log.
   */
  preserve(rels: Iterable<string>): void {
    if (this.over) return;
    try {
      for (const rel of [...rels, WAL]) {
        if (this.handled.has(rel)) continue;
        this.handled.add(rel);
        if (this.copyNow(rel)) this.preserved++;
      }
    } catch (e) {
      // The snapshot can no longer be of one moment: give it up, never the edit.
      this.error ??= e;
    }
  }

  private copyNow(rel: string): boolean {
    const to = join(this.dest, rel);
    try {
      if (rel === WAL) {
        const data = readPrefix(join(this.root, rel), this.walBytes);
        if (data === null) return false;
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, data);
        return true;
      }
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(this.root, rel), to);
      return true;
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return false; // absent at the start: absent in the snapshot
      throw e;
    }
  }

  private async run(): Promise<string | null> {
    try {
      const previous = previousCopies(this.root);
      const records = [...ROOT_FILES];
      for (const d of RECORD_DIRS) for (const n of listDir(join(this.root, d))) records.push(`${d}/${n}`);
      for (const d of RECORD_DIRS) mkdirSync(join(this.dest, d), { recursive: true });
      await inSlices(records, (rel) => this.copyLater(rel, previous));
      const texts = listDir(join(this.root, 'texts'));
      if (texts.length) mkdirSync(join(this.dest, 'texts'), { recursive: true });
      await inSlices(texts, (n) => linkOrCopy(join(this.root, 'texts', n), join(this.dest, 'texts', n)));
      if (this.error) throw this.error;
      this.over = true;
      writeFileSync(join(this.dest, STAMPS), JSON.stringify({ startedAt: this.startedAt, stamps: [...this.stamps] } satisfies StampFile));
      renameSync(this.dest, join(this.root, BACKUP_DIR, this.name));
      for (const old of listBackups(this.root).slice(BACKUP_RING)) await rm(join(this.root, BACKUP_DIR, old), { recursive: true, force: true });
      return this.name;
    } catch (e) {
      this.error = e;
      this.over = true;
      await rm(this.dest, { recursive: true, force: true }).catch(() => {});
      return null;
    }
  }

  /**
   * Puts one record file into the snapshot unless the store has preserved it already:
   * a link to the previous snapshot's copy if the file is unchanged since that copy
   * was read, else a copy of its bytes now. No compaction runs meanwhile (this is
   * synchronous), so what it finds is the file as it was at the start.
   */
  private copyLater(rel: string, previous: Previous | null): void {
    if (this.handled.has(rel) || this.error) return;
    const from = join(this.root, rel);
    const to = join(this.dest, rel);
    const was = rel === WAL ? undefined : previous?.stamps.get(rel);
    if (was && was.mtimeMs < previous!.startedAt - RACY_MS && sameStamp(was, stampOrNull(from))) {
      try {
        linkSync(join(previous!.dir, rel), to);
        this.handled.add(rel);
        this.stamps.set(rel, was);
        this.linked++;
        return;
      } catch (e) {
        if (!isErrno(e, 'ENOENT') && !isErrno(e, 'EPERM') && !isErrno(e, 'EXDEV') && !isErrno(e, 'EMLINK')) throw e;
        // The previous copy is gone, or links are impossible here: copy instead.
      }
    }
    let fd: number;
    try {
      fd = openSync(from, 'r');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return;
      throw e;
    }
    let data: Buffer;
    let st: Stats;
    try {
      st = fstatSync(fd);
      data = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    this.handled.add(rel);
    writeFileSync(to, rel === WAL ? data.subarray(0, this.walBytes) : data);
    if (rel !== WAL) this.stamps.set(rel, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
  }
}

interface StampFile {
  startedAt: number;
  stamps: [string, Stamp][];
}

/** The newest complete snapshot and the stamps of what it read; null if there is none (or its stamps are unreadable). */
interface Previous {
  dir: string;
  startedAt: number;
  stamps: Map<string, Stamp>;
}

function previousCopies(root: string): Previous | null {
  const newest = listBackups(root)[0];
  if (!newest) return null;
  const dir = join(root, BACKUP_DIR, newest);
  try {
    const f = JSON.parse(readFileSync(join(dir, STAMPS), 'utf8')) as StampFile;
    if (typeof f.startedAt !== 'number' || !Array.isArray(f.stamps)) return null;
    return { dir, startedAt: f.startedAt, stamps: new Map(f.stamps) };
  } catch {
    return null; // an older snapshot without stamps, or a damaged file: copy everything
  }
}

function stampOrNull(path: string): Stamp | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : null;
}

/** Takes a complete snapshot now (no store open: tests, tools). */
export async function snapshot(root: string, now = new Date()): Promise<string> {
  const job = SnapshotJob.start(root, Number.MAX_SAFE_INTEGER, now);
  const name = await job.finished;
  if (name === null) throw job.error;
  return name;
}

function readPrefix(path: string, bytes: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
  try {
    const n = Math.min(bytes, fstatSync(fd).size);
    const buf = Buffer.alloc(n);
    for (let off = 0; off < n; ) {
      const r = readSync(fd, buf, off, n - off, off);
      if (r === 0) break;
      off += r;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}

/** Runs `work` over the items, SLICE at a time, yielding to the event loop between slices. */
async function inSlices<T>(items: readonly T[], work: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    for (const item of items.slice(i, i + SLICE)) work(item);
    await new Promise((r) => setImmediate(r));
  }
}

function linkOrCopy(src: string, dest: string): void {
  try {
    linkSync(src, dest);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return;
    // Hard links are impossible on some file systems: copy instead.
    try {
      copyFileSync(src, dest);
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
    }
  }
}

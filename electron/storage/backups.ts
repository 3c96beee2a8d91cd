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
 * Record files (manifest, tags, claims, sources, trash, log: small) are copied,
 * because a hard link would share the damage if another program ever rewrote a file
 * in place. Texts are large, content-addressed and never rewritten by the app, so
 * they are hard-linked (falling back to a copy where links are impossible); a text
 * damaged in place is caught by its SHA-256 check instead.
 */
import { copyFileSync, mkdirSync, openSync, closeSync, readdirSync, readSync, renameSync, statSync, writeFileSync, fstatSync } from 'node:fs';
import { copyFile, link, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isErrno } from './durable-fs.ts';

export const BACKUP_DIR = '.backups';
export const BACKUP_RING = 5;
export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
const ROOT_FILES = ['notebook.json', 'tags.json', 'wal.log'];
const RECORD_DIRS = ['claims', 'sources', 'trash'];
const WAL = 'wal.log';
const PARTIAL = '.partial';
/** Files copied at once in the background: small, so the thread pool stays free for the store. */
const IN_FLIGHT = 2;
const COMPLETE = /^\d{8}T\d{9}Z$/;

/** Complete snapshots, newest first. */
export function listBackups(root: string): string[] {
  return backupEntries(root).filter((n) => COMPLETE.test(n)).sort().reverse();
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
  return d.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
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
      const records = [...ROOT_FILES];
      for (const d of RECORD_DIRS) for (const n of await listDir(join(this.root, d))) records.push(`${d}/${n}`);
      for (const d of RECORD_DIRS) mkdirSync(join(this.dest, d), { recursive: true });
      await pool(records, (rel) => this.copyLater(rel));
      const texts = await listDir(join(this.root, 'texts'));
      if (texts.length) mkdirSync(join(this.dest, 'texts'), { recursive: true });
      await pool(texts, (n) => linkOrCopy(join(this.root, 'texts', n), join(this.dest, 'texts', n)));
      if (this.error) throw this.error;
      this.over = true;
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

  /** Reads a file off the event loop; keeps the bytes only if the store has not preserved (and since changed) it meanwhile. */
  private async copyLater(rel: string): Promise<void> {
    if (this.handled.has(rel) || this.error) return;
    let data: Buffer;
    try {
      data = await readFile(join(this.root, rel));
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return;
      throw e;
    }
    if (this.handled.has(rel)) return;
    this.handled.add(rel);
    writeFileSync(join(this.dest, rel), rel === WAL ? data.subarray(0, this.walBytes) : data);
  }
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

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}

async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function linkOrCopy(src: string, dest: string): Promise<void> {
  try {
    await link(src, dest);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return;
    // Hard links are impossible on some file systems: copy instead.
    await copyFile(src, dest).catch((err) => {
      if (!isErrno(err, 'ENOENT')) throw err;
    });
  }
}

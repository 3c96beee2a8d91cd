/**
 * The notebook store: the only code that touches a notebook's files. It loads the
 * shards (validated by shard-reader.ts) into memory, all at once for the app or as a
 * command needs them (lazy-notebook.ts, with the catalog for listings), replays the
 * write-ahead log over them, persists each commit as one
 * durable log append (wal.ts), folds the log back into exactly the shards it touched
 * (compaction; which shards and what they hold is shards.ts), stores texts
 * content-addressed, and guards the folder with a lock, snapshots and quarantine.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { NotebookError } from '../../shared/result.ts';
import type { SourceSummary } from '../../shared/api/contract.ts';
import { sourceOrder } from '../../shared/api/listings.ts';
import type { Change } from '../../shared/model/view.ts';
import { ChangeSchema } from '../../shared/model/changes.ts';
import { describeIssues } from '../../shared/api/dispatch.ts';
import { removePartialSnapshots, SnapshotJob } from './backups.ts';
import { fsyncDir, isErrno, writeFileDurable, writeTempDurable } from './durable-fs.ts';
import { MANIFEST, SCHEMA_VERSION, TAGS_PATH, textPath, FORMAT } from './layout.ts';
import { readNoFollow, refuseLinks } from './no-follow.ts';
import type { Manifest } from './layout.ts';
import { acquireLock } from './lock.ts';
import { describeFsError, isReadOnlyError } from './fs-errors.ts';
import type { Lock } from './lock.ts';
import { LazyNotebook } from './lazy-notebook.ts';
import { keepCopy, pendingQuarantine, QUARANTINE_DIR, quarantineError, resolveQuarantine } from './quarantine.ts';
import { SearchFile } from './search-file.ts';
import { ShardReader, validFile } from './shard-reader.ts';
import { stampOf } from './stamps.ts';
import { inverseOf, shardContent, shardsOf } from './shards.ts';
import { danglingLinkRepairs } from './dangling.ts';
import { tidyMisplacedShards } from './misplaced.ts';
import { removeStrayTemps } from './strays.ts';
import { COMPACT_AFTER, readWal, WAL_FILE, WalWriter } from './wal.ts';
import type { WalRead } from './wal.ts';

export interface OpenOptions {
  /** Open without taking the writer lock (listing commands). Falls back to this when `write` is 'prefer'. */
  write: 'required' | 'prefer' | 'never';
  /**
   * 'all' (the default, the app's open): every shard read and validated up front.
   * 'lazy' (one-shot commands): shards are read as the command needs them, listings
   * use the catalog (see lazy-notebook.ts); the answers are the same.
   */
  load?: 'all' | 'lazy';
}

const SHARD_DIRS = ['sources', 'claims', 'trash', 'texts'];

export class NotebookStore {
  readonly memory: LazyNotebook;
  private readonly reader: ShardReader;
  private snapshotted = false;
  /** The backup snapshot this session started, while it is being copied (see backups.ts). */
  private snapshot: SnapshotJob | null = null;
  /** Removing snapshots a crash left unfinished, in the background; awaited before the lock goes. */
  private cleanup: Promise<unknown> = Promise.resolve();
  private wal: WalWriter | null = null;
  /** Shards whose current content lives partly in the log, waiting for compaction. */
  private readonly dirty = new Set<string>();
  private textCache = new Map<string, string>();
  /** What opening had to repair and could not use, one line each, for the researcher (the CLI prints them as warnings). */
  readonly recovery: string[] = [];

  private constructor(
    readonly root: string,
    private lock: Lock | null,
    private manifest: Manifest | null,
  ) {
    this.reader = new ShardReader(
      root,
      () => this.lock !== null,
      (rels, note) => this.claimsMisplaced(rels, note),
    );
    this.memory = new LazyNotebook(this.reader, true);
    this.searchPersistence = lock ? { search: new SearchFile(this.reader, () => this.dirty), onClose: (save) => this.closing.push(save) } : null;
  }

  /** Where a writer's search index is saved and loaded (storage/search-file.ts); null for a reader. */
  readonly searchPersistence: { search: SearchFile; onClose(save: () => void): void } | null;
  /** Saves of derived files, run at close with memory and disk in step (after compaction), before the lock goes. */
  private readonly closing: (() => void)[] = [];

  get writable(): boolean {
    return this.lock !== null;
  }
  get exists(): boolean {
    return this.manifest !== null;
  }

  static async open(root: string, options: OpenOptions): Promise<NotebookStore> {
    let lock: Lock | null = null;
    const present = await folderState(root);
    if (present === 'missing' && options.write !== 'required') {
      const none = new NotebookStore(root, null, null);
      none.memory.markEmpty();
      return none;
    }
    // Nothing is written, moved or removed in a folder that is not a notebook (files but no manifest), not even a lock.
    if (present === 'present') await refuseNonNotebook(root);
    if (options.write !== 'never') {
      await mkdir(root, { recursive: true });
      try {
        lock = await acquireLock(root);
      } catch (e) {
        // Held elsewhere, or a folder this user may only read: a listing reads it without the lock.
        const readOnly = isReadOnlyError(e);
        if (!((readOnly || (e instanceof NotebookError && e.code === 'locked')) && options.write === 'prefer')) throw describeFsError(e, root) ?? e;
      }
    }
    try {
      refuseLinks(root, [MANIFEST, WAL_FILE, TAGS_PATH, ...SHARD_DIRS, '.index', 'quarantine', '.backups']);
      if (lock && existsSync(join(root, MANIFEST))) removeStrayTemps(root, SHARD_DIRS);
      const pending = await pendingQuarantine(root);
      if (pending.length) throw quarantineError(root, pending, null, validFile);
      const store = new NotebookStore(root, lock, null);
      if (lock && existsSync(join(root, MANIFEST))) store.recovery.push(...tidyMisplacedShards(root));
      if (lock) store.cleanup = removePartialSnapshots(root).catch(() => 0);
      await store.load(options.load ?? 'all');
      return store;
    } catch (e) {
      await lock?.release();
      throw describeFsError(e, root) ?? e;
    }
  }

  /** Claims read from the wrong bucket: a writer keeps a copy of that file and moves them to their own at compaction. */
  private claimsMisplaced(rels: string[], note: string): void {
    if (!this.lock) {
      this.recovery.push(`${note}; open the notebook for writing (any edit command) to move them to their own`);
      return;
    }
    const [from] = rels;
    const kept = keepCopy(this.root, from!, readNoFollow(join(this.root, from!), from!) ?? '');
    for (const rel of rels) this.dirty.add(rel);
    this.recovery.push(`${note}; they are moved to their own when the notebook closes (a copy of ${from} as it was is at ${QUARANTINE_DIR}/${kept})`);
  }

  /**
   * Restores quarantined files from their last good backups (or discards them). After
   * a discard, the links that pointed into what was discarded (claims' evidence of its
   * quotes, links to its claims) are removed, so nothing cites a record that is gone.
   */
  static async restore(root: string, discard: boolean) {
    const lock = await acquireLock(root);
    let owner: NotebookStore | null = null;
    try {
      await removePartialSnapshots(root);
      const r = await resolveQuarantine(root, discard, validFile);
      if (!r.discarded.length || !existsSync(join(root, MANIFEST))) return { ...r, unlinked: 0 };
      owner = new NotebookStore(root, lock, null);
      await owner.load('all');
      const repair = danglingLinkRepairs(owner.memory);
      await owner.commit(repair.changes);
      return { ...r, unlinked: repair.removed };
    } finally {
      // The store, once made, holds the lock and releases it on close.
      if (owner) await owner.close();
      else await lock.release();
    }
  }

  async close(): Promise<void> {
    // The snapshot needs the folder unchanged by anyone else until it is complete.
    await this.snapshotDone();
    await this.cleanup;
    if (this.wal) {
      if (this.dirty.size || this.wal.entries) this.compact();
      this.wal.close();
      this.wal = null;
    }
    for (const save of this.closing.splice(0)) {
      try {
        save();
      } catch {
        // A derived file that cannot be saved is rebuilt next time; closing must not fail for it.
      }
    }
    await this.lock?.release();
    this.lock = null;
  }

  /** Writes every shard the log has touched, durably, then empties the log. */
  compact(): void {
    // Temps are written and fsynced one by one, but each folder is fsynced once
    // after all renames rather than once per file: half the fsyncs of doing
    // writeFileDurable per shard. The log is emptied only after that final fsync.
    const renames: [string, string][] = [];
    const dirs = new Set<string>();
    this.snapshot?.preserve(this.dirty);
    for (const rel of this.dirty) {
      const path = join(this.root, rel);
      const data = shardContent(this.memory, rel);
      if (data !== null) renames.push([writeTempDurable(path, data), path]);
      else if (removeQuietly(path)) dirs.add(dirname(path));
    }
    for (const [tmp, path] of renames) {
      renameSync(tmp, path);
      dirs.add(dirname(path));
    }
    for (const d of dirs) fsyncDir(d);
    // Memory now holds exactly what these files hold (derived files may vouch for them).
    for (const rel of this.dirty) this.reader.stamps.set(rel, stampOf(this.root, rel));
    this.dirty.clear();
    this.wal?.truncate();
  }

  private async load(mode: 'all' | 'lazy'): Promise<void> {
    const raw = await readFile(join(this.root, MANIFEST), 'utf8').catch((e) => {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    });
    if (raw === null) {
      const entries = (await readdir(this.root)).filter((n) => !['notebook.lock', '.backups', 'quarantine'].includes(n) && !n.startsWith('.'));
      if (entries.length > 0) throw new NotebookError('invalid_argument', `${this.root} is not a notebook folder (it has no ${MANIFEST}); choose an empty folder or an existing notebook`);
      this.memory.markEmpty();
      return; // an empty folder: the notebook is created by the first write
    }
    if (!validFile(MANIFEST, raw)) throw this.reader.fail(MANIFEST, 'not a valid notebook manifest');
    const m = JSON.parse(raw) as Manifest;
    if (m.schemaVersion > SCHEMA_VERSION) throw new NotebookError('corrupt', `this notebook was written by a newer version of the app (schema ${m.schemaVersion}); update the app to open it`);
    this.manifest = m;

    this.memory.loadTags();
    if (mode === 'all') this.memory.loadAll();

    // Replaying the log loads the shards it touches first (LazyNotebook.apply).
    const wal = readWal(join(this.root, WAL_FILE));
    for (const entry of wal.entries) {
      this.memory.apply(entry);
      for (const rel of shardsOf(entry)) this.dirty.add(rel);
    }
    if (this.lock) this.wal = new WalWriter(join(this.root, WAL_FILE), wal.bytes, wal.entries.length);
    if (!wal.ok) this.recoverLog(wal);
  }

  /**
   * A log with lines that cannot be read: every intact entry has been replayed; a
   * writer keeps a copy of the whole log in quarantine/, folds the intact entries
   * into the shards and empties the log, and the open reports what was not used.
   */
  private recoverLog(wal: WalRead): void {
    const lines = wal.damaged.length === 1 ? `line ${wal.damaged[0]}` : `lines ${wal.damaged.join(', ')}`;
    const what =
      wal.tornTail && wal.damaged.length === 1
        ? `its last change (${lines}) was cut short, most likely by a crash before it was saved, and`
        : `${lines} ${wal.damaged.length === 1 ? 'is' : 'are'} damaged and`;
    const intact = `${wal.entries.length} intact change${wal.entries.length === 1 ? '' : 's'} ${wal.entries.length === 1 ? 'was' : 'were'} kept`;
    if (!this.lock) {
      this.recovery.push(`${WAL_FILE}: ${what} could not be used; ${intact}; open the notebook for writing (any edit command) to repair the log and keep a copy of it in ${QUARANTINE_DIR}/`);
      return;
    }
    const name = keepCopy(this.root, WAL_FILE, readNoFollow(join(this.root, WAL_FILE), WAL_FILE) ?? '');
    this.compact();
    this.recovery.push(`${WAL_FILE}: ${what} could not be used; ${intact}; a copy of the log as it was is at ${QUARANTINE_DIR}/${name}`);
  }

  private requireWritable(): void {
    if (!this.lock) throw new NotebookError('locked', `the notebook at ${this.root} is open in another process; close it there to make changes`);
  }

  private async ensureCreated(): Promise<void> {
    if (this.manifest) return;
    const m: Manifest = { format: FORMAT, schemaVersion: SCHEMA_VERSION, id: randomBytes(8).toString('hex'), createdAt: new Date().toISOString() };
    writeFileDurable(join(this.root, MANIFEST), JSON.stringify(m, null, 2) + '\n');
    this.manifest = m;
    this.wal ??= new WalWriter(join(this.root, WAL_FILE), 0, 0);
  }

  /** Stores a normalized text under its SHA-256 (once) and returns the hash. */
  async putText(text: string): Promise<string> {
    this.requireWritable();
    await this.ensureCreated();
    const sha = sha256(text);
    const path = join(this.root, textPath(sha));
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) writeFileDurable(path, text);
    this.textCache.set(sha, text);
    return sha;
  }

  /** Reads a stored text as it is on disk now, without the cache or the hash check (the caller checks: see export). */
  readTextUnchecked(sha: string): string {
    const text = readNoFollow(join(this.root, textPath(sha)), textPath(sha));
    if (text === null) throw new NotebookError('corrupt', `the stored text ${textPath(sha)} is missing`);
    return text;
  }

  /** Reads a stored text and verifies it against its hash: a text changed on disk is reported, never used. */
  async getText(sha: string): Promise<string> {
    const cached = this.textCache.get(sha);
    if (cached !== undefined) return cached;
    // Synchronous: texts are read one at a time on the hot path of quoting, and a
    // thread-pool round trip costs more than reading a few kilobytes.
    const text = this.readTextUnchecked(sha);
    if (sha256(text) !== sha) throw new NotebookError('corrupt', `the stored text ${textPath(sha)} does not match its SHA-256 (it was changed outside the app)`);
    if (this.textCache.size > 64) this.textCache.clear();
    this.textCache.set(sha, text);
    return text;
  }

  /**
   * Applies `changes` in memory and appends them to the log; returns once they are
   * on disk. If the disk refuses, memory is rolled back so it never claims what the
   * disk does not hold.
   */
  async commit(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    this.requireWritable();
    refuseUnreadable(changes);
    await this.ensureCreated();
    if (!this.snapshotted) {
      // Started, not awaited: the snapshot is of this moment, copied in the background.
      this.snapshotted = true;
      this.snapshot = SnapshotJob.startIfDue(this.root, this.wal!.size);
      void this.snapshot?.finished.then(() => (this.snapshot = null));
    }
    const undo = this.inverseOf(changes);
    this.memory.apply(changes);
    try {
      this.wal!.append(changes);
    } catch (e) {
      this.memory.apply(undo);
      throw new NotebookError('io', `could not save the notebook: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const rel of shardsOf(changes)) this.dirty.add(rel);
    if (this.wal!.entries >= COMPACT_AFTER) this.compact();
  }

  /**
   * Every source with its quote, claim and review counts, in listing order: the
   * same as shared/api/listings.ts's sourceSummary over every source, but from the
   * catalog where it vouches for a shard, so listing never reads every shard.
   */
  sourceSummaries(): SourceSummary[] {
    const m = this.memory;
    return m
      .summaries()
      .sort((a, b) => sourceOrder(a.meta, b.meta))
      .map((e) => {
        const claims = new Set<string>();
        for (const q of e.quotes) for (const c of m.claimsCiting(q)) claims.add(c.id);
        return { ...e.meta, quoteCount: e.quotes.length, claimCount: claims.size, reviewCount: e.review };
      });
  }

  /** The backup snapshot being copied, if any (tests look at what copy-on-write saved). */
  snapshotInProgress(): SnapshotJob | null {
    return this.snapshot;
  }

  /** Resolves when the backup snapshot this session started (if any) is complete; its name, or null. */
  async snapshotDone(): Promise<string | null> {
    return (await this.snapshot?.finished) ?? null;
  }

  /**
   * The changes that restore what `changes` would overwrite, computed from memory
   * as it stands (call it before committing `changes`): the exact old records, in
   * reverse order. Used to roll memory back when the disk refuses a commit, and by
   * the service's undo history.
   */
  inverseOf(changes: readonly Change[]): Change[] {
    return inverseOf(this.memory, changes);
  }
}

function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false;
    throw e;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Limits are enforced where records are made: every change is checked against the
 * very schema the log is replayed with (shared/model/changes.ts, which embeds the
 * record schemas shards are read with) before it is written. A transition that let
 * an over-long field or an impossible value through is then a refused edit with
 * a reason, never a notebook that no longer opens.
 */
function refuseUnreadable(changes: readonly Change[]): void {
  for (const c of changes) {
    const r = ChangeSchema.safeParse(c);
    if (!r.success) throw new NotebookError('invalid_argument', `this edit was not saved: the ${c.kind} it would store breaks a limit of the notebook (${describeIssues(r.error.issues)})`);
  }
}

/** Refuses a folder that holds files but no notebook manifest: it is someone's folder, not a notebook. */
async function refuseNonNotebook(root: string): Promise<void> {
  if (existsSync(join(root, MANIFEST))) return;
  const entries = (await readdir(root)).filter((n) => !['notebook.lock', '.backups', 'quarantine'].includes(n) && !n.startsWith('.'));
  if (entries.length > 0) throw new NotebookError('invalid_argument', `${root} is not a notebook folder (it has no ${MANIFEST}); choose an empty folder or an existing notebook`);
}

async function folderState(root: string): Promise<'missing' | 'present'> {
  try {
    await stat(root);
    return 'present';
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return 'missing';
    throw e;
  }
}

/**
 * The backup snapshot runs in the background and is still the notebook of one
 * moment: edits, compactions and deletions made while it is copied never reach it,
 * and a snapshot a crash left unfinished is never offered as a backup.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_DIR, listBackups, snapshot, SnapshotJob } from '../../electron/storage/backups.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import type { Change } from '../../shared/model/view.ts';
import { tempDir } from '../support/notebook.ts';
import { claimRecord, quoteRecord, sourceRecord } from './support/records.ts';

const stores: NotebookStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const open = async (dir: string, write: 'required' | 'never' = 'required') => {
  const s = await NotebookStore.open(dir, { write });
  stores.push(s);
  return s;
};

/** Every record of a notebook folder, read by opening it: what a restore would bring back. */
async function recordsOf(dir: string) {
  const copy = tempDir('nb-backup-copy-');
  cpSync(dir, copy, { recursive: true, filter: (p) => !p.slice(dir.length).includes(BACKUP_DIR) && !p.endsWith('notebook.lock') });
  const s = await NotebookStore.open(copy, { write: 'never' });
  const m = s.memory;
  const out = {
    sources: [...m.sources()].sort(byId),
    quotes: [...m.quotes()].sort(byId),
    claims: [...m.claims()].sort(byId),
    tags: [...m.tags()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    trash: [...m.trashed()].map((t) => t.source.id).sort(),
  };
  await s.close();
  return out;
}
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

async function seeded(dir: string, sources: number) {
  const s = await open(dir);
  const ids = [];
  for (let i = 0; i < sources; i++) {
    const source = sourceRecord(i);
    const changes: Change[] = [{ kind: 'source', op: 'put', record: source }];
    for (let q = 0; q < 3; q++) changes.push({ kind: 'quote', op: 'put', record: quoteRecord(source, q) });
    await s.commit(changes);
    ids.push(source);
  }
  await s.commit([
    { kind: 'claim', op: 'put', record: claimRecord(0, []) },
    { kind: 'tag', op: 'put', record: { name: 'energy', color: '#3f7cc0', createdAt: '2026-01-01T00:00:00.000Z' } },
  ]);
  await s.close();
  stores.splice(stores.indexOf(s), 1);
  return ids;
}

describe('the backup snapshot', () => {
  it('is taken after the first write returns, and holds the notebook as it was when it started, whatever is written meanwhile', async () => {
    const dir = tempDir();
    const sources = await seeded(dir, 40);
    // Seeding took a snapshot of its own: make it old enough that the next session takes another.
    for (const b of await listBackups(dir)) cpSync(join(dir, BACKUP_DIR, b), join(dir, BACKUP_DIR, '20000101T000000000Z'), { recursive: true });
    rmBackupsExcept(dir, '20000101T000000000Z');
    utimesSync(join(dir, BACKUP_DIR, '20000101T000000000Z'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const before = await recordsOf(dir);

    const store = await open(dir);
    // The first write starts the snapshot; it returns before any file is copied.
    await store.commit([{ kind: 'quote', op: 'put', record: quoteRecord(sources[0]!, 7) }]);
    const job = store.snapshotInProgress();
    expect(job).not.toBeNull();
    expect(await listBackups(dir)).toEqual(['20000101T000000000Z']);
    // Meanwhile: more edits, a source deleted, a new one, a claim changed, then compaction
    // rewrites and removes shards and empties the log before the copier reaches them.
    await store.commit([
      { kind: 'source', op: 'delete', id: sources[1]!.id },
      ...[0, 1, 2].map((q): Change => ({ kind: 'quote', op: 'delete', id: quoteRecord(sources[1]!, q).id, sourceId: sources[1]!.id })),
    ]);
    const added = sourceRecord(1000);
    await store.commit([
      { kind: 'source', op: 'put', record: added },
      { kind: 'claim', op: 'put', record: claimRecord(0, [], 'rewritten while copying') },
      { kind: 'tag', op: 'delete', name: 'energy' },
    ]);
    store.compact();
    await store.commit([{ kind: 'source', op: 'put', record: { ...sources[2]!, title: 'renamed after the snapshot began' } }]);
    store.compact();

    const name = await store.snapshotDone();
    expect(name).not.toBeNull();
    expect(job!.preserved).toBeGreaterThan(0);
    expect(await listBackups(dir)).toContain(name);
    expect(readdirSync(join(dir, BACKUP_DIR)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(await recordsOf(join(dir, BACKUP_DIR, name!))).toEqual(before);
    // The notebook itself has every edit.
    expect(store.memory.getSource(added.id)).toBeDefined();
    expect(store.memory.getSource(sources[1]!.id)).toBeUndefined();
  });

  it('keeps the log as it was at the start: entries appended later are not in it', async () => {
    const dir = tempDir();
    const sources = await seeded(dir, 3);
    rmBackupsExcept(dir, '');
    // A log with entries at the start of the session (as after a crash).
    const store = await open(dir);
    await store.commit([{ kind: 'quote', op: 'put', record: quoteRecord(sources[0]!, 8) }]);
    await store.snapshotDone();
    const atStart = readFileSync(join(dir, 'wal.log'));
    rmBackupsExcept(dir, '');
    // A new session, whose first write's snapshot must hold exactly that log.
    await store.close();
    stores.splice(0);
    writeFileSync(join(dir, 'wal.log'), atStart); // compaction on close emptied it: put the entry back as a crash would leave it
    const again = await open(dir);
    await again.commit([{ kind: 'quote', op: 'put', record: quoteRecord(sources[1]!, 9) }]);
    await again.commit([{ kind: 'quote', op: 'put', record: quoteRecord(sources[2]!, 9) }]);
    again.compact();
    const name = await again.snapshotDone();
    expect(readFileSync(join(dir, BACKUP_DIR, name!, 'wal.log'))).toEqual(atStart);
  });

  it('left unfinished by a crash, is never offered as a backup and is removed by the next writer', async () => {
    const dir = tempDir();
    const sources = await seeded(dir, 2);
    rmBackupsExcept(dir, '');
    // What a kill -9 in the middle of copying leaves: a partial folder holding some files.
    const partial = join(dir, BACKUP_DIR, '20991231T235959000Z.partial');
    mkdirSync(join(partial, 'sources'), { recursive: true });
    const rel = `sources/${sources[0]!.id}.json`;
    cpSync(join(dir, rel), join(partial, rel));
    expect(await listBackups(dir)).toEqual([]);

    // A damaged shard whose only good copy is in the partial snapshot: no backup is offered.
    writeFileSync(join(dir, rel), '{"broken');
    await expect(NotebookStore.open(dir, { write: 'required' })).rejects.toThrow(/no backup of it exists/);
    const restored = await NotebookStore.restore(dir, true);
    expect(restored.discarded).toEqual([rel]);
    expect(existsSync(partial)).toBe(false);

    // And a writer opening the notebook removes one too.
    mkdirSync(partial, { recursive: true });
    const store = await open(dir);
    await store.close();
    expect(existsSync(partial)).toBe(false);
  });

  it('links the files unchanged since the previous snapshot to its copies and copies the rest, trusting no stamp of the same clock tick', async () => {
    const dir = tempDir();
    const sources = await seeded(dir, 6);
    rmBackupsExcept(dir, '');
    // Every record file long settled, so the first snapshot's stamps can vouch for them.
    const old = new Date(Date.now() - 60_000);
    for (const d of ['sources', 'claims']) for (const n of readdirSync(join(dir, d))) utimesSync(join(dir, d, n), old, old);
    utimesSync(join(dir, 'tags.json'), old, old);
    const first = await snapshot(dir, new Date(Date.now() - 30_000));
    const firstRecords = await recordsOf(join(dir, BACKUP_DIR, first));
    expect(firstRecords).toEqual(await recordsOf(dir));

    // Changed since: one shard rewritten by the store (temp + rename: a new inode) and a new source.
    const store = await open(dir);
    await store.commit([
      { kind: 'source', op: 'put', record: { ...sources[0]!, title: 'renamed after the first snapshot' } },
      { kind: 'source', op: 'put', record: sourceRecord(99) },
    ]);
    await store.close();
    stores.splice(0);
    const job = SnapshotJob.start(dir, Number.MAX_SAFE_INTEGER);
    const second = await job.finished;
    expect(second).not.toBeNull();
    const inode = (name: string, rel: string) => statSync(join(dir, BACKUP_DIR, name, rel)).ino;
    const unchanged = `sources/${sources[3]!.id}.json`;
    const changed = `sources/${sources[0]!.id}.json`;
    expect(inode(second!, unchanged)).toBe(inode(first, unchanged));
    expect(inode(second!, changed)).not.toBe(inode(first, changed));
    expect(job.linked).toBeGreaterThanOrEqual(5);
    expect(await recordsOf(join(dir, BACKUP_DIR, second!))).toEqual(await recordsOf(dir));
    // The log is appended in place: always copied, never linked.
    expect(inode(second!, 'wal.log')).not.toBe(inode(first, 'wal.log'));
    // The first snapshot is untouched by the second.
    expect(await recordsOf(join(dir, BACKUP_DIR, first))).toEqual(firstRecords);
  });

  it('never links a file whose stamp was taken within the racy window of the snapshot that read it', async () => {
    const dir = tempDir();
    const sources = await seeded(dir, 2);
    rmBackupsExcept(dir, '');
    const first = await snapshot(dir); // the shards were written just now: their stamps are too recent to trust
    const rel = `sources/${sources[1]!.id}.json`;
    const mtime = statSync(join(dir, rel)).mtime;
    // Same length, same time, same inode: edited in place within the same tick.
    writeFileSync(join(dir, rel), readFileSync(join(dir, rel), 'utf8').replace('Report', 'Rxport'));
    utimesSync(join(dir, rel), mtime, mtime);
    const job = SnapshotJob.start(dir, Number.MAX_SAFE_INTEGER, new Date(Date.now() + 1000));
    const second = (await job.finished)!;
    expect(job.linked).toBe(0);
    expect(readFileSync(join(dir, BACKUP_DIR, second, rel), 'utf8')).toContain('Rxport');
    expect(readFileSync(join(dir, BACKUP_DIR, first, rel), 'utf8')).not.toContain('Rxport');
  });

  it('is complete when taken with no store open (the restore path and tools)', async () => {
    const dir = tempDir();
    await seeded(dir, 2);
    const name = await snapshot(dir, new Date(Date.UTC(2030, 0, 1)));
    expect(name).toBe('20300101T000000000Z');
    expect(await recordsOf(join(dir, BACKUP_DIR, name))).toEqual(await recordsOf(dir));
  });
});

function rmBackupsExcept(dir: string, keep: string) {
  for (const n of existsSync(join(dir, BACKUP_DIR)) ? readdirSync(join(dir, BACKUP_DIR)) : []) if (n !== keep) cpRm(join(dir, BACKUP_DIR, n));
}
const cpRm = (path: string) => rmSync(path, { recursive: true, force: true });

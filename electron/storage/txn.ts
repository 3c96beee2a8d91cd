/**
 * Multi-file commits. Most edits touch one shard and use a single durable
 * rename. An edit that touches several (delete a quote cited by a claim in another
 * file, rename a tag used everywhere) must land whole or not at all, so:
 *   1. every new file is written to a fsynced temp beside its target;
 *   2. a journal listing (temp → target) and deletions is written durably to txn/
 *      — this is the commit point;
 *   3. the renames and deletions are applied, folders fsynced, the journal removed.
 * After a crash, `recover` replays any journal (renames of temps that still exist,
 * deletions that were not done) and removes stray temps of uncommitted work.
 */
import { readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsyncDir, isErrno, writeFileDurable, writeTempDurable } from './durable-fs.ts';

export interface FileWrite {
  rel: string;
  data: string | null; // null = delete
}

interface Journal {
  renames: [string, string][];
  deletes: string[];
}

export async function commitFiles(root: string, writes: readonly FileWrite[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    const w = writes[0]!;
    if (w.data === null) await removeDurable(join(root, w.rel));
    else await writeFileDurable(join(root, w.rel), w.data);
    return;
  }
  const journal: Journal = { renames: [], deletes: [] };
  try {
    for (const w of writes) {
      if (w.data === null) journal.deletes.push(w.rel);
      else {
        const tmp = await writeTempDurable(join(root, w.rel), w.data);
        journal.renames.push([tmp.slice(root.length + 1), w.rel]);
      }
    }
  } catch (e) {
    await Promise.all(journal.renames.map(([tmp]) => unlink(join(root, tmp)).catch(() => {})));
    throw e;
  }
  const journalPath = join(root, 'txn', `${Date.now()}-${randomBytes(4).toString('hex')}.json`);
  await writeFileDurable(journalPath, JSON.stringify(journal));
  await applyJournal(root, journal);
  await unlink(journalPath);
  await fsyncDir(dirname(journalPath));
}

async function applyJournal(root: string, journal: Journal): Promise<void> {
  const dirs = new Set<string>();
  for (const [tmp, rel] of journal.renames) {
    try {
      await rename(join(root, tmp), join(root, rel));
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw e; // already renamed before a crash
    }
    dirs.add(dirname(join(root, rel)));
  }
  for (const rel of journal.deletes) {
    await unlink(join(root, rel)).catch((e) => {
      if (!isErrno(e, 'ENOENT')) throw e;
    });
    dirs.add(dirname(join(root, rel)));
  }
  for (const d of dirs) await fsyncDir(d);
}

async function removeDurable(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return;
    throw e;
  }
  await fsyncDir(dirname(path));
}

/** Completes committed journals and removes temps of uncommitted writes. Call with the lock held. */
export async function recover(root: string, shardDirs: readonly string[]): Promise<{ replayed: number; strays: number }> {
  let replayed = 0;
  let strays = 0;
  let journals: string[] = [];
  try {
    journals = (await readdir(join(root, 'txn'))).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e;
  }
  for (const name of journals) {
    const path = join(root, 'txn', name);
    let journal: Journal | null = null;
    try {
      journal = JSON.parse(await readFile(path, 'utf8')) as Journal;
    } catch {
      // A journal that does not parse was never completely written, so it was never
      // committed: its temps are strays, removed below.
    }
    if (journal) {
      await applyJournal(root, journal);
      replayed++;
    }
    await unlink(path);
  }
  for (const d of ['.', ...shardDirs]) {
    let names: string[] = [];
    try {
      names = await readdir(join(root, d));
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw e;
    }
    for (const n of names) {
      if (n.startsWith('.') && n.endsWith('.tmp')) {
        await unlink(join(root, d, n)).catch(() => {});
        strays++;
      }
    }
  }
  return { replayed, strays };
}

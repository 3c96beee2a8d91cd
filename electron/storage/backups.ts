/**
 * A small ring of backups: snapshots of every record file.
 *
 * A snapshot is taken before the first write of a session when the newest one is
 * older than SNAPSHOT_INTERVAL_MS; the newest BACKUP_RING are kept. Record files
 * (manifest, tags, claims, sources, trash: small) are copied, because a hard link would
 * share the damage if another program ever rewrote a file in place. Texts are
 * large, content-addressed and never rewritten by the app, so they are hard-linked
 * (falling back to a copy where links are impossible); a text damaged in place is
 * caught by its SHA-256 check instead.
 */
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isErrno } from './durable-fs.ts';

export const BACKUP_DIR = '.backups';
export const BACKUP_RING = 5;
export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
const SNAPSHOT_ROOTS = ['notebook.json', 'tags.json', 'wal.log', 'claims', 'sources', 'trash', 'texts'];

export async function listBackups(root: string): Promise<string[]> {
  try {
    return (await readdir(join(root, BACKUP_DIR))).filter((n) => /^\d{8}T\d{6}/.test(n)).sort().reverse();
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
}

export async function snapshotIfDue(root: string, now = new Date()): Promise<string | null> {
  const newest = (await listBackups(root))[0];
  if (newest) {
    const s = await stat(join(root, BACKUP_DIR, newest));
    if (now.getTime() - s.mtimeMs < SNAPSHOT_INTERVAL_MS) return null;
  }
  return snapshot(root, now);
}

export async function snapshot(root: string, now = new Date()): Promise<string> {
  const name = stamp(now);
  const dest = join(root, BACKUP_DIR, name);
  await mkdir(dest, { recursive: true });
  for (const entry of SNAPSHOT_ROOTS) await linkTree(join(root, entry), join(dest, entry));
  const all = await listBackups(root);
  for (const old of all.slice(BACKUP_RING)) await rm(join(root, BACKUP_DIR, old), { recursive: true, force: true });
  return name;
}

async function linkTree(src: string, dest: string): Promise<void> {
  let s;
  try {
    s = await stat(src);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return;
    throw e;
  }
  if (s.isDirectory()) {
    await mkdir(dest, { recursive: true });
    for (const n of await readdir(src)) if (!n.startsWith('.')) await linkTree(join(src, n), join(dest, n));
    return;
  }
  if (src.includes(`${sep}texts${sep}`)) {
    try {
      await link(src, dest);
      return;
    } catch {
      // Hard links are impossible on some file systems: copy instead.
    }
  }
  await copyFile(src, dest);
}

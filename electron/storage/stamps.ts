/**
 * What a derived file (the catalog, the persisted search index) was built from:
 * each record file's stamp — size, modification time and inode — the way make,
 * rsync and git's index tell a changed file from an unchanged one without reading
 * it. A stamp taken within RACY_MS of when the derived file was written is not
 * trusted (a write in the same clock tick could leave size and time unchanged, git's
 * "racily clean" case): such files are read again.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isErrno } from './durable-fs.ts';
import { listJson } from './shard-reader.ts';

export const RACY_MS = 2000;

export interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The stamp of one file, or null when it does not exist. */
export function stampOf(root: string, rel: string): Stamp | null {
  try {
    const s = statSync(join(root, rel));
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
}

export const sameStamp = (a: Stamp | null | undefined, b: Stamp | null | undefined) => !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/** Whether a stamp recorded at `writtenAt` can be trusted to show every later change. */
export const settled = (s: Stamp, writtenAt: number) => s.mtimeMs < writtenAt - RACY_MS;

/** The stamps of every file in one record folder, by path relative to the notebook. */
export function stampsIn(root: string, dir: string): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  for (const n of listJson(root, dir)) {
    const rel = `${dir}/${n}`;
    const s = stampOf(root, rel);
    if (s) out.set(rel, s);
  }
  return out;
}

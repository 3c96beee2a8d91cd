/**
 * Crash leftovers: a durable write that was cut short leaves a `.name.xxxx.tmp`
 * beside its target (it was never renamed, so never acknowledged). A writer removes
 * them when it opens a notebook — only in a folder that has a notebook manifest, and
 * only names of exactly the shape the notebook writes.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isErrno } from './durable-fs.ts';

/** The temp names durable-fs.ts writes: `.<name>.<8 hex>.tmp`. Anything else (`.thesis.docx.tmp`) is not ours to remove. */
const OUR_TEMP = /^\.[^/]+\.[0-9a-f]{8}\.tmp$/;

export function removeStrayTemps(root: string, dirs: readonly string[]): number {
  let removed = 0;
  for (const d of ['.', ...dirs]) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, d));
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw e;
    }
    for (const n of names) {
      if (!OUR_TEMP.test(n)) continue;
      try {
        unlinkSync(join(root, d, n));
        removed++;
      } catch (e) {
        if (!isErrno(e, 'ENOENT')) throw e;
      }
    }
  }
  return removed;
}

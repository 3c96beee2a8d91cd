/**
 * Crash leftovers: a durable write that was cut short leaves a `.name.xxxx.tmp`
 * beside its target (it was never renamed, so never acknowledged). A writer removes
 * them when it opens the notebook.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isErrno } from './durable-fs.ts';

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
      if (!(n.startsWith('.') && n.endsWith('.tmp'))) continue;
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

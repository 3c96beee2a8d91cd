/**
 * A notebook never follows a symbolic link inside its folder. A notebook that
 * arrives as a zip or through a sync folder may carry links; followed, a link named
 * `wal.log` would let any command truncate and write the file it points to outside
 * the notebook, and a link named like a shard or a text would be read (or a FIFO or
 * /dev/zero behind it would hang the read). So the folder's own entries are checked
 * with lstat when the notebook opens, and every record file, text and the log are
 * opened with O_NOFOLLOW (a link as the last part of the path fails with ELOOP).
 * Windows has no O_NOFOLLOW; there the open-time check is the guard.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { isErrno } from './durable-fs.ts';

export const NO_FOLLOW: number = constants.O_NOFOLLOW ?? 0;

/** The error for a link where a notebook file should be, in the user's words. */
export function linkRefused(rel: string): NotebookError {
  return new NotebookError('invalid_argument', `${rel} in the notebook folder is a symbolic link; a notebook never follows links inside its folder: replace the link with the file or folder itself`);
}

/** Opens a notebook file for reading without following a link; null when it does not exist. */
export function openNoFollow(path: string, rel: string): number | null {
  try {
    const fd = openSync(path, constants.O_RDONLY | NO_FOLLOW);
    // A folder opens fine and fails only at the read, with no path: say which (fs-errors.ts words it).
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', path });
    }
    return fd;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    if (isErrno(e, 'ELOOP')) throw linkRefused(rel);
    throw e;
  }
}

/** Reads a whole notebook file without following a link; null when it does not exist. */
export function readNoFollow(path: string, rel: string): string | null {
  const fd = openNoFollow(path, rel);
  if (fd === null) return null;
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Refuses a notebook folder whose own files or folders (`names`, relative to `root`) are links. */
export function refuseLinks(root: string, names: readonly string[]): void {
  for (const rel of names) {
    let isLink = false;
    try {
      isLink = lstatSync(join(root, rel)).isSymbolicLink();
    } catch (e) {
      if (!isErrno(e, 'ENOENT') && !isErrno(e, 'ENOTDIR')) throw e;
    }
    if (isLink) throw linkRefused(rel);
  }
}

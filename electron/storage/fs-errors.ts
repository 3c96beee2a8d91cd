/**
 * Filesystem surprises in the researcher's words: a folder where a file should be
 * (EISDIR), a file where a folder should be (ENOTDIR), a file or folder the app may
 * not read or change (EACCES, EPERM, EROFS) — one line naming the path and what to
 * do, instead of an "unexpected error" with a system code.
 */
import { relative } from 'node:path';
import { NotebookError } from '../../shared/result.ts';

const HANDLED = new Set(['EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EFBIG']);

/** The one-line error for a filesystem failure, or null when `e` is not one this explains. */
export function describeFsError(e: unknown, root?: string): NotebookError | null {
  const ne = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof ne.code !== 'string' || !HANDLED.has(ne.code)) return null;
  const path = ne.path ?? root ?? 'a file of the notebook';
  const name = root && ne.path ? relative(root, ne.path) || '.' : path;
  const where = root && ne.path ? `${name} in the notebook ${root}` : path;
  switch (ne.code) {
    case 'EISDIR':
      return new NotebookError('io', `${where} is a folder where the notebook expects a file; move that folder out of the notebook folder, then try again`);
    case 'ENOTDIR':
      return new NotebookError('io', `${where}: part of this path is a file where the notebook expects a folder; move that file out of the notebook folder, then try again`);
    case 'ENOSPC':
    case 'EFBIG':
      return new NotebookError('io', `${where}: the disk is full or the file is too large to write; free some space, then try again`);
    default:
      return new NotebookError('io', `${where}: permission denied (${ne.code}); give your user read and write access to it (or open the notebook read-only for listing), then try again`);
  }
}

/** Whether `e` says the folder cannot be written (so a listing can still read it without the writer lock). */
export const isReadOnlyError = (e: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException)?.code ?? '');

/**
 * Writing an export to the exact path the user chose: resolved to an absolute path,
 * written atomically (temp file beside it, fsync, rename, fsync the folder) so a crash
 * leaves either the old file or the whole new one. Nothing else is written: folders
 * are never created, and no file name is ever derived from a source title. A title
 * only ever reaches the file system through suggestFileName, which the user confirms.
 */
import { lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsyncDir, isErrno } from '../storage/durable-fs.ts';

export class ExportPathError extends Error {
  override readonly name = 'ExportPathError';
}

export interface WriteOptions {
  notebookDir?: string;
  /** Given the text of a file already at the destination, returns what to write instead (re-export in place). */
  merge?: (existing: string) => string;
}

/** An existing file larger than this is never read for a merge (an export of 10,000 claims is a few MB). */
const MAX_MERGE_BYTES = 64 * 1024 * 1024;

/**
 * Writes `content` to `outPath` and returns the absolute path written. Refused: a
 * destination inside the notebook folder (`notebookDir`: an export over a shard or the
 * log would break the notebook), and anything at the destination that is not a regular
 * file — a symbolic link (never followed, never replaced), a device, a FIFO, a folder.
 */
export async function writeExport(outPath: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<string> {
  if (typeof outPath !== 'string' || outPath.trim() === '') throw new ExportPathError('choose a file to export to');
  if (outPath.includes('\0')) throw new ExportPathError('the export path contains a NUL character');
  if (outPath.endsWith('/') || outPath.endsWith(sep)) throw new ExportPathError(`${outPath} is a folder, not a file`);
  const target = resolve(outPath);
  const existing = await lstat(target).catch((e: unknown) => (isErrno(e, 'ENOENT') ? null : Promise.reject(e)));
  if (existing?.isDirectory()) throw new ExportPathError(`${target} is a folder, not a file`);
  if (existing?.isSymbolicLink()) throw new ExportPathError(`${target} is a symbolic link; export to the file itself, not a link to it`);
  if (existing && !existing.isFile()) throw new ExportPathError(`${target} is not a regular file (a device, pipe or socket); choose a file`);
  const dir = dirname(target);
  const parent = await stat(dir).catch(() => null);
  if (!parent?.isDirectory()) throw new ExportPathError(`the folder ${dir} does not exist`);
  if (options.notebookDir !== undefined) {
    // Compared as real paths, so a link to the notebook folder (or a folder in it) does not get round the rule.
    const [realDir, realNotebook] = await Promise.all([realpath(dir), realpath(resolve(options.notebookDir)).catch(() => resolve(options.notebookDir!))]);
    if (realDir === realNotebook || realDir.startsWith(realNotebook + sep)) throw new ExportPathError(`${target} is inside the notebook folder; export to a file outside it`);
  }

  if (existing && options.merge) {
    if (existing.size > MAX_MERGE_BYTES) throw new ExportPathError(`${target} is over ${MAX_MERGE_BYTES / 1024 / 1024} MB, larger than any earlier export; choose another file`);
    const old = await readFile(target);
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(old);
    } catch {
      // Not UTF-8 text, so not an earlier export: replaced as any other file.
    }
    if (text !== undefined) content = options.merge(text);
  }

  const tmp = join(dir, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(content);
    await fh.sync();
    await fh.close();
    await rename(tmp, target);
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dir);
  return target;
}

/** Names Windows reserves in every folder, with any extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A safe default file name for a save dialog: letters, digits, spaces, dots, dashes
 * and underscores only, no leading dot, no path separators, not a reserved device
 * name, at most 80 characters before the extension.
 */
export function suggestFileName(title: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').slice(0, 10) || 'txt';
  let stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
    .replace(/[\s.-]+$/g, '');
  if (stem === '') stem = 'briefing';
  if (WINDOWS_RESERVED.test(stem)) stem = `briefing-${stem}`;
  return `${stem}.${ext}`;
}

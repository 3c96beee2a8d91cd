/**
 * Writing an export to the exact path the user chose: resolved to an absolute path,
 * written atomically (temp file beside it, fsync, rename, fsync the folder) so a crash
 * leaves either the old file or the whole new one. Nothing else is written: folders
 * are never created, and no file name is ever derived from a source title. A title
 * only ever reaches the file system through suggestFileName, which the user confirms.
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsyncDir, isErrno } from '../storage/durable-fs.ts';

export class ExportPathError extends Error {
  override readonly name = 'ExportPathError';
}

/** Writes `content` to `outPath` and returns the absolute path written. */
export async function writeExport(outPath: string, content: string): Promise<string> {
  if (typeof outPath !== 'string' || outPath.trim() === '') throw new ExportPathError('choose a file to export to');
  if (outPath.includes('\0')) throw new ExportPathError('the export path contains a NUL character');
  if (outPath.endsWith('/') || outPath.endsWith(sep)) throw new ExportPathError(`${outPath} is a folder, not a file`);
  const target = resolve(outPath);
  const existing = await stat(target).catch((e: unknown) => (isErrno(e, 'ENOENT') ? null : Promise.reject(e)));
  if (existing?.isDirectory()) throw new ExportPathError(`${target} is a folder, not a file`);
  const dir = dirname(target);
  const parent = await stat(dir).catch(() => null);
  if (!parent?.isDirectory()) throw new ExportPathError(`the folder ${dir} does not exist`);

  const tmp = join(dir, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(content, 'utf8');
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

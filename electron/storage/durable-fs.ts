/**
 * Atomic and durable file writes. lowdb's own writer (steno) writes a temp file and
 * renames it, which is atomic but not durable: without fsync a power cut can leave
 * the renamed file empty or old. Here: write temp → fsync temp → rename → fsync the
 * folder, so an acknowledged write survives a crash and a reader only ever sees the
 * whole old file or the whole new one.
 */
import { open, rename, unlink, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** fsync a directory so a rename or unlink inside it is on disk. Not possible on Windows (no-op there). */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes `data` to a new temp file beside `path`, fsynced but not yet renamed. Returns the temp path. */
export async function writeTempDurable(path: string, data: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  return tmp;
}

/** Atomically and durably replaces `path` with `data`. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = await writeTempDurable(path, data);
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dirname(path));
}

export function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

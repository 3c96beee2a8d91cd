/**
 * From files on disk to `importFiles` calls, for the CLI and the File menu: every
 * path is checked first — its length, that it is a regular file, its size (a file
 * over the limit is never loaded) — then read, and sent in batches within the contract's limits; what
 * could not be read is refused here with its reason. The outcomes come back in the
 * order the paths were given.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_FILES, importLimitOf } from '../../shared/api/contract.ts';
import type { ApiArgs, ImportFileOutcome } from '../../shared/api/contract.ts';
import type { ErrorCode } from '../../shared/result.ts';
import { importBatches } from '../../shared/api/import-batches.ts';
import { baseName } from './importer.ts';

type FileArgs = ApiArgs<'importFiles'>['files'][number];
export type ImportFilesCall = (files: FileArgs[]) => Promise<{ files: ImportFileOutcome[] }>;

function readFailure(path: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return `${path}: no such file`;
  if (e.code === 'EISDIR') return `${path}: is a folder, not a file`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `${path}: not allowed to read it`;
  return `${path}: ${e.message}`;
}

/** The longest file name the notebook records (the contract's importFiles limit). */
const MAX_PATH_CHARS = 1000;

/**
 * Reads one file: only a regular file (a folder, a pipe, a device such as /dev/zero
 * is refused without reading, so nothing can hang), and only up to the limit: the
 * size is checked on the open file itself before a byte is read.
 */
async function readOne(path: string, fileName: string): Promise<Buffer | ImportFileOutcome> {
  const refuse = (code: ErrorCode, reason: string): ImportFileOutcome => ({ fileName: fileName.slice(0, MAX_PATH_CHARS), status: 'refused', code, reason });
  if (fileName.length > MAX_PATH_CHARS)
    return refuse('invalid_argument', `${shortPath(path)}: the path is ${fileName.length} characters long; the limit is ${MAX_PATH_CHARS}: move or rename the file`);
  let handle: FileHandle | null = null;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return refuse('not_found', `${path}: is a folder, not a file`);
    if (!s.isFile()) return refuse('unsupported_file', `${path}: not a regular file (a pipe, a device or a socket); save its content to a file and import that`);
    // O_NONBLOCK: if the path was swapped for a pipe since the check, opening it does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const f = await handle.stat();
    if (!f.isFile()) return refuse('unsupported_file', `${path}: not a regular file (a pipe, a device or a socket); save its content to a file and import that`);
    if (f.size > importLimitOf(fileName)) return refuse('unsupported_file', tooBig(fileName, f.size));
    const buf = Buffer.alloc(f.size);
    let read = 0;
    while (read < f.size) {
      const { bytesRead } = await handle.read(buf, read, f.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf.subarray(0, read);
  } catch (e) {
    const ne = e as NodeJS.ErrnoException;
    return refuse(ne.code === 'ENOENT' ? 'not_found' : 'io', readFailure(path, ne));
  } finally {
    await handle?.close();
  }
}

const tooBig = (fileName: string, size: number) => `${baseName(fileName)}: the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${importLimitOf(fileName) / 1048576} MB`;
const shortPath = (path: string) => (path.length > 80 ? `${path.slice(0, 40)}…${path.slice(-30)}` : path);

/**
 * Imports `paths` through `importFiles`; `nameOf` is the file name the notebook
 * records (the CLI keeps the path as typed, the menu the base name).
 */
export async function importFromDisk(paths: readonly string[], importFiles: ImportFilesCall, options: { nameOf?: (path: string) => string; newVersionOf?: string } = {}): Promise<ImportFileOutcome[]> {
  const nameOf = options.nameOf ?? ((p: string) => p);
  const outcomes: (ImportFileOutcome | null)[] = [];
  const toSend: { slot: number; args: FileArgs; size: number }[] = [];
  for (const path of paths) {
    const fileName = nameOf(path);
    const read = await readOne(path, fileName);
    if (!Buffer.isBuffer(read)) {
      outcomes.push(read);
      continue;
    }
    toSend.push({ slot: outcomes.length, size: read.length, args: { fileName, dataBase64: read.toString('base64'), ...(options.newVersionOf ? { newVersionOf: options.newVersionOf } : {}) } });
    outcomes.push(null);
  }
  for (const batch of importBatches(toSend, (f) => f.size, MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_FILES)) {
    const r = await importFiles(batch.map((f) => f.args));
    batch.forEach((f, i) => (outcomes[f.slot] = r.files[i]!));
  }
  return outcomes as ImportFileOutcome[];
}

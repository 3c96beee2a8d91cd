/**
 * From files on disk to `importFiles` calls, for the CLI and the File menu: each
 * path is checked for existence and size before it is read (a file over the limit
 * is never loaded), read, and sent in batches within the contract's limits; what
 * could not be read is refused here with its reason. The outcomes come back in the
 * order the paths were given.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../shared/api/contract.ts';
import type { ApiArgs, ImportFileOutcome } from '../../shared/api/contract.ts';
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

async function readOne(path: string, fileName: string): Promise<Buffer | ImportFileOutcome> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { fileName, status: 'refused', code: 'not_found', reason: `${path}: is a folder, not a file` };
    if (s.size > MAX_IMPORT_BYTES) {
      return { fileName, status: 'refused', code: 'unsupported_file', reason: `${baseName(fileName)}: the file is ${(s.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB` };
    }
    return await readFile(path);
  } catch (e) {
    const ne = e as NodeJS.ErrnoException;
    return { fileName, status: 'refused', code: ne.code === 'ENOENT' ? 'not_found' : 'io', reason: readFailure(path, ne) };
  }
}

/**
 * Imports `paths` through `importFiles`; `nameOf` is the file name the notebook
 * records (the CLI keeps the path as typed, the menu the base name).
 */
export async function importFromDisk(
  paths: readonly string[],
  importFiles: ImportFilesCall,
  options: { nameOf?: (path: string) => string; newVersionOf?: string } = {},
): Promise<ImportFileOutcome[]> {
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

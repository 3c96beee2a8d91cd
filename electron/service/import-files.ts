/**
 * One import of several files (the contract's `importFiles`), with one behaviour
 * for the CLI, the File menu and drag-and-drop: every file is read and checked
 * before anything is written, then the good ones are imported in the order given
 * and each bad one keeps its one-line reason. The service runs it as one call, so
 * the whole import is one undo step ("import of 3 files").
 */
import type { ImportFileOutcome, ImportResult, ParsedArgs } from '../../shared/api/contract.ts';
import { NotebookError } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { SourceId } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';
import { baseName, readSourceFile } from '../import/importer.ts';
import type { ImportedText } from '../import/importer.ts';

type FileArgs = ParsedArgs<'importFiles'>['files'][number];
type Refusal = Extract<ImportFileOutcome, { status: 'refused' }>;

/** An expected failure becomes the file's refusal; anything else is a bug and propagates. */
function refusal(fileName: string, e: unknown): Refusal {
  if (e instanceof NotebookError) return { fileName, status: 'refused', code: e.code, reason: e.message };
  throw e;
}

/** Reads and checks one file without touching the notebook. */
async function check(view: NotebookView, f: FileArgs, read: ReadFile): Promise<ImportedText | Refusal> {
  try {
    if (f.newVersionOf && !view.getSource(f.newVersionOf)) throw new NotebookError('not_found', `${baseName(f.fileName)}: there is no source ${f.newVersionOf} to make it a new version of`);
    return await read(f.fileName, f.dataBase64);
  } catch (e) {
    return refusal(f.fileName, e);
  }
}

/** A file's text: read early (import-reads.ts) or now. */
type ReadFile = (fileName: string, dataBase64: string) => Promise<ImportedText>;
const readNow: ReadFile = (fileName, dataBase64) => readSourceFile(fileName, Buffer.from(dataBase64, 'base64'));

export async function importEach(
  view: NotebookView,
  files: readonly FileArgs[],
  add: (text: ImportedText, newVersionOf: SourceId | undefined) => Promise<Result<ImportResult>>,
  read: ReadFile = readNow,
): Promise<{ files: ImportFileOutcome[] }> {
  const checked: (ImportedText | Refusal)[] = [];
  for (const f of files) checked.push(await check(view, f, read));
  const out: ImportFileOutcome[] = [];
  for (const [i, f] of files.entries()) {
    const c = checked[i]!;
    if ('status' in c) {
      out.push(c);
      continue;
    }
    try {
      const r = await add(c, f.newVersionOf);
      if (!r.ok) out.push({ fileName: f.fileName, status: 'refused', code: r.error.code, reason: r.error.message });
      else out.push({ fileName: f.fileName, status: r.value.newVersion ? 'new-version' : r.value.duplicate ? 'duplicate' : r.value.restoredFromTrash ? 'restored' : 'imported', ...r.value });
    } catch (e) {
      out.push(refusal(f.fileName, e));
    }
  }
  return { files: out };
}

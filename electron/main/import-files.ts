/**
 * File ▸ Import… and "Open with": the native open dialog, then the chosen files
 * through the contract's importFiles, the same behaviour as the CLI and
 * drag-and-drop: every file is checked first, the good ones are imported (one undo
 * step), and the researcher hears about every file that was refused, by name, in
 * one message. Files are read and size-checked here because the dialog hands us paths.
 */
import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { ApiArgs, ApiResults } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/result.ts';
import { importFromDisk } from '../import/read-paths.ts';

export const IMPORT_FILTERS = [
  { name: 'Text, Markdown or HTML', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] },
  { name: 'Documents and saved web pages', extensions: ['pdf', 'docx', 'epub', 'odt', 'mhtml', 'mht', 'warc'] },
  { name: 'All Files', extensions: ['*'] },
];

export interface ImportDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  window: BrowserWindow | null;
  importFiles(args: ApiArgs<'importFiles'>): Promise<Result<ApiResults['importFiles']>>;
}

/** Returns how many files were imported (0 when the dialog was cancelled). */
export async function importFilesWithDialog(deps: ImportDeps): Promise<number> {
  const options = { title: 'Import into the notebook', properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[], filters: IMPORT_FILTERS };
  const choice = deps.window ? await deps.dialog.showOpenDialog(deps.window, options) : await deps.dialog.showOpenDialog(options);
  if (choice.canceled || choice.filePaths.length === 0) return 0;
  return importPaths(choice.filePaths, deps);
}

const OPENABLE = /\.(txt|md|markdown|html?)$/i;

/**
 * The documents in a command line: what the OS passes when the researcher uses
 * "Open with Research Notebook" on a .txt/.md/.html file (at launch, or to the running
 * instance through 'second-instance'). Flags and the app's own path are not documents.
 */
export function documentsInArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--notebook') {
      i++;
      continue;
    }
    if (!a.startsWith('-') && OPENABLE.test(a)) out.push(a);
  }
  return out;
}

/** Imports files by path through the contract; returns how many were imported or already there. */
export async function importPaths(paths: readonly string[], deps: ImportDeps): Promise<number> {
  const outcomes = await importFromDisk(
    paths,
    async (files) => {
      const r = await deps.importFiles({ files });
      // The whole call failed (it never reached the files): every file of it hears why.
      return r.ok ? r.value : { files: files.map((f) => ({ fileName: f.fileName, status: 'refused' as const, code: r.error.code, reason: `${f.fileName}: ${r.error.message}` })) };
    },
    { nameOf: (p) => basename(p) },
  );
  const failures = outcomes.flatMap((o) => (o.status === 'refused' ? [o.reason] : []));
  if (failures.length) {
    const box = { type: 'warning' as const, message: `${failures.length} of ${paths.length} files could not be imported`, detail: failures.join('\n') };
    if (deps.window) await deps.dialog.showMessageBox(deps.window, box);
    else await deps.dialog.showMessageBox(box);
  }
  return outcomes.length - failures.length;
}

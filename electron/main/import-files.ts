/**
 * File ▸ Import…: the native open dialog, then each chosen file through the
 * contract's importFile (so the same validation and decoding as every other way
 * in). Files are read and size-checked here because the dialog hands us paths, and
 * the researcher hears about every file that failed, by name, in one message.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/api/result.ts';

export const IMPORT_FILTERS = [
  { name: 'Text, Markdown or HTML', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] },
  { name: 'All Files', extensions: ['*'] },
];

export interface ImportDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  window: BrowserWindow | null;
  importFile(args: { fileName: string; dataBase64: string }): Promise<Result<unknown>>;
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

/** Imports files by path through the contract, telling the researcher about each one that failed. */
export async function importPaths(paths: readonly string[], deps: ImportDeps): Promise<number> {
  const failures: string[] = [];
  let imported = 0;
  for (const path of paths) {
    const name = basename(path);
    try {
      if ((await stat(path)).size > MAX_IMPORT_BYTES) {
        failures.push(`${name}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
        continue;
      }
      const r = await deps.importFile({ fileName: name, dataBase64: (await readFile(path)).toString('base64') });
      if (r.ok) imported++;
      else failures.push(`${name}: ${r.error.message}`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length) {
    const box = { type: 'warning' as const, message: `${failures.length} of ${paths.length} files could not be imported`, detail: failures.join('\n') };
    if (deps.window) await deps.dialog.showMessageBox(deps.window, box);
    else await deps.dialog.showMessageBox(box);
  }
  return imported;
}

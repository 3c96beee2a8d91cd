/**
 * Importing sources from files and pasted text. Dropped or chosen files go
 * through the contract's importFiles, the same behaviour as the CLI and the File
 * menu: every file is checked first, the good ones are imported and each refused
 * one is named with its reason. One call is one undo step ("import of 3 files");
 * the undo history lives in the service, and its text stays stored by its hash.
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES, importLimitOf } from '../../../shared/api/contract.ts';
import type { ApiArgs } from '../../../shared/api/contract.ts';
import { importBatches } from '../../../shared/api/import-batches.ts';
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { guard, must, refresh, toast } from './common.ts';
import { plural } from '../derive.ts';

type FileArgs = ApiArgs<'importFiles'>['files'][number];

/**
 * Reads the files, then imports them. Calls are kept within one file's limit of
 * bytes, so that each fits the browser mode's request limit; a usual selection of
 * articles is one call. Progress is shown by bytes read, then by call (a call the
 * server is working on shows a moving bar), with Cancel: it stops reading at
 * once and sends no further call; a call already sent finishes, and what it
 * imported stays (one undo takes it back), which the closing message says.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const stop = new AbortController();
  const cancel = () => stop.abort();
  const totalBytes = files.reduce((n, f) => n + f.size, 0) || 1;
  const show = (label: string, done: number, indeterminate = false) => store.set({ progress: { label, done, total: totalBytes, indeterminate, cancel } });
  store.set({ view: 'library' });
  show(`Reading ${plural(files.length, 'file')}…`, 0);
  let imported = 0;
  let sent = 0;
  try {
    const read: { args: FileArgs; size: number }[] = [];
    let bytesDone = 0;
    for (const file of files) {
      if (stop.signal.aborted) break;
      show(`Reading ${file.name}…`, bytesDone);
      if (file.size > importLimitOf(file.name)) {
        toast(`${file.name}: the file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${importLimitOf(file.name) / 1048576} MB`, 'error');
        bytesDone += file.size;
        continue;
      }
      try {
        const at = bytesDone;
        const dataBase64 = await client.readFileBase64(file, { signal: stop.signal, onProgress: (loaded) => show(`Reading ${file.name}…`, at + loaded) });
        read.push({ args: { fileName: file.name, dataBase64 }, size: file.size });
      } catch (e) {
        if (stop.signal.aborted) break;
        toast(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
      bytesDone += file.size;
    }
    const batches = stop.signal.aborted ? [] : importBatches(read, (f) => f.size, MAX_IMPORT_BYTES, MAX_IMPORT_FILES);
    let importedBytes = 0;
    for (const batch of batches) {
      if (stop.signal.aborted) break;
      show(batch.length === 1 ? `Importing ${batch[0]!.args.fileName}…` : `Importing ${plural(batch.length, 'file')}…`, importedBytes, true);
      sent += batch.length;
      const r = await guard(() => must('importFiles', { files: batch.map((f) => f.args) }));
      importedBytes += batch.reduce((n, f) => n + f.size, 0);
      for (const f of r?.files ?? []) {
        if (f.status === 'refused') toast(f.reason, 'error');
        else if (f.status === 'duplicate') toast(`${f.fileName} is already in the notebook.`);
        else if (f.status === 'restored') toast(`“${f.source.title}” was in the Trash: it is back, with its ${plural(f.restoredFromTrash?.quotes ?? 0, 'quote')}.`);
        else imported++;
        // What the importer had to change to fit the notebook's limits (an impossible date dropped, 150 authors kept to 100…).
        if (f.status !== 'refused' && f.notes?.length) toast(`${f.fileName}: ${f.notes.map((n) => (/[.!?…]\s*$/.test(n) ? n.trimEnd() : `${n.trimEnd()}.`)).join(' ')}`);
      }
    }
    await guard(refresh);
    if (stop.signal.aborted) toast(cancelledMessage(files.length, sent, imported));
    else if (imported > 0) toast(`Imported ${imported} source${imported === 1 ? '' : 's'}.`);
  } finally {
    store.set({ progress: null });
  }
}

/** What a cancelled import says: what was left out, and what was imported before the cancel (and how to take it back). */
export function cancelledMessage(files: number, sent: number, imported: number): string {
  const left = files - sent;
  if (imported === 0) return 'Import cancelled: nothing was imported.';
  return `Import cancelled: ${plural(imported, 'source')} imported before the cancel stay${imported === 1 ? 's' : ''} (undo with Ctrl+Z); ${plural(left, 'file')} not imported.`;
}

export async function importPastedText(text: string, title: string): Promise<boolean> {
  const r = await guard(async () => {
    const res = await must('importText', { text, ...(title.trim() ? { title: title.trim() } : {}) });
    await refresh();
    toast(res.duplicate ? 'That text is already in the notebook.' : `Imported “${res.source.title}”.`);
    return true;
  });
  return r === true;
}

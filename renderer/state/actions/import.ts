/**
 * Importing sources from files and pasted text. Dropped or chosen files go
 * through the contract's importFiles, the same behaviour as the CLI and the File
 * menu: every file is checked first, the good ones are imported and each refused
 * one is named with its reason. One call is one undo step ("import of 3 files");
 * the undo history lives in the service, and its text stays stored by its hash.
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../../shared/api/contract.ts';
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
 * articles is one call.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const total = files.length + 1;
  store.set({ progress: { label: `Importing ${files.length} file${files.length === 1 ? '' : 's'}…`, done: 0, total }, view: 'library' });
  try {
    const read: { args: FileArgs; size: number }[] = [];
    for (const [i, file] of files.entries()) {
      store.set({ progress: { label: `Reading ${file.name}…`, done: i, total } });
      if (file.size > MAX_IMPORT_BYTES) {
        toast(`${file.name}: the file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`, 'error');
        continue;
      }
      try {
        read.push({ args: { fileName: file.name, dataBase64: await client.readFileBase64(file) }, size: file.size });
      } catch (e) {
        toast(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
    }
    store.set({ progress: { label: `Importing ${read.length} file${read.length === 1 ? '' : 's'}…`, done: files.length, total } });
    let imported = 0;
    for (const batch of importBatches(read, (f) => f.size, MAX_IMPORT_BYTES, MAX_IMPORT_FILES)) {
      const r = await guard(() => must('importFiles', { files: batch.map((f) => f.args) }));
      for (const f of r?.files ?? []) {
        if (f.status === 'refused') toast(f.reason, 'error');
        else if (f.status === 'duplicate') toast(`${f.fileName} is already in the notebook.`);
        else if (f.status === 'restored') toast(`“${f.source.title}” was in the Trash: it is back, with its ${plural(f.restoredFromTrash?.quotes ?? 0, 'quote')}.`);
        else imported++;
      }
    }
    await guard(refresh);
    if (imported > 0) toast(`Imported ${imported} source${imported === 1 ? '' : 's'}.`);
  } finally {
    store.set({ progress: null });
  }
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

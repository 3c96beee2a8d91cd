/**
 * Importing sources from files and pasted text. Each file is one undo step in
 * the service (undo removes the source; its text stays stored by its hash).
 */
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { guard, must, refresh, toast } from './common.ts';

/** Reads and uploads files one by one; progress counts both steps of every file. */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const total = files.length * 2;
  let imported = 0;
  store.set({ progress: { label: `Importing ${files.length} file${files.length === 1 ? '' : 's'}…`, done: 0, total }, view: 'library' });
  try {
    for (const [i, file] of files.entries()) {
      store.set({ progress: { label: `Reading ${file.name}…`, done: i * 2, total } });
      try {
        const dataBase64 = await client.readFileBase64(file);
        store.set({ progress: { label: `Uploading ${file.name}…`, done: i * 2 + 1, total } });
        const r = await must('importFile', { fileName: file.name, dataBase64 });
        imported++;
        if (r.duplicate) toast(`${file.name} is already in the notebook.`);
      } catch (e) {
        toast(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
      store.set({ progress: { label: `Imported ${imported} of ${files.length}`, done: (i + 1) * 2, total } });
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

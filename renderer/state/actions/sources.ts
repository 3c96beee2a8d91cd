/**
 * Editing a source's details and deleting a source, both undoable in the
 * service (texts are kept by their hash, so undoing a deletion needs only the
 * records back).
 */
import type { SourceMeta } from '../../../shared/model/records.ts';
import { store } from '../store.ts';
import { edit, guard, must, refresh, toast } from './common.ts';

export type SourceEdit = Partial<Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'accessed'>>;

/** Only the fields that changed go in the patch (an unchanged form makes no edit to undo). */
export async function updateSource(id: string, changes: SourceEdit): Promise<boolean> {
  const before = store.get().sources.find((s) => s.id === id);
  if (!before) return false;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes) as [keyof SourceEdit, unknown][]) if (JSON.stringify(before[k]) !== JSON.stringify(v)) patch[k] = v;
  if (Object.keys(patch).length === 0) return true;
  const r = await guard(async () => {
    await edit('updateSource', { id, patch: patch as never });
    return true;
  });
  return r === true;
}

export async function deleteSource(id: string): Promise<void> {
  await guard(async () => {
    await must('deleteSource', { id });
    if (store.get().source?.id === id) store.set({ source: null, view: 'library' });
    await refresh();
    toast('Source deleted. Undo (Ctrl+Z) brings it back with its quotes.');
  });
}

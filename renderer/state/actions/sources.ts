/**
 * Editing a source's details (undoable) and deleting a source (not undoable:
 * the contract cannot restore a source's original bytes).
 */
import type { SourceMeta } from '../../../shared/model/records.ts';
import { store } from '../store.ts';
import { guard, must, perform, refresh, toast } from './common.ts';

export type SourceEdit = Partial<Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'accessed'>>;

/** Only the fields that changed go in the patch, so undo restores exactly those. */
export async function updateSource(id: string, edit: SourceEdit): Promise<boolean> {
  const before = store.get().sources.find((s) => s.id === id);
  if (!before) return false;
  const patch: Record<string, unknown> = {};
  const prev: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(edit) as [keyof SourceEdit, unknown][]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) {
      patch[k] = v;
      prev[k] = before[k];
    }
  }
  if (Object.keys(patch).length === 0) return true;
  const r = await guard(async () => {
    const apply = (p: Record<string, unknown>) => async () => {
      await must('updateSource', { id, patch: p as never });
    };
    await perform({ label: 'edit source details', run: apply(patch), redo: apply(patch), undo: apply(prev) });
    return true;
  });
  return r === true;
}

export async function deleteSource(id: string): Promise<void> {
  await guard(async () => {
    await must('deleteSource', { id });
    if (store.get().source?.id === id) store.set({ source: null, view: 'library' });
    await refresh();
    toast('Source deleted (this cannot be undone).');
  });
}

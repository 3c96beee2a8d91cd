/**
 * Editing a source's details, deleting a source (it goes to the Trash) and the
 * Trash itself: listing it, restoring a source, emptying it for good. Every edit
 * is one service call, undoable in the service (texts are kept by their hash, so
 * a source in the Trash needs only its records back).
 */
import type { SourceMeta } from '../../../shared/model/records.ts';
import type { TrashItem } from '../../../shared/model/trash.ts';
import { store } from '../store.ts';
import { edit, guard, toast } from './common.ts';

export type SourceEdit = Partial<Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'accessed'>>;
export type { TrashItem };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

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

/** What the delete confirmation says: where the source goes and that it can come back. */
export function trashNotice(title: string, quotes: number): string {
  return `“${title}”${quotes ? ` and its ${plural(quotes, 'quote')}` : ''} will move to the Trash. You can restore ${quotes ? 'them' : 'it'} from the Trash below.`;
}

export async function deleteSource(id: string): Promise<void> {
  const title = store.get().sources.find((s) => s.id === id)?.title ?? 'The source';
  await guard(async () => {
    const r = await edit('deleteSource', { id });
    if (store.get().source?.id === id) store.set({ source: null, view: 'library' });
    toast(`Moved “${title}”${r.quotes ? ` and its ${plural(r.quotes, 'quote')}` : ''} to the Trash. Restore it from the Trash in the Library, or undo (Ctrl+Z).`);
  });
}

/** The Trash, newest first: the page's copy of the notebook keeps it current from pushed changes, so no request. */
export async function loadTrash(): Promise<TrashItem[] | null> {
  return store.get().trash;
}

export async function restoreSource(id: string): Promise<void> {
  await guard(async () => {
    const r = await edit('restoreSource', { id });
    const dropped = r.linksDropped ? ` ${plural(r.linksDropped, 'link')} to claims deleted since could not come back.` : '';
    toast(`Restored “${r.source.title}” with ${plural(r.quotes, 'quote')}${r.links ? ` and ${plural(r.links, 'evidence link')}` : ''}.${dropped}`);
  });
}

/** Removes the given sources from the Trash for good, or all of them. */
export async function emptyTrash(ids?: string[]): Promise<void> {
  await guard(async () => {
    const r = await edit('emptyTrash', ids ? { ids } : {});
    toast(
      r.removed.length
        ? `Removed ${plural(r.removed.length, 'source')} from the Trash for good. Undo (Ctrl+Z) can still bring ${r.removed.length === 1 ? 'it' : 'them'} back in this session.`
        : 'The Trash was already empty.',
    );
  });
}

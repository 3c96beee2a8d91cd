/**
 * The welcome screen's two ways in: an empty notebook or the sample. The choice
 * is remembered per notebook folder (client.dismissWelcome), so a reload or a
 * restart of a still-empty notebook goes straight to the Library.
 */
import * as client from '../../api/client.ts';
import { plural } from '../derive.ts';
import { store } from '../store.ts';
import { guard, must, refresh, toast } from './common.ts';

/** The open notebook's folder, which keys the remembered choice. */
let notebookPath = '';

/** Whether the welcome screen should show for this notebook: it is empty and no choice was made for it yet. */
export function needsWelcome(info: { path: string; counts: { sources: number } }): boolean {
  notebookPath = info.path;
  return info.counts.sources === 0 && !client.welcomeDismissed(info.path);
}

/**
 * The welcome screen's choices. Loading the sample is one undo step in the
 * service (undo empties the notebook again).
 */
export function startEmpty(): void {
  client.dismissWelcome(notebookPath);
  store.set({ welcome: false, view: 'library' });
}

export async function openSample(): Promise<void> {
  await guard(async () => {
    const r = await must('loadSample', {});
    client.dismissWelcome(notebookPath);
    await refresh();
    store.set({ welcome: false, view: 'library' });
    toast(`Opened the sample: ${plural(r.sources, 'source')}, ${plural(r.quotes, 'quote')}, ${plural(r.claims, 'claim')}.`);
  });
}

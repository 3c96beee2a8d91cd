/**
 * The welcome screen's two ways in: an empty notebook or the sample.
 */
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { guard, must, refresh, toast } from './common.ts';

/**
 * The welcome screen's choices. Loading the sample is one undo step in the
 * service (undo empties the notebook again).
 */
export function startEmpty(): void {
  client.dismissWelcome();
  store.set({ welcome: false, view: 'library' });
}

export async function openSample(): Promise<void> {
  await guard(async () => {
    const r = await must('loadSample', {});
    client.dismissWelcome();
    await refresh();
    store.set({ welcome: false, view: 'library' });
    toast(`Opened the sample: ${r.sources} sources, ${r.quotes} quotes, ${r.claims} claims.`);
  });
}

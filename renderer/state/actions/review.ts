/**
 * New versions of a source and the review of quotes whose anchors drifted:
 * accept, pin, or re-select the text, and show a quote's original context.
 */
import type { ApiResults } from '../../../shared/api/contract.ts';
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { guard, must, refresh, toast } from './common.ts';
import { openSource } from './navigation.ts';

/** Human wording of an import's anchor counts, e.g. "3 exact, 1 fuzzy". */
export function describeAnchorCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  return parts.length ? parts.join(', ') : 'no quotes to re-anchor';
}

/** Imports a file as the next version of a source (undoable); quotes re-anchor and the drifted ones wait in Review. */
export async function importNewVersion(sourceId: string, file: File): Promise<void> {
  await guard(async () => {
    const dataBase64 = await client.readFileBase64(file);
    const r = await must('importFile', { fileName: file.name, dataBase64, newVersionOf: sourceId as never });
    await refresh();
    if (r.duplicate) toast(`${file.name} is the same text as the current version.`);
    else if (r.newVersion) toast(`New version of “${r.source.title}”: ${describeAnchorCounts(r.newVersion.counts)}.`);
    else toast(`Imported ${file.name}.`);
  });
}

/** A review decision; undo puts the anchor back into its undecided (fuzzy or orphaned) state. */
export async function reviewQuote(quoteId: string, action: 'accept' | 'pin'): Promise<void> {
  await guard(async () => {
    await must('reviewAnchor', { quoteId: quoteId as never, action });
    await refresh();
    toast(action === 'accept' ? 'Accepted the new text.' : 'Pinned the quote to the version it was made on.');
  });
}

/** "Re-select": opens the source in the Reader, where the next selection becomes the quote's new text. */
export async function startReselect(quoteId: string): Promise<void> {
  const item = store.get().review.find((r) => r.quote.id === quoteId);
  if (!item) return;
  store.set({ reselect: { quoteId, sourceId: item.quote.sourceId, oldText: item.oldText } });
  await openSource(item.quote.sourceId);
}

export function cancelReselect(): void {
  store.set({ reselect: null, view: 'review' });
}

export async function finishReselect(range: { start: number; end: number }): Promise<void> {
  const r = store.get().reselect;
  if (!r) return;
  await guard(async () => {
    await must('reviewAnchor', { quoteId: r.quoteId as never, action: 'reselect', range });
    store.set({ reselect: null, selected: { kind: 'quote', id: r.quoteId } });
    await refresh();
    toast('The quote now points at the text you selected.');
  });
}

/** A quote in the version it was made on (or where it stands now), for "Show original context". */
export async function quoteContext(quoteId: string, version: 'origin' | 'current'): Promise<ApiResults['quoteContext'] | null> {
  return (await guard(() => must('quoteContext', { id: quoteId as never, version }))) ?? null;
}

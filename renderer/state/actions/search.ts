/**
 * Search: running a query, the Search view's query, following a hit to what
 * it points at (a passage opens centred and flashed in the Reader), and quoting
 * a source passage from a hit: the sentence around it, adjustable before saving.
 */
import type { SearchHit } from '../../../shared/search/types.ts';
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { guard, must, toast } from './common.ts';
import { openClaim, openPassage, openQuote, openSource, openTag } from './navigation.ts';
import { newQuote } from './quotes.ts';

export type SearchOutcome = { ok: true; hits: SearchHit[]; total: number; totalExact: boolean } | { ok: false; error: string };

/**
 * Runs a search. A malformed query is normal while typing, so its message is
 * returned for the view to show rather than raised as an error toast.
 */
export async function search(query: string, limit = 50): Promise<SearchOutcome> {
  const r = await client.call('search', { query: query.slice(0, 2000), limit });
  if (r.ok) return { ok: true, hits: r.value.hits, total: r.value.total, totalExact: r.value.totalExact };
  return { ok: false, error: r.error.message.replace(/^search:\s*/, '') };
}

export function setSearchQuery(searchQuery: string): void {
  store.set({ searchQuery });
}

/** Opens the Search view on a query (from the quick switcher's "Show all results"). */
export function openSearch(query: string): void {
  store.set({ searchQuery: query, view: 'search', switcherOpen: false });
}

/** Where a hit leads: its quote or claim (a note leads to what it annotates), its tag, or its source. */
export async function openHit(hit: SearchHit): Promise<void> {
  const ref = hit.refId;
  if (hit.type === 'tag') openTag(ref);
  else if (hit.type === 'claim' || (hit.type === 'note' && ref.startsWith('c_'))) openClaim(ref);
  else if (hit.type === 'quote' || (hit.type === 'note' && ref.startsWith('q_'))) await openQuote(ref);
  else if (hit.sourceId && hit.match) await openPassage(hit.sourceId, hit.match);
  else if (hit.sourceId) await openSource(hit.sourceId);
}

/** The text of a hit's source, for choosing the passage to quote (null when it cannot be read; the error is a toast). */
export async function sourceTextOf(sourceId: string): Promise<string | null> {
  const open = store.get().source;
  if (open?.id === sourceId) return open.text;
  return (await guard(() => must('getSource', { id: sourceId })))?.text ?? null;
}

/** "Make quote" on a source passage: quotes the range the researcher settled on (undoable like any highlight). */
export async function quoteFromHit(hit: SearchHit, range: { start: number; end: number }): Promise<boolean> {
  if (hit.type !== 'source' || !hit.sourceId) return false;
  const sourceId = hit.sourceId;
  const ok = await guard(async () => {
    const id = await newQuote({ sourceId, range });
    store.set({ selected: { kind: 'quote', id } });
    toast('Quote made from the search result.');
    return true;
  });
  return ok === true;
}

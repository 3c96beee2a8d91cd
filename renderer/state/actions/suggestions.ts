/**
 * Suggested claims found in a source (accept or dismiss, one or all) and marking
 * a flagged pair of claims as not a conflict. A long source's suggestions are
 * asked for a part of its text at a time (see SuggestionsPanel).
 */
import type { ApiResults } from '../../../shared/api/contract.ts';
import { excerpt } from '../derive.ts';
import { store } from '../store.ts';
import { edit, guard, must, refresh, toast } from './common.ts';

export async function loadSuggestions(sourceId: string, part?: { from: number; to: number }): Promise<ApiResults['listSuggestions'] | null> {
  return (await guard(() => must('listSuggestions', { sourceId: sourceId as never, ...part }))) ?? null;
}

/** The most keys one call dismisses (the contract's limit). */
const DISMISS_MAX = 100_000;

/** "Dismiss all": the given open suggestions dismissed in one edit, so one undo brings them back. */
export async function dismissSuggestions(sourceId: string, keys: readonly string[]): Promise<boolean> {
  if (keys.length === 0) return true;
  const r = await guard(async () => {
    let dismissed = 0;
    for (let i = 0; i < keys.length; i += DISMISS_MAX) dismissed += (await edit('dismissSuggestions', { sourceId: sourceId as never, keys: keys.slice(i, i + DISMISS_MAX) })).dismissed;
    toast(`Dismissed ${dismissed.toLocaleString('en')} suggested figure${dismissed === 1 ? '' : 's'}. Undo (Ctrl+Z) brings ${dismissed === 1 ? 'it' : 'them'} back.`);
    return true;
  });
  return r === true;
}

/** Accepting creates a quote and a claim citing it; dismissing keeps the figure out of the list (both undoable). */
export async function decideSuggestion(sourceId: string, key: string, action: 'accept' | 'dismiss'): Promise<boolean> {
  const r = await guard(async () => {
    const res = await must('decideSuggestion', { sourceId: sourceId as never, key, action });
    await refresh();
    if (res.claim) {
      store.set({ selected: { kind: 'claim', id: res.claim.id } });
      toast(`Claim added: “${excerpt(res.claim.statement, 80)}”.`);
    }
    return true;
  });
  return r === true;
}

export async function markNotConflict(a: string, b: string): Promise<void> {
  await guard(async () => {
    await edit('markConflict', { a: a as never, b: b as never, notConflict: true });
  });
}

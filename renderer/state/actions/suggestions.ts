/**
 * Suggested claims found in a source (accept or dismiss) and marking a
 * flagged pair of claims as not a conflict.
 */
import type { ApiResults } from '../../../shared/api/contract.ts';
import { excerpt } from '../derive.ts';
import { store } from '../store.ts';
import { edit, guard, must, refresh, toast } from './common.ts';

export async function loadSuggestions(sourceId: string): Promise<ApiResults['listSuggestions']> {
  return (await guard(() => must('listSuggestions', { sourceId: sourceId as never }))) ?? [];
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

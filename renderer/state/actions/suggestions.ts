/**
 * Suggested claims found in a source (accept or dismiss) and marking a
 * flagged pair of claims as not a conflict.
 */
import type { ApiResults } from '../../../shared/api/contract.ts';
import { excerpt } from '../derive.ts';
import { store } from '../store.ts';
import type { IdMap } from '../undo.ts';
import { guard, must, perform, refresh, toast } from './common.ts';

export async function loadSuggestions(sourceId: string): Promise<ApiResults['listSuggestions']> {
  return (await guard(() => must('listSuggestions', { sourceId: sourceId as never }))) ?? [];
}

/** Accepting creates a quote and a claim citing it; dismissing keeps the figure out of the list for good. */
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
    const mark = (notConflict: boolean) => async (ids: IdMap) => {
      await must('markConflict', { a: ids.resolve(a) as never, b: ids.resolve(b) as never, notConflict });
    };
    await perform({ label: 'mark not a conflict', run: mark(true), redo: mark(true), undo: mark(false) });
  });
}

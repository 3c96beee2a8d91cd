/**
 * The pieces every action module shares: the API call that throws on failure,
 * toasts, the guard that turns failures into an error toast, `edit` (one call to
 * the service, which records it for undo, then waiting for its pushed changes;
 * see sync.ts), and the fixed option lists the views
 * offer. Kept in one place so the area modules never import each other in a
 * circle.
 */
import type { ApiArgs, ApiMethod, ApiResults } from '../../../shared/api/contract.ts';
import type { ClaimRelation, ClaimStatus, EvidenceRelation, HighlightColor } from '../../../shared/model/records.ts';
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import { caughtUp, sawRevision } from '../sync.ts';

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const satisfies readonly HighlightColor[];
export const CLAIM_STATUS_LIST = ['unverified', 'supported', 'disputed'] as const satisfies readonly ClaimStatus[];
export const EVIDENCE_RELATION_LIST = ['supports', 'contradicts', 'context'] as const satisfies readonly EvidenceRelation[];
export const CLAIM_RELATION_LIST = ['supports', 'contradicts', 'refines', 'duplicates'] as const satisfies readonly ClaimRelation[];

/** A failed API call, carried as an exception inside actions and shown as a toast at the edge. */
export class ApiFailure extends Error {}

export async function must<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const { result: r, rev } = await client.callAt(method, args);
  sawRevision(rev);
  if (!r.ok) throw new ApiFailure(r.error.message);
  return r.value as ApiResults[M];
}

let toastSeq = 0;

export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  const id = ++toastSeq;
  store.set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
  setTimeout(() => dismissToast(id), kind === 'error' ? 8000 : 3500);
}

export function dismissToast(id: number): void {
  store.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Runs an action, turning failures into an error toast so no rejection goes unhandled. */
export async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    toast(e instanceof Error ? e.message : String(e), 'error');
    return undefined;
  }
}

/** Makes one edit through the service (which records it, exactly, for undo) and waits until the page shows it. */
export async function edit<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const value = await must(method, args);
  await refresh();
  return value;
}

/**
 * Brings the page up to date with the notebook: waits for the pushed changes of
 * every write answered so far (sync.ts), or loads the first snapshot.
 */
export function refresh(): Promise<void> {
  return caughtUp();
}

/**
 * The service's handlers for the source trash: listing it, restoring a source and
 * emptying entries for good. The rules are the pure transitions of
 * shared/model/trash.ts; this module runs them through the service's commit (so
 * each call is one write-ahead-log entry and one undo step) and shapes results.
 */
import { ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { ApiResults } from '../../shared/api/contract.ts';
import type { Outcome } from '../../shared/model/actions.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { emptyTrash as emptyEntries, restoreSource as restoreEntry, trashItems } from '../../shared/model/trash.ts';
import type { TrashView, TransitionContext } from '../../shared/model/view.ts';

/** What the handlers need from the service: the notebook, its commit, and its clock and ids. */
export interface TrashDeps {
  view: TrashView;
  run<T>(outcome: Outcome<T>): Promise<Result<T>>;
  ctx(): TransitionContext;
}

export async function listTrash(d: TrashDeps): Promise<Result<ApiResults['listTrash']>> {
  return ok(trashItems(d.view));
}

export async function restoreSource(d: TrashDeps, id: SourceId): Promise<Result<ApiResults['restoreSource']>> {
  return d.run(restoreEntry(d.view, id, d.ctx()));
}

export async function emptyTrash(d: TrashDeps, ids: readonly SourceId[] | undefined): Promise<Result<ApiResults['emptyTrash']>> {
  return d.run(emptyEntries(d.view, ids));
}

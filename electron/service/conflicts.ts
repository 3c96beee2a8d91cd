/**
 * The claim assistant's judgement over the whole notebook (conflicts, changes
 * over time, superseded figures), kept beside the service like the search index:
 * computed on the first listing after a change, never per claim, and without
 * holding the event loop for long — candidates are read, and the judgement
 * (shared/claims/conflicts.ts `conflictSteps`) run, in slices of about SLICE_MS
 * with a yield to the event loop between them, so other requests (reads run
 * beside this one, see call-queue.ts) are answered meanwhile. A computation overtaken by a change is
 * used by the listing that asked for it but not kept.
 */
import type { ConflictCandidate } from '../../shared/claims/conflicts.ts';
import type { ConflictState } from '../../shared/api/listings.ts';
import { conflictKey, conflictSteps } from '../../shared/claims/conflicts.ts';
import { conflictCandidate } from '../../shared/model/suggest.ts';
import type { NotebookView } from '../../shared/model/view.ts';

/**
 * Longest stretch of judging between two yields to the event loop. 15 ms keeps a
 * request that arrives meanwhile well inside the 100 ms a click may take, while
 * the yields themselves (a setImmediate each, a few µs) add under 1% to the
 * judgement of a large notebook.
 */
const SLICE_MS = 15;

async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() >= until) {
      await new Promise((resolve) => setImmediate(resolve));
      until = performance.now() + SLICE_MS;
    }
  }
}

export type { ConflictState };

export class ConflictTracker {
  private state: ConflictState | null = null;
  private pending: Promise<ConflictState> | null = null;
  private version = 0;

  constructor(private readonly view: NotebookView) {}

  /** Forget the judgement: a claim, quote or source changed. */
  invalidate(): void {
    this.version++;
    this.state = null;
    this.pending = null;
  }

  /** Whether the judgement of the notebook as it stands is already computed. */
  get current(): boolean {
    return this.state !== null;
  }

  get(): Promise<ConflictState> {
    if (this.state) return Promise.resolve(this.state);
    this.pending ??= this.compute();
    return this.pending;
  }

  private async compute(): Promise<ConflictState> {
    const version = this.version;
    const claims = [...this.view.claims()];
    const dismissed = new Set<string>();
    const candidates = new Map<string, ConflictCandidate>();
    const view = this.view;
    await runInSlices(
      (function* () {
        for (const c of claims) {
          for (const other of c.notConflictingWith) dismissed.add(conflictKey(c.id, other));
          const candidate = conflictCandidate(view, c);
          if (candidate.quantity !== null) candidates.set(c.id, candidate);
          yield;
        }
      })(),
    );
    const state = { pairs: await runInSlices(conflictSteps([...candidates.values()], dismissed)), candidates };
    if (version === this.version) {
      this.state = state;
      this.pending = null;
    }
    return state;
  }
}

/**
 * The claim assistant's judgement over the whole notebook (conflicts, changes
 * over time, superseded figures), kept beside the service like the search index:
 * computed on the first listing after a change, never per claim, and without
 * holding the event loop for long — candidates are read in slices with a yield
 * between them, so other requests (reads run beside this one, see
 * call-queue.ts) are answered meanwhile. A computation overtaken by a change is
 * used by the listing that asked for it but not kept.
 */
import type { ConflictCandidate, ConflictPair } from '../../shared/claims/conflicts.ts';
import { conflictKey, findConflicts } from '../../shared/claims/conflicts.ts';
import { conflictCandidate } from '../../shared/model/suggest.ts';
import type { NotebookView } from '../../shared/model/view.ts';

/** Claims read into candidates between yields (a claim without a stored figure costs one detector run). */
const SLICE = 500;

export interface ConflictState {
  pairs: ConflictPair[];
  candidates: ReadonlyMap<string, ConflictCandidate>;
}

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
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i]!;
      for (const other of c.notConflictingWith) dismissed.add(conflictKey(c.id, other));
      const candidate = conflictCandidate(this.view, c);
      if (candidate.quantity !== null) candidates.set(c.id, candidate);
      if ((i + 1) % SLICE === 0) await new Promise((r) => setImmediate(r));
    }
    const state = { pairs: findConflicts([...candidates.values()], dismissed), candidates };
    if (version === this.version) {
      this.state = state;
      this.pending = null;
    }
    return state;
  }
}

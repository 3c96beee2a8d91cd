/**
 * The notebook's undo history: for every committed edit, the exact record changes
 * it made (forward) and the exact changes that put back what it overwrote
 * (backward, computed by the store from memory just before the commit), with a
 * label in the user's words. Undo commits `backward` as one commit, redo commits
 * `forward`; neither re-runs a transition, so ids, selectors, anchor status and
 * version, claim fields and "not a conflict" decisions come back exactly.
 *
 * Whose edits an undo reaches: the notebook's last edit, whoever made it — a
 * window or a script calling the same service in the same process. A typing
 * burst (autosave editing the same fields of one record again within BURST_MS)
 * is one step. Every write
 * of the service goes through the history, so the newest entry always matches
 * the notebook as it stands. The history lives in the service's memory only: it
 * is empty when the notebook is opened (each CLI command opens it afresh, so a
 * CLI `undo` reaches only edits made in that same process), and holds the last
 * HISTORY_LIMIT edits.
 *
 * Texts are content-addressed and never deleted (texts/<sha>.txt), so undoing an
 * import leaves its text file behind (redo needs it) and undoing a source
 * deletion needs only the records back.
 */
import { API_METHODS, READ_METHODS } from '../../shared/api/contract.ts';
import type { ApiMethod, HistoryState, NotebookHandlers } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { Change } from '../../shared/model/view.ts';

/**
 * Edits kept for undo. A large edit (loading the sample, a source deletion) holds
 * its records twice (forward and backward); 200 entries of even a few hundred
 * records each stay in the low megabytes, while 200 steps back is far beyond what
 * anyone undoes by hand.
 */
export const HISTORY_LIMIT = 200;

/**
 * A typing burst is one undo step: autosave sends an edit of the same field of
 * the same record every pause of the researcher's typing (about a second), so
 * edits of the same fields of one record less than this far apart join the
 * previous step. Long enough to span a pause to think mid-sentence, short enough
 * that coming back to a note a while later is a step of its own.
 */
export const BURST_MS = 5000;

export interface HistoryEntry {
  label: string;
  forward: readonly Change[];
  backward: readonly Change[];
  /** Edits with the same burst key (same method, record and fields) close together join one entry. */
  burst?: { key: string; at: number };
}

interface Group {
  forward: Change[];
  /** Backward change lists of each commit in the group, in commit order. */
  backward: (readonly Change[])[];
}

export class EditHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private group: Group | null = null;

  constructor(
    private readonly limit = HISTORY_LIMIT,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records a committed edit; a new edit clears the redo stack. Inside a group it joins the group's one entry. */
  record(label: string, forward: readonly Change[], backward: readonly Change[]): void {
    if (forward.length === 0) return;
    if (this.group) {
      this.group.forward.push(...forward);
      this.group.backward.push(backward);
      return;
    }
    this.push({ label, forward, backward });
  }

  /**
   * Runs `fn` with every commit it makes recorded as ONE entry, labelled from its
   * outcome (null when it threw): one service call is one undo step, even when it
   * is many commits (loading the sample calls the service dozens of times).
   * Nested groups join the outermost one.
   */
  async grouped<T>(fn: () => Promise<T>, label: (outcome: T | null) => string, burstKey?: string): Promise<T> {
    if (this.group) return fn();
    const g: Group = { forward: [], backward: [] };
    this.group = g;
    let outcome: T | null = null;
    try {
      outcome = await fn();
      return outcome;
    } finally {
      this.group = null;
      // Commits that did happen stay undoable even when a later step failed.
      if (g.forward.length) this.push({ label: label(outcome), forward: g.forward, backward: g.backward.reverse().flat() }, burstKey);
    }
  }

  /** True while a grouped call runs: its nested calls join it. */
  get grouping(): boolean {
    return this.group !== null;
  }

  /** The entry undo would reverse, without taking it. */
  peekUndo(): HistoryEntry | null {
    return this.done.at(-1) ?? null;
  }
  peekRedo(): HistoryEntry | null {
    return this.undone.at(-1) ?? null;
  }

  /** Moves the newest entry to the redo stack; call only after its backward changes are committed. */
  markUndone(): void {
    const e = this.done.pop();
    if (e) this.undone.push(e);
  }
  /** Moves the newest undone entry back; call only after its forward changes are committed. */
  markRedone(): void {
    const e = this.undone.pop();
    if (e) this.done.push(e);
  }

  state(): HistoryState {
    return { undo: this.peekUndo()?.label ?? null, redo: this.peekRedo()?.label ?? null };
  }

  private push(entry: HistoryEntry, burstKey?: string): void {
    const at = this.now();
    const last = this.done.at(-1);
    // The same field of the same record again, moments later, with nothing undone in between: one step.
    if (burstKey && last?.burst?.key === burstKey && at - last.burst.at < BURST_MS && this.undone.length === 0) {
      this.done[this.done.length - 1] = { label: entry.label, forward: [...last.forward, ...entry.forward], backward: [...entry.backward, ...last.backward], burst: { key: burstKey, at } };
      return;
    }
    this.done.push(burstKey ? { ...entry, burst: { key: burstKey, at } } : entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }
}

/** Names a call before it runs; the name is finished from its outcome (null when it threw). */
export type CallNamer = (method: ApiMethod, args: unknown) => Promise<(outcome: Result<unknown> | null) => string>;

/**
 * Wraps every write method of `handlers` so that one call is one undo step,
 * named by `name` in the user's words. Calls made inside another (loading the
 * sample calls the service dozens of times) join the outer call's step. Undo and
 * redo themselves are not recorded.
 */
export function recordEveryWrite(handlers: NotebookHandlers, history: EditHistory, name: CallNamer): void {
  const methods = handlers as unknown as Record<ApiMethod, (args: unknown) => Promise<Result<unknown>>>;
  for (const method of API_METHODS) {
    if (READ_METHODS.has(method) || method === 'undo' || method === 'redo') continue;
    const handler = methods[method];
    methods[method] = async (args) => {
      if (history.grouping) return handler(args);
      return history.grouped(() => handler(args), await name(method, args), burstKey(method, args));
    };
  }
}

/** Edits that autosave repeats while the researcher types: the same method on the same record, changing the same fields. */
const BURST_METHODS: ReadonlySet<ApiMethod> = new Set(['updateQuote', 'updateClaim', 'updateSource']);

function burstKey(method: ApiMethod, args: unknown): string | undefined {
  if (!BURST_METHODS.has(method)) return undefined;
  const { id, patch } = args as { id: string; patch: Record<string, unknown> };
  return `${method} ${id} ${Object.keys(patch).sort().join(',')}`;
}

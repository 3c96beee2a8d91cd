/**
 * The undo/redo command stack. Every edit the user makes is recorded as a command
 * that knows how to reverse itself through the API (createQuote ↔ deleteQuote,
 * updateQuote ↔ updateQuote with the previous values, linkEvidence ↔
 * unlinkEvidence, ...).
 *
 * The contract has no "restore": undoing a delete re-creates the record, which
 * gets a NEW id. Commands therefore never hold ids directly for later use; they
 * ask `ids.resolve(originalId)` when they run, and a command that re-creates a
 * record calls `ids.remap(oldId, newId)`, so older commands on the stack keep
 * pointing at the live record. Pure (no DOM, no API), unit-tested in node.
 */

export interface IdMap {
  resolve(id: string): string;
  remap(oldId: string, newId: string): void;
}

export interface Command {
  label: string;
  undo(ids: IdMap): Promise<void>;
  redo(ids: IdMap): Promise<void>;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** Follows remap chains (a → b → c) so an id re-created twice still resolves. */
export class IdRemap implements IdMap {
  private readonly map = new Map<string, string>();
  resolve(id: string): string {
    let cur = id;
    for (let guard = 0; guard < 1000 && this.map.has(cur); guard++) cur = this.map.get(cur) as string;
    return cur;
  }
  remap(oldId: string, newId: string): void {
    if (oldId !== newId) this.map.set(oldId, newId);
  }
}

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private running = false;
  readonly ids = new IdRemap();

  constructor(private readonly limit = 200) {}

  /** Records a command that has just been performed; a new edit clears the redo branch. */
  push(cmd: Command): void {
    this.done.push(cmd);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /**
   * Undoes the latest command. If reversing fails (say the record was deleted
   * meanwhile in another window) the command is dropped rather than retried
   * forever, and the error is rethrown for the caller to show.
   */
  async undo(): Promise<string | null> {
    if (this.running) return null;
    const cmd = this.done.pop();
    if (!cmd) return null;
    this.running = true;
    try {
      await cmd.undo(this.ids);
      this.undone.push(cmd);
      return cmd.label;
    } finally {
      this.running = false;
    }
  }

  async redo(): Promise<string | null> {
    if (this.running) return null;
    const cmd = this.undone.pop();
    if (!cmd) return null;
    this.running = true;
    try {
      await cmd.redo(this.ids);
      this.done.push(cmd);
      return cmd.label;
    } finally {
      this.running = false;
    }
  }

  state(): UndoState {
    const u = this.done[this.done.length - 1];
    const r = this.undone[this.undone.length - 1];
    return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
  }
}

/** A command made of several, undone in reverse order (e.g. "make claim" = create quote + create claim). */
export function compound(label: string, parts: Command[]): Command {
  return {
    label,
    async undo(ids) {
      for (const p of [...parts].reverse()) await p.undo(ids);
    },
    async redo(ids) {
      for (const p of parts) await p.redo(ids);
    },
  };
}

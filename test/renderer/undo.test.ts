import { describe, expect, it } from 'vitest';
import { IdRemap, UndoStack, compound } from '../../renderer/state/undo.ts';
import type { Command } from '../../renderer/state/undo.ts';

/** A fake "server": a set of records with ids handed out in sequence, like a store with no restore. */
function fakeStore() {
  let next = 1;
  const records = new Map<string, string>();
  return {
    records,
    create(value: string) {
      const id = `q${next++}`;
      records.set(id, value);
      return id;
    },
    delete(id: string) {
      if (!records.delete(id)) throw new Error(`no record ${id}`);
    },
    update(id: string, value: string) {
      if (!records.has(id)) throw new Error(`no record ${id}`);
      records.set(id, value);
    },
  };
}

describe('UndoStack', () => {
  it('undoes and redoes in order, and reports what it would undo next', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    const cmd = (name: string): Command => ({ label: name, undo: async () => void log.push('undo ' + name), redo: async () => void log.push('redo ' + name) });
    stack.push(cmd('a'));
    stack.push(cmd('b'));
    expect(stack.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'b', redoLabel: null });
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBe('a');
    expect(await stack.undo()).toBeNull();
    expect(await stack.redo()).toBe('a');
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
    expect(stack.state()).toMatchObject({ undoLabel: 'a', redoLabel: 'b' });
  });

  it('drops the redo branch when a new edit is recorded', async () => {
    const stack = new UndoStack();
    const noop: Command = { label: 'x', undo: async () => {}, redo: async () => {} };
    stack.push(noop);
    await stack.undo();
    expect(stack.state().canRedo).toBe(true);
    stack.push({ ...noop, label: 'y' });
    expect(stack.state()).toMatchObject({ canRedo: false, undoLabel: 'y' });
  });

  it('keeps later commands working after redo re-creates a record under a new id', async () => {
    const db = fakeStore();
    const stack = new UndoStack();
    // create quote, then edit it: the classic case where the id changes under the edit.
    let original = '';
    const create: Command = {
      label: 'create',
      undo: async (ids) => db.delete(ids.resolve(original)),
      redo: async (ids) => ids.remap(ids.resolve(original), db.create('v1')),
    };
    original = db.create('v1');
    stack.push(create);
    const edit: Command = {
      label: 'edit',
      undo: async (ids) => db.update(ids.resolve(original), 'v1'),
      redo: async (ids) => db.update(ids.resolve(original), 'v2'),
    };
    db.update(original, 'v2');
    stack.push(edit);

    await stack.undo(); // edit
    await stack.undo(); // create → deleted
    expect(db.records.size).toBe(0);
    await stack.redo(); // re-created as q2
    await stack.redo(); // edit must reach q2
    expect([...db.records]).toEqual([['q2', 'v2']]);
    await stack.undo();
    await stack.undo();
    await stack.redo(); // q3 now: the chain q1 → q2 → q3 must still resolve
    expect(stack.ids.resolve(original)).toBe('q3');
    expect([...db.records]).toEqual([['q3', 'v1']]);
  });

  it('drops a command whose reversal fails and rethrows the error', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'ok', undo: async () => {}, redo: async () => {} });
    stack.push({ label: 'broken', undo: async () => Promise.reject(new Error('gone')), redo: async () => {} });
    await expect(stack.undo()).rejects.toThrow('gone');
    expect(stack.state()).toMatchObject({ undoLabel: 'ok', canRedo: false });
  });

  it('forgets the oldest commands beyond its limit', async () => {
    const stack = new UndoStack(2);
    for (const l of ['a', 'b', 'c']) stack.push({ label: l, undo: async () => {}, redo: async () => {} });
    expect(await stack.undo()).toBe('c');
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBeNull();
  });
});

describe('compound', () => {
  it('undoes its parts in reverse order and redoes them in order', async () => {
    const log: string[] = [];
    const part = (n: string): Command => ({ label: n, undo: async () => void log.push('-' + n), redo: async () => void log.push('+' + n) });
    const c = compound('make claim', [part('quote'), part('claim')]);
    const ids = new IdRemap();
    await c.undo(ids);
    await c.redo(ids);
    expect(log).toEqual(['-claim', '-quote', '+quote', '+claim']);
  });
});

describe('IdRemap', () => {
  it('resolves unknown ids to themselves and ignores self-mappings', () => {
    const m = new IdRemap();
    m.remap('a', 'a');
    expect(m.resolve('a')).toBe('a');
    m.remap('a', 'b');
    expect(m.resolve('a')).toBe('b');
    expect(m.resolve('b')).toBe('b');
  });
});

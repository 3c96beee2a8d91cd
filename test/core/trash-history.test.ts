/**
 * Undo and redo of the trash edits in the service: moving a source to the trash,
 * restoring it and emptying the trash each leave, after undo, the notebook's
 * records deep-equal and its shard files (trash/ included) byte-identical to
 * before, in one log entry; redo gives the edited state again; the labels say
 * what will be undone.
 */
import { describe, expect, it } from 'vitest';
import { expectExactUndo } from './history-support.ts';
import type { Nb, UndoCase } from './history-support.ts';

const trashHarbour = ({ call }: Nb, ids: Record<string, string>) => call('deleteSource', { id: ids.harbour });

const CASES: (UndoCase & { name: string })[] = [
  { name: 'move a source with cited quotes to the trash', edit: trashHarbour, label: 'delete source “Harbour” and its 2 quotes' },
  { name: 'restore a source from the trash', setup: trashHarbour, edit: ({ call }, ids) => call('restoreSource', { id: ids.harbour }), label: 'restore of “Harbour” from the trash' },
  { name: 'remove one source from the trash for good', setup: trashHarbour, edit: ({ call }, ids) => call('emptyTrash', { ids: [ids.harbour] }), label: 'removal of “Harbour” from the trash' },
  {
    name: 'empty the whole trash',
    setup: async (nb, ids) => {
      await trashHarbour(nb, ids);
      await nb.call('deleteSource', { id: ids.orchard });
    },
    edit: ({ call }) => call('emptyTrash', {}),
    label: 'emptying the trash (2 sources)',
  },
];

describe('undo and redo of the trash', () => {
  for (const c of CASES) {
    it(`${c.name}: undo restores the records and shard bytes exactly, redo re-applies`, async () => {
      const { beforeBytes, afterBytes } = await expectExactUndo(c);
      // The trash files are among the bytes compared.
      expect(Object.keys({ ...beforeBytes, ...afterBytes }).some((p) => p.startsWith('trash/'))).toBe(true);
    });
  }
});

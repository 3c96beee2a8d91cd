/**
 * Undo and redo of the edits recorded on the shared undo stack, with a toast
 * naming what was undone or redone.
 */
import { guard, refresh, toast, undoStack } from './common.ts';

export async function undo(): Promise<void> {
  await guard(async () => {
    try {
      const label = await undoStack.undo();
      if (label) toast(`Undid ${label}.`);
    } finally {
      await refresh();
    }
  });
}

export async function redo(): Promise<void> {
  await guard(async () => {
    try {
      const label = await undoStack.redo();
      if (label) toast(`Redid ${label}.`);
    } finally {
      await refresh();
    }
  });
}

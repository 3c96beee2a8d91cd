/**
 * Undo and redo: calls to the notebook service, which reverses or re-applies its
 * last edit exactly (see electron/service/history.ts), then a reload and a toast
 * naming what was undone or redone.
 */
import { guard, must, refresh, toast } from './common.ts';

export async function undo(): Promise<void> {
  await guard(async () => {
    try {
      const r = await must('undo', {});
      toast(r.label ? `Undid ${r.label}.` : 'Nothing to undo.');
    } finally {
      await refresh();
    }
  });
}

export async function redo(): Promise<void> {
  await guard(async () => {
    try {
      const r = await must('redo', {});
      toast(r.label ? `Redid ${r.label}.` : 'Nothing to redo.');
    } finally {
      await refresh();
    }
  });
}

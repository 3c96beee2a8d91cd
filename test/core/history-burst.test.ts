/**
 * Autosave sends an edit every pause of typing; undo treats such a burst as one
 * step: edits of the same fields of one record within BURST_MS join one entry
 * that undoes to the record before the burst, while another field, another
 * record, a pause longer than BURST_MS or an undo in between start a new step.
 */
import { describe, expect, it } from 'vitest';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { BURST_MS } from '../../electron/service/history.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { b64, HARBOUR } from './history-support.ts';
import { tempDir } from '../support/notebook.ts';

async function notebook() {
  let now = Date.parse('2026-03-01T09:00:00Z');
  const store = await NotebookStore.open(tempDir('nb-burst-'), { write: 'required' });
  const service = new NotebookService(store, () => new Date(now));
  const call = async (method: string, args: unknown): Promise<any> => {
    const r = await dispatch(service, method as never, args as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const source = (await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR) })).source.id;
  const quote = await call('createQuote', { sourceId: source, exact: 'Dock workers said the night shifts were the busiest in a decade' });
  return { store, call, quote, wait: (ms: number) => (now += ms) };
}

describe('typing bursts in the undo history', () => {
  it('undoes a burst of note edits in one step, back to the note before the burst', async () => {
    const nb = await notebook();
    try {
      for (const note of ['N', 'Ni', 'Night', 'Night shifts: check the union figures']) {
        nb.wait(900);
        await nb.call('updateQuote', { id: nb.quote.id, patch: { note } });
      }
      expect(await nb.call('undo', {})).toMatchObject({ label: expect.stringContaining('edit note of quote') });
      expect(nb.store.memory.getQuote(nb.quote.id)).toEqual(nb.quote);
      // Redo gives the last text of the burst; the quote's creation is the step before.
      await nb.call('redo', {});
      expect(nb.store.memory.getQuote(nb.quote.id)!.note).toBe('Night shifts: check the union figures');
      await nb.call('undo', {});
      expect((await nb.call('undo', {})).label).toMatch(/^quote “Dock workers/);
    } finally {
      await nb.store.close();
    }
  });

  it('starts a new step after a pause, for another field or record, and after an undo', async () => {
    const nb = await notebook();
    try {
      const steps = async () => {
        let n = 0;
        while ((await nb.call('undo', {})).label !== null) n++;
        return n;
      };
      await nb.call('updateQuote', { id: nb.quote.id, patch: { note: 'first' } });
      nb.wait(BURST_MS + 1);
      await nb.call('updateQuote', { id: nb.quote.id, patch: { note: 'after a pause' } });
      nb.wait(100);
      await nb.call('updateQuote', { id: nb.quote.id, patch: { color: 'green' } });
      nb.wait(100);
      await nb.call('updateQuote', { id: nb.quote.id, patch: { note: 'again' } });
      nb.wait(100);
      await nb.call('undo', {});
      await nb.call('updateQuote', { id: nb.quote.id, patch: { note: 'after an undo' } });
      // import, quote, first, after a pause, color, after an undo (the undone "again" is gone)
      expect(await steps()).toBe(6);
    } finally {
      await nb.store.close();
    }
  });
});

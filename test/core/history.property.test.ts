/**
 * Property: for any sequence of edits on a notebook, undoing every one of them
 * gives back the starting records exactly, and redoing them all gives the edited
 * records exactly (the trash included). Edits pick their targets from what exists
 * at that moment, so sequences mix creating, editing and deleting the same records,
 * and restoring and emptying sources deleted earlier in the sequence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openService } from '../support/notebook.ts';
import { baseNotebook, records } from './history-support.ts';
import { applyEdit, opsOf } from './edit-ops.ts';

const TRASHED = 'Lock keeper notes\n\nThe lock keeper counted 212 barges in May, most of them carrying gravel.';

const KINDS = [
  'quote',
  'editQuote',
  'deleteQuote',
  'claim',
  'editClaim',
  'deleteClaim',
  'link',
  'notConflict',
  'renameTag',
  'mergeTags',
  'deleteSource',
  'restoreSource',
  'emptyTrash',
  'import',
  'newVersion',
];
const opArb = opsOf(KINDS);

describe('undo history over random edit sequences', () => {
  it('undoing every edit gives the start back; redoing them all gives the end', async () => {
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const base = await baseNotebook();
        // A source already in the trash, so restoring and emptying have something to work on from the first edit.
        const { source } = await base.call('importText', { text: TRASHED, title: 'Lock keeper notes' });
        const q = await base.call('createQuote', { sourceId: source.id, exact: 'counted 212 barges' });
        await base.call('linkEvidence', { claimId: base.ids.c3, quoteId: q.id, relation: 'context' });
        await base.call('deleteSource', { id: source.id });
        await base.close();
        // Reopened: the history starts empty, so "undo until nothing is left" undoes exactly the sequence.
        const nb = { ...(await openService(base.dir)), dir: base.dir };
        try {
          const start = records(nb);
          for (const op of ops) await applyEdit(nb, op);
          const end = records(nb);
          let undone = 0;
          while ((await nb.call('undo', {})).label !== null) undone++;
          expect(undone).toBeLessThanOrEqual(ops.length);
          edits += undone;
          expect(records(nb)).toEqual(start);
          let redone = 0;
          while ((await nb.call('redo', {})).label !== null) redone++;
          expect(redone).toBe(undone);
          expect(records(nb)).toEqual(end);
        } finally {
          await nb.close();
        }
      }),
      { numRuns: 20 },
    );
    // The sequences really edit (refused edits would make the property hold trivially).
    expect(edits).toBeGreaterThan(40);
  }, 120_000);
});

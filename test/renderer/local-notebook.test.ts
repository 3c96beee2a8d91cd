/**
 * The page's own copy of the notebook (renderer/state/local-notebook.ts) against
 * the service it follows: after any sequence of edits, undos and redos, applying
 * only the pushed events leaves every list the views show equal to what the
 * service's list calls answer — the same items in the same order — without the
 * copy ever asking for more than its first snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { LocalNotebook } from '../../renderer/state/local-notebook.ts';
import { openService } from '../support/notebook.ts';
import { baseNotebook } from '../core/history-support.ts';
import { applyEdit, opsOf } from '../core/edit-ops.ts';
import type { Nb } from '../core/history-support.ts';

const KINDS = [
  'quote',
  'editQuote',
  'deleteQuote',
  'claim',
  'editClaim',
  'deleteClaim',
  'link',
  'evidence',
  'renameSource',
  'renameTag',
  'deleteSource',
  'restoreSource',
  'emptyTrash',
  'import',
  'newVersion',
  'undo',
  'redo',
];
const opArb = opsOf(KINDS);

/** Every list the views show, as the service answers them. */
async function served(nb: Nb) {
  const [sources, quotes, claims, tags, review, trash, conflicts, figureChanges, history] = await Promise.all(
    ['listSources', 'listQuotes', 'listClaims', 'listTags', 'listReview', 'listTrash', 'listConflicts', 'listFigureChanges', 'historyState'].map((m) => nb.call(m, {})),
  );
  return { sources, quotes, claims, tags, review, trash, conflicts, figureChanges, history };
}

describe("the page's copy of the notebook", () => {
  it('shows, from pushed changes alone, exactly the lists the service answers after any edits', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const base = await baseNotebook();
        await base.close();
        const nb = { ...(await openService(base.dir)), dir: base.dir };
        const local = new LocalNotebook();
        const outcomes: string[] = [];
        const stop = nb.service.onEvent((e: NotebookEvent) => outcomes.push(local.apply(e)));
        try {
          local.load(await nb.call('getSnapshot', {}));
          for (const op of ops) {
            await applyEdit(nb, op);
            // The judgement is pushed when it is ready; a snapshot waits for the same computation.
            await nb.call('getSnapshot', {});
            await new Promise((r) => setImmediate(r));
            expect(local.rev).toBe(nb.service.rev);
            expect(local.lists).toEqual(await served(nb));
          }
          expect(outcomes).not.toContain('gap');
          applied += outcomes.filter((o) => o === 'applied').length;
        } finally {
          stop();
          await nb.close();
        }
      }),
      { numRuns: 15 },
    );
    // The sequences really write (refused edits publish nothing).
    expect(applied).toBeGreaterThan(60);
  }, 180_000);

  it('asks for a snapshot when an event does not follow its revision, and ignores ones it already has', async () => {
    const base = await baseNotebook();
    try {
      const local = new LocalNotebook();
      local.load(await base.call('getSnapshot', {}));
      const at = local.rev;
      expect(local.apply({ type: 'changes', rev: at, changes: [], history: { undo: null, redo: null } })).toBe('ignored');
      expect(local.apply({ type: 'changes', rev: at + 2, changes: [], history: { undo: null, redo: null } })).toBe('gap');
      expect(local.apply({ type: 'reset', rev: at })).toBe('gap');
      expect(local.apply({ type: 'judgement', rev: at - 1, judgement: { pairs: [], conflicts: [], figureChanges: [] } })).toBe('ignored');
      expect(local.rev).toBe(at);
    } finally {
      await base.close();
    }
  });
});

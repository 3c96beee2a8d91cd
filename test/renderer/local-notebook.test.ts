/**
 * The page's own copy of the notebook (renderer/state/local-notebook.ts) against
 * the service it follows: after any sequence of edits, undos and redos, applying
 * only the pushed events leaves every list the views show equal to what the
 * service's list calls answer — the same items in the same order — without the
 * copy ever asking for more than its first snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { LocalNotebook } from '../../renderer/state/local-notebook.ts';
import { openService } from '../support/notebook.ts';
import { baseNotebook, HARBOUR_V2, b64 } from '../core/history-support.ts';
import type { Nb } from '../core/history-support.ts';

const PHRASES = ['about 41 million tonnes of dry bulk', 'coal fell to roughly 9 million tonnes', 'the night shifts were the busiest', 'Pear yields stayed flat', 'Grain made up close to 30%'];
const TAGS = ['energy', 'ports', 'farming/apples', 'energy/solar'];
const STATEMENTS = ['Grain was close to 30% of Tidewater bulk', 'Grain was about 60% of Tidewater bulk', 'Tidewater moved about 41 million tonnes', 'Tidewater moved 90 million tonnes'];

type Op = { kind: string; a: number; b: number };
const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

async function run(nb: Nb, op: Op): Promise<void> {
  const m = nb.store.memory;
  const sources = [...m.sources()].map((s) => s.id);
  const quotes = [...m.quotes()].map((q) => q.id);
  const claims = [...m.claims()].map((c) => c.id);
  const tags = [...m.tags()].map((t) => t.name);
  const call = (method: string, args: unknown) => dispatch(nb.service, method as never, args as never);
  switch (op.kind) {
    case 'quote':
      if (sources.length) await call('createQuote', { sourceId: pick(sources, op.a), exact: pick(PHRASES, op.b), tags: op.b % 2 ? [pick(TAGS, op.a)] : [] });
      return;
    case 'editQuote':
      if (quotes.length) await call('updateQuote', { id: pick(quotes, op.a), patch: { note: `note ${op.b}`, color: 'green', tags: [pick(TAGS, op.b)] } });
      return;
    case 'deleteQuote':
      if (quotes.length) await call('deleteQuote', { id: pick(quotes, op.a) });
      return;
    case 'claim':
      await call('createClaim', { statement: pick(STATEMENTS, op.a), subject: op.b % 2 ? 'Tidewater — grain share' : undefined, evidence: quotes.length ? [{ quoteId: pick(quotes, op.b), relation: 'supports' }] : [] });
      return;
    case 'editClaim':
      if (claims.length) await call('updateClaim', { id: pick(claims, op.a), patch: { statement: pick(STATEMENTS, op.b), tags: [pick(TAGS, op.b)] } });
      return;
    case 'deleteClaim':
      if (claims.length) await call('deleteClaim', { id: pick(claims, op.a) });
      return;
    case 'link':
      if (claims.length > 1) await call('linkClaims', { from: pick(claims, op.a), to: pick(claims, op.b), relation: 'supports' });
      return;
    case 'evidence':
      if (claims.length && quotes.length) await call('linkEvidence', { claimId: pick(claims, op.a), quoteId: pick(quotes, op.b), relation: 'contradicts' });
      return;
    case 'renameSource':
      if (sources.length) await call('updateSource', { id: pick(sources, op.a), patch: { title: `Renamed ${op.b}` } });
      return;
    case 'renameTag':
      if (tags.length) await call('renameTag', { from: pick(tags, op.a), to: `${pick(TAGS, op.b)}-${op.a}` });
      return;
    case 'deleteSource':
      if (sources.length) await call('deleteSource', { id: pick(sources, op.a) });
      return;
    case 'restoreSource': {
      const trashed = [...m.trashed()].map((e) => e.source.id);
      if (trashed.length) await call('restoreSource', { id: pick(trashed, op.a) });
      return;
    }
    case 'emptyTrash':
      await call('emptyTrash', {});
      return;
    case 'import':
      await call('importText', { text: `Notes ${op.a}\n\nThe lock keeper counted ${op.b} barges.`, title: `Notes ${op.a}` });
      return;
    case 'newVersion':
      if (sources.length) await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR_V2 + `\nUpdated ${op.b}.`), newVersionOf: pick(sources, op.a) });
      return;
    case 'undo':
      await call('undo', {});
      return;
    case 'redo':
      await call('redo', {});
      return;
  }
}

const KINDS = ['quote', 'editQuote', 'deleteQuote', 'claim', 'editClaim', 'deleteClaim', 'link', 'evidence', 'renameSource', 'renameTag', 'deleteSource', 'restoreSource', 'emptyTrash', 'import', 'newVersion', 'undo', 'redo'];
const opArb = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(40), b: fc.nat(40) });

/** Every list the views show, as the service answers them. */
async function served(nb: Nb) {
  const [sources, quotes, claims, tags, review, trash, conflicts, figureChanges, history] = await Promise.all(
    ['listSources', 'listQuotes', 'listClaims', 'listTags', 'listReview', 'listTrash', 'listConflicts', 'listFigureChanges', 'historyState'].map((m) => nb.call(m, {})),
  );
  return { sources, quotes, claims, tags, review, trash, conflicts, figureChanges, history };
}

describe('the page\'s copy of the notebook', () => {
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
            await run(nb, op);
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

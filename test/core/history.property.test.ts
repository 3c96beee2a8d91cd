/**
 * Property: for any sequence of edits on a notebook, undoing every one of them
 * gives back the starting records exactly, and redoing them all gives the edited
 * records exactly (the trash included). Edits pick their targets from what exists
 * at that moment, so sequences mix creating, editing and deleting the same records,
 * and restoring and emptying sources deleted earlier in the sequence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { openService } from '../support/notebook.ts';
import { baseNotebook, HARBOUR_V2, b64, records } from './history-support.ts';
import type { Nb } from './history-support.ts';

const PHRASES = ['about 41 million tonnes of dry bulk', 'coal fell to roughly 9 million tonnes', 'the night shifts were the busiest', 'Pear yields stayed flat', 'a cooperative survey found'];
const TRASHED = 'Lock keeper notes\n\nThe lock keeper counted 212 barges in May, most of them carrying gravel.';
const TAGS = ['energy', 'ports', 'farming/apples', 'energy/solar', 'labour'];

type Op = { kind: string; a: number; b: number; text: number };
const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

/** Runs one edit chosen by `op` against what the notebook holds now; refused edits are fine (they change nothing). */
async function apply(nb: Nb, op: Op): Promise<void> {
  const m = nb.store.memory;
  const sources = [...m.sources()].map((s) => s.id);
  const quotes = [...m.quotes()].map((q) => q.id);
  const claims = [...m.claims()].map((c) => c.id);
  const tags = [...m.tags()].map((t) => t.name);
  const call = (method: string, args: unknown) => dispatch(nb.service, method as never, args as never);
  switch (op.kind) {
    case 'quote': {
      const sourceId = pick(sources, op.a);
      if (sourceId) await call('createQuote', { sourceId, exact: pick(PHRASES, op.text), tags: [pick(TAGS, op.b)] });
      return;
    }
    case 'editQuote':
      if (quotes.length) await call('updateQuote', { id: pick(quotes, op.a), patch: { note: `note ${op.b}`, tags: [pick(TAGS, op.text)] } });
      return;
    case 'deleteQuote':
      if (quotes.length) await call('deleteQuote', { id: pick(quotes, op.a) });
      return;
    case 'claim':
      await call('createClaim', { statement: `Claim ${op.a}: ${pick(PHRASES, op.text)}`, evidence: quotes.length ? [{ quoteId: pick(quotes, op.b), relation: 'supports' }] : [] });
      return;
    case 'editClaim':
      if (claims.length) await call('updateClaim', { id: pick(claims, op.a), patch: { status: pick(['supported', 'disputed', 'unverified'], op.b) } });
      return;
    case 'deleteClaim':
      if (claims.length) await call('deleteClaim', { id: pick(claims, op.a) });
      return;
    case 'link':
      if (claims.length > 1) await call('linkClaims', { from: pick(claims, op.a), to: pick(claims, op.b), relation: 'refines' });
      return;
    case 'notConflict':
      if (claims.length > 1) await call('markConflict', { a: pick(claims, op.a), b: pick(claims, op.b), notConflict: op.text % 2 === 0 });
      return;
    case 'renameTag':
      if (tags.length) await call('renameTag', { from: pick(tags, op.a), to: pick(TAGS, op.b) + (op.text % 2 ? '' : '-x') });
      return;
    case 'mergeTags':
      if (tags.length) await call('mergeTags', { from: pick(tags, op.a), into: pick(TAGS, op.b) });
      return;
    case 'deleteSource':
      if (sources.length) await call('deleteSource', { id: pick(sources, op.a) });
      return;
    case 'restoreSource': {
      const trashed = [...m.trashed()].map((e) => e.source.id);
      if (trashed.length) await call('restoreSource', { id: pick(trashed, op.a) });
      return;
    }
    case 'emptyTrash': {
      const trashed = [...m.trashed()].map((e) => e.source.id);
      if (trashed.length) await call('emptyTrash', op.b % 2 ? { ids: [pick(trashed, op.a)] } : {});
      return;
    }
    case 'import':
      await call('importText', { text: `Notes ${op.a}\n\nThe lock keeper counted ${op.b} barges on day ${op.text}.`, title: `Notes ${op.a}` });
      return;
    case 'newVersion': {
      const sourceId = pick(sources, op.a);
      if (sourceId) await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR_V2 + `\nUpdated ${op.b}.`), newVersionOf: sourceId });
      return;
    }
  }
}

const KINDS = ['quote', 'editQuote', 'deleteQuote', 'claim', 'editClaim', 'deleteClaim', 'link', 'notConflict', 'renameTag', 'mergeTags', 'deleteSource', 'restoreSource', 'emptyTrash', 'import', 'newVersion'];
const opArb = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(50), b: fc.nat(50), text: fc.nat(50) });

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
          for (const op of ops) await apply(nb, op);
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

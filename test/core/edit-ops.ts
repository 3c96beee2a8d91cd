/**
 * Random edits for property tests: one op (a kind and three numbers) becomes one
 * contract call against whatever the notebook holds at that moment, so sequences
 * mix creating, editing, deleting, trashing and restoring the same records. Used by
 * the undo-history property (test/core/history.property.test.ts) and by the page's
 * copy of the notebook (test/renderer/local-notebook.test.ts), each with its own
 * list of kinds. Refused edits are fine: they change nothing.
 */
import fc from 'fast-check';
import { dispatch } from '../../shared/api/dispatch.ts';
import { HARBOUR_V2, b64 } from './history-support.ts';
import type { Nb } from './history-support.ts';

export type Op = { kind: string; a: number; b: number; text: number };

const PHRASES = ['about 41 million tonnes of dry bulk', 'coal fell to roughly 9 million tonnes', 'the night shifts were the busiest', 'Pear yields stayed flat', 'Grain made up close to 30%'];
const TAGS = ['energy', 'ports', 'farming/apples', 'energy/solar', 'labour'];
/** Statements with figures, some for the same subject, so the claim assistant has conflicts to judge. */
const STATEMENTS = ['Grain was close to 30% of Tidewater bulk', 'Grain was about 60% of Tidewater bulk', 'Tidewater moved about 41 million tonnes', 'Tidewater moved 90 million tonnes'];

const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

/** Ops of the given kinds, with numbers that pick targets among what exists. */
export const opsOf = (kinds: readonly string[]) => fc.record({ kind: fc.constantFrom(...kinds), a: fc.nat(50), b: fc.nat(50), text: fc.nat(50) });

export async function applyEdit(nb: Nb, op: Op): Promise<void> {
  const m = nb.store.memory;
  const sources = [...m.sources()].map((s) => s.id);
  const quotes = [...m.quotes()].map((q) => q.id);
  const claims = [...m.claims()].map((c) => c.id);
  const tags = [...m.tags()].map((t) => t.name);
  const trashed = [...m.trashed()].map((e) => e.source.id);
  const call = (method: string, args: unknown) => dispatch(nb.service, method as never, args as never);
  switch (op.kind) {
    case 'quote':
      if (sources.length) await call('createQuote', { sourceId: pick(sources, op.a), exact: pick(PHRASES, op.text), tags: op.b % 3 ? [pick(TAGS, op.b)] : [] });
      return;
    case 'editQuote':
      if (quotes.length) await call('updateQuote', { id: pick(quotes, op.a), patch: { note: `note ${op.b}`, color: op.b % 2 ? 'green' : 'yellow', tags: [pick(TAGS, op.text)] } });
      return;
    case 'deleteQuote':
      if (quotes.length) await call('deleteQuote', { id: pick(quotes, op.a) });
      return;
    case 'claim':
      await call('createClaim', {
        statement: pick(STATEMENTS, op.text),
        subject: op.a % 2 ? 'Tidewater — grain share' : undefined,
        evidence: quotes.length ? [{ quoteId: pick(quotes, op.b), relation: 'supports' }] : [],
      });
      return;
    case 'editClaim':
      if (claims.length)
        await call('updateClaim', {
          id: pick(claims, op.a),
          patch: op.text % 2 ? { status: pick(['supported', 'disputed', 'unverified'], op.b) } : { statement: pick(STATEMENTS, op.b), tags: [pick(TAGS, op.b)] },
        });
      return;
    case 'deleteClaim':
      if (claims.length) await call('deleteClaim', { id: pick(claims, op.a) });
      return;
    case 'link':
      if (claims.length > 1) await call('linkClaims', { from: pick(claims, op.a), to: pick(claims, op.b), relation: 'refines' });
      return;
    case 'evidence':
      if (claims.length && quotes.length) await call('linkEvidence', { claimId: pick(claims, op.a), quoteId: pick(quotes, op.b), relation: 'contradicts' });
      return;
    case 'notConflict':
      if (claims.length > 1) await call('markConflict', { a: pick(claims, op.a), b: pick(claims, op.b), notConflict: op.text % 2 === 0 });
      return;
    case 'renameSource':
      if (sources.length) await call('updateSource', { id: pick(sources, op.a), patch: { title: `Renamed ${op.b}` } });
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
    case 'restoreSource':
      if (trashed.length) await call('restoreSource', { id: pick(trashed, op.a) });
      return;
    case 'emptyTrash':
      if (trashed.length) await call('emptyTrash', op.b % 2 ? { ids: [pick(trashed, op.a)] } : {});
      return;
    case 'import':
      await call('importText', { text: `Notes ${op.a}\n\nThe lock keeper counted ${op.b} barges on day ${op.text}.`, title: `Notes ${op.a}` });
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
    default:
      throw new Error(`no edit of kind ${op.kind}`);
  }
}

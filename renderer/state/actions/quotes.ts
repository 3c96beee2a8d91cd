/**
 * Quotes: making them from a selection (with the toolbar's follow-ups),
 * editing, tagging and deleting them, each as an undoable command. Undoing a
 * delete re-creates the quote under a new id, which the undo stack remaps.
 */
import type { HighlightColor, Quote } from '../../../shared/model/records.ts';
import { parseTagInput } from '../derive.ts';
import { store } from '../store.ts';
import { compound } from '../undo.ts';
import type { Command, IdMap } from '../undo.ts';
import { createClaimCommand } from './claims.ts';
import { guard, must, perform, refresh, undoStack } from './common.ts';

interface QuoteInput {
  sourceId: string;
  range: { start: number; end: number };
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** A command creating a quote; its id is remapped every time redo re-creates it. */
export function createQuoteCommand(input: QuoteInput, label: string): Command & { run(ids: IdMap): Promise<void>; firstId(): string } {
  let original = '';
  const create = async (ids: IdMap) => {
    const q = await must('createQuote', { ...input, sourceId: input.sourceId as never });
    if (original) ids.remap(ids.resolve(original), q.id);
    else original = q.id;
  };
  return {
    label,
    firstId: () => original,
    run: create,
    redo: create,
    undo: async (ids) => {
      await must('deleteQuote', { id: ids.resolve(original) as never });
    },
  };
}

export type SelectionIntent = { kind: 'highlight'; color: HighlightColor } | { kind: 'tag' } | { kind: 'claim' } | { kind: 'note' };

/** The floating toolbar's buttons: every one creates a quote, then does its follow-up. */
export async function quoteSelection(range: { start: number; end: number }, intent: SelectionIntent): Promise<void> {
  const source = store.get().source;
  if (!source) return;
  await guard(async () => {
    const color = intent.kind === 'highlight' ? intent.color : 'yellow';
    const qc = createQuoteCommand({ sourceId: source.id, range, color }, intent.kind === 'claim' ? 'make claim' : 'highlight');
    if (intent.kind !== 'claim') {
      await perform(qc);
      const field = intent.kind === 'tag' ? 'tags' : intent.kind === 'note' ? 'note' : null;
      store.set((s) => ({
        selected: { kind: 'quote', id: qc.firstId() },
        focusRequest: field ? { field, seq: (s.focusRequest?.seq ?? 0) + 1 } : s.focusRequest,
      }));
      return;
    }
    await qc.run(undoStack.ids);
    const exact = source.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().slice(0, 5000);
    const cc = createClaimCommand(() => ({ statement: exact, evidence: [{ quoteId: qc.firstId(), relation: 'supports' }] }));
    try {
      await cc.run(undoStack.ids);
    } catch (e) {
      // The quote exists even though the claim failed: keep it undoable on its own.
      undoStack.push(qc);
      await refresh();
      throw e;
    }
    undoStack.push(compound('make claim', [qc, cc]));
    await refresh();
    store.set({ selected: { kind: 'claim', id: cc.firstId() } });
  });
}

export type QuotePatch = { color?: HighlightColor; note?: string; tags?: string[] };

export async function updateQuote(id: string, patch: QuotePatch, label = 'edit quote'): Promise<void> {
  const before = store.get().quotes.find((q) => q.id === id);
  if (!before) return;
  const prev: QuotePatch = {};
  if (patch.color !== undefined) prev.color = before.color;
  if (patch.note !== undefined) prev.note = before.note;
  if (patch.tags !== undefined) prev.tags = before.tags;
  await guard(async () => {
    const apply = (p: QuotePatch) => async (ids: IdMap) => {
      await must('updateQuote', { id: ids.resolve(id) as never, patch: p });
    };
    await perform({ label, run: apply(patch), redo: apply(patch), undo: apply(prev) });
  });
}

export async function addQuoteTags(id: string, raw: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  const add = parseTagInput(raw);
  if (!q || add.length === 0) return;
  await updateQuote(id, { tags: [...new Set([...q.tags, ...add])] }, 'tag quote');
}

export async function removeQuoteTag(id: string, tag: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  if (q) await updateQuote(id, { tags: q.tags.filter((t) => t !== tag) }, 'remove tag');
}

export async function deleteQuote(id: string): Promise<void> {
  const s = store.get();
  const q = s.quotes.find((x) => x.id === id);
  if (!q) return;
  const uses = s.claims.flatMap((c) => c.claim.evidence.filter((e) => e.quoteId === id).map((e) => ({ claimId: c.claim.id, relation: e.relation })));
  await guard(async () => {
    const del = async (ids: IdMap) => {
      await must('deleteQuote', { id: ids.resolve(id) as never });
    };
    await perform({
      label: 'delete quote',
      run: del,
      redo: del,
      undo: async (ids) => {
        const r = await must('createQuote', {
          sourceId: q.sourceId,
          range: { start: q.selectors[0].start, end: q.selectors[0].end },
          color: q.color,
          note: q.note,
          tags: q.tags,
        });
        ids.remap(ids.resolve(id), r.id);
        for (const u of uses) await must('linkEvidence', { claimId: ids.resolve(u.claimId) as never, quoteId: r.id, relation: u.relation });
      },
    });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

/** The quote shown as a claim's evidence, by id (used by the quote picker). */
export function quoteById(id: string): Quote | undefined {
  return store.get().quotes.find((q) => q.id === id);
}

/**
 * Quotes: making them from a selection (with the toolbar's follow-ups),
 * editing, tagging and deleting them. Each is a service call the service
 * records for undo; undoing a delete brings the quote back exactly (same id,
 * selectors and anchor status, evidence links included).
 */
import type { HighlightColor, Quote } from '../../../shared/model/records.ts';
import { parseTagInput } from '../derive.ts';
import { store } from '../store.ts';
import { newClaim } from './claims.ts';
import { edit, guard } from './common.ts';

export interface QuoteInput {
  sourceId: string;
  range: { start: number; end: number };
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** Creates a quote and returns its id. */
export async function newQuote(input: QuoteInput): Promise<string> {
  return (await edit('createQuote', { ...input, sourceId: input.sourceId as never })).id;
}

export type SelectionIntent = { kind: 'highlight'; color: HighlightColor } | { kind: 'tag' } | { kind: 'claim' } | { kind: 'note' };

/**
 * The floating toolbar's buttons: every one creates a quote, then does its
 * follow-up. "Make claim" is two edits (the quote, then the claim citing it), so
 * undo takes them back one at a time, the claim first.
 */
export async function quoteSelection(range: { start: number; end: number }, intent: SelectionIntent): Promise<void> {
  const source = store.get().source;
  if (!source) return;
  await guard(async () => {
    const color = intent.kind === 'highlight' ? intent.color : 'yellow';
    const quoteId = await newQuote({ sourceId: source.id, range, color });
    if (intent.kind !== 'claim') {
      const field = intent.kind === 'tag' ? 'tags' : intent.kind === 'note' ? 'note' : null;
      if (field) editQuote(quoteId, field);
      else store.set({ selected: { kind: 'quote', id: quoteId } });
      return;
    }
    const exact = source.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().slice(0, 5000);
    const claimId = await newClaim({ statement: exact, evidence: [{ quoteId: quoteId as never, relation: 'supports' }] });
    store.set({ selected: { kind: 'claim', id: claimId } });
  });
}

export type QuotePatch = { color?: HighlightColor; note?: string; tags?: string[] };

/** `_label` is what callers used to name the edit; the service names it now (see edit-labels.ts). */
export async function updateQuote(id: string, patch: QuotePatch, _label?: string): Promise<void> {
  if (!store.get().index.quote(id)) return;
  await guard(() => edit('updateQuote', { id: id as never, patch }));
}

export async function addQuoteTags(id: string, raw: string): Promise<void> {
  const q = store.get().index.quote(id);
  const add = parseTagInput(raw);
  if (!q || add.length === 0) return;
  await updateQuote(id, { tags: [...new Set([...q.tags, ...add])] });
}

export async function removeQuoteTag(id: string, tag: string): Promise<void> {
  const q = store.get().index.quote(id);
  if (q) await updateQuote(id, { tags: q.tags.filter((t) => t !== tag) });
}

export async function deleteQuote(id: string): Promise<void> {
  if (!store.get().index.quote(id)) return;
  await guard(async () => {
    await edit('deleteQuote', { id: id as never });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

/** The quote shown as a claim's evidence, by id (used by the quote picker). */
export function quoteById(id: string): Quote | undefined {
  return store.get().index.quote(id);
}

/** Opens a quote in the inspector (unfolding it) and puts the cursor in its note or tag field. */
export function editQuote(id: string, field: 'note' | 'tags' | null): void {
  store.set((s) => ({
    selected: { kind: 'quote', id },
    inspectorCollapsed: false,
    focusRequest: field ? { field, seq: (s.focusRequest?.seq ?? 0) + 1 } : s.focusRequest,
  }));
}

/**
 * Claims: creating, editing, tagging and deleting them, and linking evidence
 * quotes and other claims. Each is one service call; the service records it for
 * undo (undoing a delete brings the claim back exactly, id, subject, links and
 * "not a conflict" decisions included).
 */
import type { ApiArgs } from '../../../shared/api/contract.ts';
import type { ClaimRelation, ClaimStatus, EvidenceRelation } from '../../../shared/model/records.ts';
import { parseTagInput } from '../derive.ts';
import { store } from '../store.ts';
import { edit, guard } from './common.ts';

/** Creates a claim and returns it (the caller selects it). */
export async function newClaim(input: ApiArgs<'createClaim'>): Promise<string> {
  return (await edit('createClaim', input)).id;
}

export async function createClaim(statement: string): Promise<string | null> {
  const text = statement.trim();
  if (!text) return null;
  const r = await guard(async () => {
    const id = await newClaim({ statement: text });
    store.set({ selected: { kind: 'claim', id }, view: 'claims' });
    return id;
  });
  return r ?? null;
}

/** A new claim whose statement is the quote's text and whose evidence is the quote (supports). */
export async function claimFromQuote(quoteId: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === quoteId);
  if (!q) return;
  await guard(async () => {
    const id = await newClaim({ statement: q.exact.replace(/\s+/g, ' ').trim().slice(0, 5000), evidence: [{ quoteId: quoteId as never, relation: 'supports' }] });
    store.set({ selected: { kind: 'claim', id } });
  });
}

export type ClaimPatch = { statement?: string; status?: ClaimStatus; tags?: string[]; note?: string };

/** `_label` is what callers used to name the edit; the service names it now (see edit-labels.ts). */
export async function updateClaim(id: string, patch: ClaimPatch, _label?: string): Promise<void> {
  if (!store.get().claims.some((c) => c.claim.id === id)) return;
  await guard(() => edit('updateClaim', { id: id as never, patch }));
}

/**
 * Sets a claim's figure from what the researcher typed ("almost 70%"; "" clears
 * it), read by the service with the same reader as figures in sources. Returns
 * the service's message when the text holds no readable figure, for the field.
 */
export async function setClaimQuantity(id: string, text: string): Promise<string | null> {
  if (!store.get().claims.some((c) => c.claim.id === id)) return null;
  try {
    await edit('updateClaim', { id: id as never, patch: { quantityText: text } });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function addClaimTags(id: string, raw: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  const add = parseTagInput(raw);
  if (!c || add.length === 0) return;
  await updateClaim(id, { tags: [...new Set([...c.tags, ...add])] });
}

export async function removeClaimTag(id: string, tag: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  if (c) await updateClaim(id, { tags: c.tags.filter((t) => t !== tag) });
}

export async function deleteClaim(id: string): Promise<void> {
  if (!store.get().claims.some((c) => c.claim.id === id)) return;
  await guard(async () => {
    await edit('deleteClaim', { id: id as never });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

/** Links a quote as evidence; linking an already-linked quote changes its relation (undo restores the old one). */
export async function linkEvidence(claimId: string, quoteId: string, relation: EvidenceRelation): Promise<void> {
  await guard(() => edit('linkEvidence', { claimId: claimId as never, quoteId: quoteId as never, relation }));
}

export async function unlinkEvidence(claimId: string, quoteId: string): Promise<void> {
  await guard(() => edit('unlinkEvidence', { claimId: claimId as never, quoteId: quoteId as never }));
}

export async function linkClaims(from: string, to: string, relation: ClaimRelation): Promise<void> {
  await guard(() => edit('linkClaims', { from: from as never, to: to as never, relation }));
}

export async function unlinkClaims(from: string, to: string): Promise<void> {
  await guard(() => edit('unlinkClaims', { from: from as never, to: to as never }));
}

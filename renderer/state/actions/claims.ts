/**
 * Claims: creating, editing, tagging and deleting them, and linking evidence
 * quotes and other claims, each as an undoable command. Undoing a delete
 * re-creates the claim (with its evidence and links) under a new id.
 */
import type { NotebookApi } from '../../../shared/api/contract.ts';
import type { Claim, ClaimRelation, ClaimStatus, EvidenceRelation } from '../../../shared/model/records.ts';
import { parseTagInput } from '../derive.ts';
import { store } from '../store.ts';
import type { Command, IdMap } from '../undo.ts';
import { guard, must, perform, undoStack } from './common.ts';

type ClaimInput = Omit<Parameters<NotebookApi['createClaim']>[0], 'evidence'> & { evidence?: { quoteId: string; relation: EvidenceRelation }[] };

export function createClaimCommand(input: () => ClaimInput): Command & { run(ids: IdMap): Promise<void>; firstId(): string } {
  let original = '';
  const create = async (ids: IdMap) => {
    const i = input();
    const c = await must('createClaim', { ...i, evidence: i.evidence?.map((e) => ({ quoteId: ids.resolve(e.quoteId) as never, relation: e.relation })) });
    if (original) ids.remap(ids.resolve(original), c.id);
    else original = c.id;
  };
  return {
    label: 'create claim',
    firstId: () => original,
    run: create,
    redo: create,
    undo: async (ids) => {
      await must('deleteClaim', { id: ids.resolve(original) as never });
    },
  };
}

export async function createClaim(statement: string): Promise<string | null> {
  const text = statement.trim();
  if (!text) return null;
  const r = await guard(async () => {
    const cmd = createClaimCommand(() => ({ statement: text }));
    await perform(cmd);
    store.set({ selected: { kind: 'claim', id: cmd.firstId() }, view: 'claims' });
    return cmd.firstId();
  });
  return r ?? null;
}

/** A new claim whose statement is the quote's text and whose evidence is the quote (supports). */
export async function claimFromQuote(quoteId: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === quoteId);
  if (!q) return;
  await guard(async () => {
    const cmd = createClaimCommand(() => ({ statement: q.exact.replace(/\s+/g, ' ').trim().slice(0, 5000), evidence: [{ quoteId, relation: 'supports' }] }));
    await perform(cmd);
    store.set({ selected: { kind: 'claim', id: cmd.firstId() } });
  });
}

export type ClaimPatch = { statement?: string; status?: ClaimStatus; tags?: string[]; note?: string };

export async function updateClaim(id: string, patch: ClaimPatch, label = 'edit claim'): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === id)?.claim;
  if (!before) return;
  const prev: ClaimPatch = {};
  for (const k of Object.keys(patch) as (keyof ClaimPatch)[]) (prev as Record<string, unknown>)[k] = before[k];
  await guard(async () => {
    const apply = (p: ClaimPatch) => async (ids: IdMap) => {
      await must('updateClaim', { id: ids.resolve(id) as never, patch: p });
    };
    await perform({ label, run: apply(patch), redo: apply(patch), undo: apply(prev) });
  });
}

/**
 * Sets a claim's figure from what the researcher typed ("almost 70%"; "" clears
 * it), read by the service with the same reader as figures in sources. Returns
 * the service's message when the text holds no readable figure, for the field.
 */
export async function setClaimQuantity(id: string, text: string): Promise<string | null> {
  const before = store.get().claims.find((c) => c.claim.id === id)?.claim;
  if (!before) return null;
  const prev = before.quantity;
  try {
    const run = async (ids: IdMap) => {
      await must('updateClaim', { id: ids.resolve(id) as never, patch: { quantityText: text } });
    };
    await perform({ label: text.trim() ? 'set figure' : 'clear figure', run, redo: run, undo: async (ids) => void (await must('updateClaim', { id: ids.resolve(id) as never, patch: { quantity: prev } })) });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    store.set({ undo: undoStack.state() });
  }
}

export async function addClaimTags(id: string, raw: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  const add = parseTagInput(raw);
  if (!c || add.length === 0) return;
  await updateClaim(id, { tags: [...new Set([...c.tags, ...add])] }, 'tag claim');
}

export async function removeClaimTag(id: string, tag: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  if (c) await updateClaim(id, { tags: c.tags.filter((t) => t !== tag) }, 'remove tag');
}

export async function deleteClaim(id: string): Promise<void> {
  const detail = store.get().claims.find((c) => c.claim.id === id);
  if (!detail) return;
  const claim: Claim = detail.claim;
  const citedBy = detail.citedBy.map((b) => ({ from: b.claimId as string, relation: b.relation }));
  await guard(async () => {
    const del = async (ids: IdMap) => {
      await must('deleteClaim', { id: ids.resolve(id) as never });
    };
    await perform({
      label: 'delete claim',
      run: del,
      redo: del,
      undo: async (ids) => {
        const r = await must('createClaim', {
          statement: claim.statement,
          quantity: claim.quantity,
          status: claim.status,
          tags: claim.tags,
          note: claim.note,
          evidence: claim.evidence.map((e) => ({ quoteId: ids.resolve(e.quoteId) as never, relation: e.relation })),
        });
        ids.remap(ids.resolve(id), r.id);
        for (const l of claim.links) await must('linkClaims', { from: r.id, to: ids.resolve(l.claimId) as never, relation: l.relation });
        for (const b of citedBy) await must('linkClaims', { from: ids.resolve(b.from) as never, to: r.id, relation: b.relation });
      },
    });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

/** Links a quote as evidence; linking an already-linked quote changes its relation (undo restores the old one). */
export async function linkEvidence(claimId: string, quoteId: string, relation: EvidenceRelation): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === claimId)?.claim.evidence.find((e) => e.quoteId === quoteId);
  await guard(async () => {
    const link = (rel: EvidenceRelation) => async (ids: IdMap) => {
      await must('linkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never, relation: rel });
    };
    await perform({
      label: before ? 'change evidence relation' : 'link evidence',
      run: link(relation),
      redo: link(relation),
      undo: before
        ? link(before.relation)
        : async (ids) => {
            await must('unlinkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never });
          },
    });
  });
}

export async function unlinkEvidence(claimId: string, quoteId: string): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === claimId)?.claim.evidence.find((e) => e.quoteId === quoteId);
  if (!before) return;
  await guard(async () => {
    const unlink = async (ids: IdMap) => {
      await must('unlinkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never });
    };
    await perform({
      label: 'unlink evidence',
      run: unlink,
      redo: unlink,
      undo: async (ids) => {
        await must('linkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never, relation: before.relation });
      },
    });
  });
}

export async function linkClaims(from: string, to: string, relation: ClaimRelation): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === from)?.claim.links.find((l) => l.claimId === to);
  await guard(async () => {
    const link = (rel: ClaimRelation) => async (ids: IdMap) => {
      await must('linkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never, relation: rel });
    };
    await perform({
      label: 'link claims',
      run: link(relation),
      redo: link(relation),
      undo: before
        ? link(before.relation)
        : async (ids) => {
            await must('unlinkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never });
          },
    });
  });
}

export async function unlinkClaims(from: string, to: string): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === from)?.claim.links.find((l) => l.claimId === to);
  if (!before) return;
  await guard(async () => {
    const unlink = async (ids: IdMap) => {
      await must('unlinkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never });
    };
    await perform({
      label: 'unlink claims',
      run: unlink,
      redo: unlink,
      undo: async (ids) => {
        await must('linkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never, relation: before.relation });
      },
    });
  });
}

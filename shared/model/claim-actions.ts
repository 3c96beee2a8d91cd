/**
 * Claim transitions: creating (with the figure its words give), editing, linking
 * evidence and other claims, ruling out a conflict, deleting — each keeping the
 * notebook's invariant that no link dangles.
 */
import { err } from '../result.ts';
import { detectClaimFigure, parseQuantityText, quantityFromStatement } from './claim-figure.ts';
import type { Claim, ClaimId, ClaimRelation, ClaimStatus, EvidenceRelation, Quantity, QuoteId } from './records.ts';
import type { Change, NotebookView, TransitionContext } from './view.ts';
import { done, stripUndefined, useTags, type Outcome } from './transition-kit.ts';

export interface CreateClaimInput {
  statement: string;
  /** Omitted: read from the statement (else the evidence); null: the claim has no figure. */
  quantity?: Quantity | null;
  /** A figure typed by the researcher ("almost 70%"), read like any figure; wins over `quantity`. */
  quantityText?: string;
  subject?: string | null;
  status?: ClaimStatus;
  tags?: string[];
  evidence?: { quoteId: QuoteId; relation: EvidenceRelation }[];
  note?: string;
}

export function createClaim(view: NotebookView, input: CreateClaimInput, ctx: TransitionContext): Outcome<Claim> {
  const statement = input.statement.trim();
  if (!statement) return err('invalid_argument', 'a claim needs a statement');
  const evidence: Claim['evidence'] = [];
  for (const e of input.evidence ?? []) {
    if (!view.getQuote(e.quoteId)) return err('not_found', `no quote ${e.quoteId} to use as evidence`);
    if (!evidence.some((x) => x.quoteId === e.quoteId)) evidence.push(e);
  }
  const tags = useTags(view, input.tags ?? [], ctx);
  if (!tags.ok) return tags;
  let quantity = input.quantity ?? null;
  let subject = input.subject ?? null;
  if (input.quantityText !== undefined) {
    const typed = parseQuantityText(input.quantityText);
    if (!typed.ok) return typed;
    quantity = typed.value;
  }
  if (input.quantity === undefined || input.subject === undefined) {
    const found = detectClaimFigure(view, statement, evidence);
    if (input.quantity === undefined && input.quantityText === undefined) quantity = found?.quantity ?? null;
    if (input.subject === undefined && (input.quantityText === undefined || found?.quantity.raw === quantity?.raw)) subject = found?.subject ?? null;
  }
  const claim: Claim = {
    id: ctx.newId('claim'),
    statement,
    quantity,
    status: input.status ?? 'unverified',
    tags: tags.value.names,
    evidence,
    links: [],
    subject,
    notConflictingWith: [],
    note: input.note ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return done(claim, [...tags.value.changes, { kind: 'claim', op: 'put', record: claim }]);
}

export interface ClaimPatch {
  statement?: string;
  quantity?: Quantity | null;
  /** A typed figure ("almost 70%"); an empty string clears the claim's figure. */
  quantityText?: string;
  subject?: string | null;
  status?: ClaimStatus;
  tags?: string[];
  note?: string;
}

export function updateClaim(view: NotebookView, id: ClaimId, patch: ClaimPatch, ctx: TransitionContext): Outcome<Claim> {
  const claim = view.getClaim(id);
  if (!claim) return err('not_found', `no claim ${id}`);
  if (patch.statement !== undefined && !patch.statement.trim()) return err('invalid_argument', 'a claim needs a statement');
  const tags = useTags(view, patch.tags ?? claim.tags, ctx);
  if (!tags.ok) return tags;
  const statement = patch.statement?.trim() ?? claim.statement;
  let quantity = patch.quantity;
  let subject = patch.subject;
  if (patch.quantityText !== undefined) {
    if (patch.quantityText.trim() === '') quantity = null;
    else {
      const typed = parseQuantityText(patch.quantityText);
      if (!typed.ok) return typed;
      quantity = typed.value;
    }
  } else if (quantity === undefined && statement !== claim.statement && (claim.quantity === null || quantityFromStatement(claim))) {
    // the figure came from the old wording: read the new wording's instead
    const found = detectClaimFigure(view, statement, claim.evidence);
    quantity = found?.quantity ?? null;
    if (subject === undefined) subject = found?.subject ?? claim.subject;
  }
  const record: Claim = {
    ...claim,
    ...stripUndefined({ quantity, subject, status: patch.status, note: patch.note }),
    statement,
    tags: tags.value.names,
    updatedAt: ctx.now,
  };
  return done(record, [...tags.value.changes, { kind: 'claim', op: 'put', record }]);
}

/** Links a quote to a claim as evidence; linking again changes the relation. */
export function linkEvidence(view: NotebookView, claimId: ClaimId, quoteId: QuoteId, relation: EvidenceRelation, ctx: TransitionContext): Outcome<Claim> {
  const claim = view.getClaim(claimId);
  if (!claim) return err('not_found', `no claim ${claimId}`);
  if (!view.getQuote(quoteId)) return err('not_found', `no quote ${quoteId}`);
  const evidence = claim.evidence.filter((e) => e.quoteId !== quoteId);
  evidence.push({ quoteId, relation });
  const record: Claim = { ...claim, evidence, updatedAt: ctx.now };
  return done(record, [{ kind: 'claim', op: 'put', record }]);
}

export function unlinkEvidence(view: NotebookView, claimId: ClaimId, quoteId: QuoteId, ctx: TransitionContext): Outcome<Claim> {
  const claim = view.getClaim(claimId);
  if (!claim) return err('not_found', `no claim ${claimId}`);
  if (!claim.evidence.some((e) => e.quoteId === quoteId)) return err('not_found', `quote ${quoteId} is not evidence for claim ${claimId}`);
  const record: Claim = { ...claim, evidence: claim.evidence.filter((e) => e.quoteId !== quoteId), updatedAt: ctx.now };
  return done(record, [{ kind: 'claim', op: 'put', record }]);
}

/** Links claim `from` to claim `to` ("from supports to"); linking again changes the relation. */
export function linkClaims(view: NotebookView, from: ClaimId, to: ClaimId, relation: ClaimRelation, ctx: TransitionContext): Outcome<Claim> {
  const a = view.getClaim(from);
  if (!a) return err('not_found', `no claim ${from}`);
  if (!view.getClaim(to)) return err('not_found', `no claim ${to}`);
  if (from === to) return err('invalid_argument', 'a claim cannot be linked to itself');
  const links = a.links.filter((l) => l.claimId !== to);
  links.push({ claimId: to, relation });
  const record: Claim = { ...a, links, updatedAt: ctx.now };
  return done(record, [{ kind: 'claim', op: 'put', record }]);
}

export function unlinkClaims(view: NotebookView, from: ClaimId, to: ClaimId, ctx: TransitionContext): Outcome<Claim> {
  const a = view.getClaim(from);
  if (!a) return err('not_found', `no claim ${from}`);
  if (!a.links.some((l) => l.claimId === to)) return err('not_found', `claim ${from} has no link to ${to}`);
  const record: Claim = { ...a, links: a.links.filter((l) => l.claimId !== to), updatedAt: ctx.now };
  return done(record, [{ kind: 'claim', op: 'put', record }]);
}

/** Records (on both claims) that a flagged pair is not a conflict, or undoes that. */
export function setNotConflicting(view: NotebookView, a: ClaimId, b: ClaimId, notConflict: boolean, ctx: TransitionContext): Outcome<{ a: ClaimId; b: ClaimId; notConflict: boolean }> {
  const ca = view.getClaim(a);
  const cb = view.getClaim(b);
  if (!ca) return err('not_found', `no claim ${a}`);
  if (!cb) return err('not_found', `no claim ${b}`);
  if (a === b) return err('invalid_argument', 'a claim cannot conflict with itself');
  const edit = (c: Claim, other: ClaimId): Claim => ({
    ...c,
    notConflictingWith: notConflict ? [...new Set([...c.notConflictingWith, other])] : c.notConflictingWith.filter((x) => x !== other),
    updatedAt: ctx.now,
  });
  return done({ a, b, notConflict }, [
    { kind: 'claim', op: 'put', record: edit(ca, b) },
    { kind: 'claim', op: 'put', record: edit(cb, a) },
  ]);
}

export function deleteClaim(view: NotebookView, id: ClaimId, ctx: TransitionContext): Outcome<{ claimsUpdated: ClaimId[] }> {
  if (!view.getClaim(id)) return err('not_found', `no claim ${id}`);
  const changes: Change[] = [];
  const updated: ClaimId[] = [];
  for (const c of view.claims()) {
    if (c.id !== id && (c.links.some((l) => l.claimId === id) || c.notConflictingWith.includes(id))) {
      updated.push(c.id);
      const record = { ...c, links: c.links.filter((l) => l.claimId !== id), notConflictingWith: c.notConflictingWith.filter((x) => x !== id), updatedAt: ctx.now };
      changes.push({ kind: 'claim', op: 'put', record });
    }
  }
  changes.push({ kind: 'claim', op: 'delete', id });
  return done({ claimsUpdated: updated }, changes);
}

/** For every claim, the claims that link to it (its "cited by" list), built in one pass. */
export function backlinkIndex(view: NotebookView): Map<ClaimId, { claimId: ClaimId; relation: ClaimRelation }[]> {
  const out = new Map<ClaimId, { claimId: ClaimId; relation: ClaimRelation }[]>();
  for (const c of view.claims()) {
    for (const l of c.links) {
      const list = out.get(l.claimId) ?? [];
      list.push({ claimId: c.id, relation: l.relation });
      out.set(l.claimId, list);
    }
  }
  return out;
}

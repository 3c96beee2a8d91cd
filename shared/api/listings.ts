/**
 * How the contract's listings are derived from a notebook: each source with its
 * counts, each quote awaiting review, each claim with its evidence, backlinks and
 * the claim assistant's judgement of its figure (conflicts, changes over time, an
 * out-of-date mark), the judged pairs as the Conflicts view lists them, and the
 * order of every list. One derivation for both sides: the service answers list
 * calls with it, and the page keeps its own copy of the notebook current from
 * pushed changes and derives the same items record by record
 * (renderer/state/local-notebook.ts), so both always agree. Relations are
 * indexed once per listing: looking them up claim by claim would make listing n
 * claims O(n²).
 */
import type { ClaimDetail, ConflictItem, ConflictSide, FigureRelation, ReviewItem, SourceSummary } from './contract.ts';
import type { ConflictCandidate, ConflictPair } from '../claims/conflicts.ts';
import * as actions from '../model/actions.ts';
import { needsReview } from '../model/records.ts';
import type { Claim, ClaimId, Quote, SourceId, SourceMeta } from '../model/records.ts';
import type { NotebookView } from '../model/view.ts';

/** The claim assistant's judgement of a notebook: the related pairs and the figure each claim was judged by. */
export interface ConflictState {
  pairs: ConflictPair[];
  candidates: ReadonlyMap<string, ConflictCandidate>;
}

// ---------- order ----------

/** Code-unit order, the same on every machine (localeCompare is not). */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sources in the order they were imported. */
export const sourceOrder = (a: SourceMeta, b: SourceMeta) => byKey(a.importedAt, b.importedAt) || byKey(a.id, b.id);
/** Quotes grouped by source, in reading order. */
export const quoteOrder = (a: Quote, b: Quote) => byKey(a.sourceId, b.sourceId) || a.selectors[0].start - b.selectors[0].start || byKey(a.id, b.id);
/** Claims in the order they were written. */
export const claimOrder = (a: Claim, b: Claim) => byKey(a.createdAt, b.createdAt) || byKey(a.id, b.id);

// ---------- sources and review ----------

/** One source with how many quotes, claims and anchors awaiting review it has. */
export function sourceSummary(view: NotebookView, s: SourceMeta): SourceSummary {
  const quotes = view.quotesOf(s.id);
  const claims = new Set<string>();
  let reviewCount = 0;
  for (const q of quotes) {
    if (needsReview(q)) reviewCount++;
    for (const c of view.claimsCiting(q.id)) claims.add(c.id);
  }
  return { ...s, quoteCount: quotes.length, claimCount: claims.size, reviewCount };
}

/** A quote whose anchor waits for the researcher, with what the new version says there. */
export function reviewItem(view: NotebookView, q: Quote): ReviewItem {
  return {
    quote: q,
    sourceTitle: view.getSource(q.sourceId)?.title ?? '',
    status: q.anchor.status,
    score: q.anchor.score,
    oldText: q.exact,
    newText: q.anchor.candidate?.text ?? null,
    diff: q.anchor.candidate?.diff ?? [],
  };
}

// ---------- claims ----------

export interface ClaimRelations {
  backlinks: ReturnType<typeof actions.backlinkIndex>;
  conflicts: Map<string, ClaimDetail['conflicts']>;
  overTime: Map<string, ClaimDetail['overTime']>;
  outOfDate: Map<string, string>;
}

/** Who links to each claim and how the judgement relates it to others. */
export function claimRelations(view: NotebookView, judgement: Pick<ConflictState, 'pairs'>): ClaimRelations {
  const backlinks = actions.backlinkIndex(view);
  const conflicts = new Map<string, ClaimDetail['conflicts']>();
  const overTime = new Map<string, ClaimDetail['overTime']>();
  const outOfDate = new Map<string, string>();
  const push = <T>(m: Map<string, T[]>, id: string, item: T) => {
    const list = m.get(id);
    if (list) list.push(item);
    else m.set(id, [item]);
  };
  for (const p of judgement.pairs) {
    if (p.relation === 'conflict') {
      push(conflicts, p.a, { claimId: p.b, reason: p.reason });
      push(conflicts, p.b, { claimId: p.a, reason: p.reason });
      continue;
    }
    push(overTime, p.a, { claimId: p.b, reason: p.reason, relation: p.relation, thisIsOlder: p.older === p.a });
    push(overTime, p.b, { claimId: p.a, reason: p.reason, relation: p.relation, thisIsOlder: p.older === p.b });
    if (p.relation === 'superseded' && p.older && !outOfDate.has(p.older)) outOfDate.set(p.older, p.reason);
  }
  return { backlinks, conflicts, overTime, outOfDate };
}

export function claimDetail(view: NotebookView, claim: Claim, relations: ClaimRelations): ClaimDetail {
  return {
    claim,
    conflicts: relations.conflicts.get(claim.id) ?? [],
    overTime: relations.overTime.get(claim.id) ?? [],
    outOfDate: relations.outOfDate.get(claim.id) ?? null,
    unreviewedEvidence: claim.evidence.filter((e) => {
      const q = view.getQuote(e.quoteId);
      return q !== undefined && needsReview(q);
    }).length,
    evidence: claim.evidence.flatMap((e) => {
      const quote = view.getQuote(e.quoteId);
      return quote ? [{ quote, relation: e.relation, sourceTitle: view.getSource(quote.sourceId)?.title ?? '' }] : [];
    }),
    citedBy: (relations.backlinks.get(claim.id) ?? []).map((b) => ({ ...b, statement: view.getClaim(b.claimId)?.statement ?? '' })),
  };
}

/** The judged pairs of the wanted relations, each side with its statement, figure and source. */
export function relationItems(view: NotebookView, { pairs, candidates }: ConflictState, wanted: (relation: FigureRelation) => boolean): ConflictItem[] {
  const side = (id: string): ConflictSide => {
    const claim = view.getClaim(id as ClaimId);
    const c = candidates.get(id);
    const sourceId = c?.sourceId ?? null;
    return {
      claimId: id,
      statement: claim?.statement ?? c?.statement ?? '',
      quantity: c?.quantity ?? null,
      sourceId,
      sourceTitle: sourceId ? (view.getSource(sourceId as SourceId)?.title ?? null) : null,
      date: c?.published ?? null,
    };
  };
  return pairs.filter((p) => wanted(p.relation)).map((p) => ({ key: p.key, a: side(p.a), b: side(p.b), reason: p.reason, relation: p.relation, older: p.older ?? null }));
}

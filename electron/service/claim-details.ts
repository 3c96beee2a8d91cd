/**
 * How the service shows claims: each claim with its evidence, backlinks and the
 * claim assistant's judgement of its figure (conflicts, changes over time, an
 * out-of-date mark), and the judged pairs as the Conflicts view lists them. All
 * indexed once per listing: looking them up claim by claim would make listing n
 * claims O(n²).
 */
import type { ClaimDetail, ConflictItem, ConflictSide, FigureRelation } from '../../shared/api/contract.ts';
import * as actions from '../../shared/model/actions.ts';
import { needsReview } from '../../shared/model/records.ts';
import type { Claim, ClaimId, SourceId } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';
import type { ConflictState } from './conflicts.ts';

export interface ClaimRelations {
  backlinks: ReturnType<typeof actions.backlinkIndex>;
  conflicts: Map<string, ClaimDetail['conflicts']>;
  overTime: Map<string, ClaimDetail['overTime']>;
  outOfDate: Map<string, string>;
}

/** Who links to each claim and how the judgement relates it to others. */
export function claimRelations(view: NotebookView, judgement: ConflictState): ClaimRelations {
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
    return { claimId: id, statement: claim?.statement ?? c?.statement ?? '', quantity: c?.quantity ?? null, sourceId, sourceTitle: sourceId ? (view.getSource(sourceId as SourceId)?.title ?? null) : null, date: c?.published ?? null };
  };
  return pairs.filter((p) => wanted(p.relation)).map((p) => ({ key: p.key, a: side(p.a), b: side(p.b), reason: p.reason, relation: p.relation, older: p.older ?? null }));
}

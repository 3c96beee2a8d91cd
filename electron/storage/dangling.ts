/**
 * The links that point at records no longer in the notebook, and the changes that
 * remove them: after `notebook restore --discard` goes on without a damaged file,
 * claims must not keep evidence citing quotes that were in it (nor links to claims
 * that were), and the trash must not keep links it would put back into nothing.
 */
import type { Claim, ClaimId, QuoteId, TrashEntry } from '../../shared/model/records.ts';
import type { Change } from '../../shared/model/view.ts';

export interface LinkedRecords {
  claims(): Iterable<Claim>;
  trashed(): Iterable<TrashEntry>;
  getQuote(id: QuoteId): unknown;
  getClaim(id: ClaimId): unknown;
}

/** The changes that drop every dangling link, and how many links they drop. */
export function danglingLinkRepairs(m: LinkedRecords): { changes: Change[]; removed: number } {
  const changes: Change[] = [];
  let removed = 0;
  const keep = <T>(list: readonly T[], ok: (x: T) => boolean): T[] => {
    const kept = list.filter(ok);
    removed += list.length - kept.length;
    return kept;
  };
  for (const c of m.claims()) {
    const before = removed;
    const record: Claim = {
      ...c,
      evidence: keep(c.evidence, (e) => m.getQuote(e.quoteId) !== undefined),
      links: keep(c.links, (l) => m.getClaim(l.claimId) !== undefined),
      notConflictingWith: keep(c.notConflictingWith, (id) => m.getClaim(id) !== undefined),
    };
    if (removed > before) changes.push({ kind: 'claim', op: 'put', record });
  }
  for (const t of m.trashed()) {
    const before = removed;
    const links = keep(t.links, (l) => m.getClaim(l.claimId) !== undefined);
    if (removed > before) changes.push({ kind: 'trash', op: 'put', record: { ...t, links } });
  }
  return { changes, removed };
}

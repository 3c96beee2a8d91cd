/** Claims as lists show them: the claims table's filter and sort, the claims citing a quote, a claim's warnings. */
import type { ClaimDetail } from '../../shared/api/contract.ts';

export type ClaimSortKey = 'statement' | 'status' | 'evidence' | 'created';
export interface ClaimQuery {
  text: string;
  status: 'all' | 'unverified' | 'supported' | 'disputed';
  sort: ClaimSortKey;
  descending: boolean;
}

export function filterAndSortClaims(claims: readonly ClaimDetail[], q: ClaimQuery): ClaimDetail[] {
  const needle = q.text.trim().toLocaleLowerCase();
  const rows = claims.filter((c) => {
    if (q.status !== 'all' && c.claim.status !== q.status) return false;
    if (!needle) return true;
    return (
      c.claim.statement.toLocaleLowerCase().includes(needle) ||
      c.claim.tags.some((t) => t.toLocaleLowerCase().includes(needle)) ||
      (c.claim.quantity?.raw.toLocaleLowerCase().includes(needle) ?? false)
    );
  });
  const key = (c: ClaimDetail): string | number => {
    switch (q.sort) {
      case 'statement':
        return c.claim.statement.toLocaleLowerCase();
      case 'status':
        return c.claim.status;
      case 'evidence':
        return c.evidence.length;
      case 'created':
        return c.claim.createdAt;
    }
  };
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.claim.id < b.claim.id ? -1 : 1;
    return q.descending ? -cmp : cmp;
  });
  return rows;
}

/** Claims whose evidence includes the quote (shown in the inspector as "Used by"). */
export function claimsCiting(claims: readonly ClaimDetail[], quoteId: string): { claim: ClaimDetail; relation: string }[] {
  const out: { claim: ClaimDetail; relation: string }[] = [];
  for (const c of claims) {
    const e = c.claim.evidence.find((x) => x.quoteId === quoteId);
    if (e) out.push({ claim: c, relation: e.relation });
  }
  return out;
}

/** Short warnings for a claim wherever it is listed: a figure conflict, evidence waiting in Review. */
export function claimFlags(c: ClaimDetail): string[] {
  const flags: string[] = [];
  if (c.conflicts.length > 0) flags.push(c.conflicts.length === 1 ? 'conflict' : `${c.conflicts.length} conflicts`);
  if (c.unreviewedEvidence > 0) flags.push('needs review');
  return flags;
}

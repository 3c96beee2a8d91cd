import { describe, expect, it } from 'vitest';
import type { ClaimDetail, TagSummary } from '../../shared/api/contract.ts';
import { anchorSummary, awaitsReview, claimFlags, filterAndSortClaims, formToSourceEdit, paintable, parseTagInput, switcherMatches, tagTree } from '../../renderer/state/derive.ts';

const tag = (name: string, quotes: number, claims = 0): TagSummary => ({ tag: { name, color: '#aabbcc', createdAt: '2026-01-01T00:00:00Z' }, quotes, claims });

function claim(id: string, statement: string, status: 'unverified' | 'supported' | 'disputed', evidence: number, createdAt: string): ClaimDetail {
  return {
    claim: { id, statement, quantity: null, status, tags: ['shipping'], evidence: [], links: [], note: '', createdAt, updatedAt: createdAt },
    evidence: Array.from({ length: evidence }, () => ({}) as ClaimDetail['evidence'][number]),
    citedBy: [],
    conflicts: [],
    unreviewedEvidence: 0,
  } as unknown as ClaimDetail;
}

describe('tagTree', () => {
  it('orders parents before children with depth, leaf label and subtree totals', () => {
    const nodes = tagTree([tag('energy/coal', 2, 1), tag('shipping', 1), tag('energy', 1), tag('energy/coal/imports', 3)]);
    expect(nodes.map((n) => [n.name, n.label, n.depth, n.totalQuotes, n.totalClaims])).toEqual([
      ['energy', 'energy', 0, 6, 1],
      ['energy/coal', 'coal', 1, 5, 1],
      ['energy/coal/imports', 'imports', 2, 3, 0],
      ['shipping', 'shipping', 0, 1, 0],
    ]);
  });

  it('does not count a sibling that merely shares a prefix as a child', () => {
    const nodes = tagTree([tag('energy', 1), tag('energyx', 5)]);
    expect(nodes[0]?.totalQuotes).toBe(1);
  });
});

describe('parseTagInput', () => {
  it('splits on commas, trims, tidies slashes and removes duplicates', () => {
    expect(parseTagInput(' energy / coal , Shipping,, energy/coal ')).toEqual(['energy/coal', 'Shipping']);
  });
});

describe('filterAndSortClaims', () => {
  const rows = [
    claim('c_b', 'Traffic grew 2.1%', 'disputed', 2, '2026-01-02'),
    claim('c_a', 'Costs rose 30%', 'supported', 5, '2026-01-01'),
    claim('c_c', 'Berths open in 2028', 'unverified', 0, '2026-01-03'),
  ];

  it('filters by status and by words in the statement', () => {
    expect(filterAndSortClaims(rows, { text: '', status: 'disputed', sort: 'created', descending: false }).map((c) => c.claim.id)).toEqual(['c_b']);
    expect(filterAndSortClaims(rows, { text: 'COSTS', status: 'all', sort: 'created', descending: false }).map((c) => c.claim.id)).toEqual(['c_a']);
  });

  it('sorts by evidence count in either direction', () => {
    expect(filterAndSortClaims(rows, { text: '', status: 'all', sort: 'evidence', descending: true }).map((c) => c.claim.id)).toEqual(['c_a', 'c_b', 'c_c']);
    expect(filterAndSortClaims(rows, { text: '', status: 'all', sort: 'evidence', descending: false }).map((c) => c.claim.id)).toEqual(['c_c', 'c_b', 'c_a']);
  });
});

describe('switcherMatches', () => {
  it('requires every word and ranks label matches before detail-only matches', () => {
    const data = {
      sources: [{ id: 's_1', title: 'Vellmar dredging plan', authors: ['Port costs desk'] }] as never,
      quotes: [],
      claims: [claim('c_1', 'Port costs rose 30%', 'supported', 1, '2026-01-01')],
      tags: [tag('port/costs', 1)],
    };
    const hits = switcherMatches(data, 'port costs');
    expect(hits.map((h) => h.kind)).toEqual(['tag', 'claim', 'source']);
    expect(switcherMatches(data, 'nothing here')).toEqual([]);
  });
});

describe('formToSourceEdit', () => {
  it('turns empty optional fields into null and splits authors', () => {
    expect(formToSourceEdit({ title: ' T ', authors: 'A. One; B. Two, ', publisher: '', published: '2026-03', url: ' ', accessed: '' })).toEqual({
      title: 'T',
      authors: ['A. One', 'B. Two'],
      publisher: null,
      published: '2026-03',
      url: null,
      accessed: null,
    });
  });
});

describe('anchor status helpers', () => {
  const q = (id: string, status?: string) => ({ id, ...(status ? { anchor: { status } } : {}) }) as never;

  it('counts statuses in a fixed order and treats quotes without an anchor as exact', () => {
    expect(anchorSummary([q('a', 'orphaned'), q('b'), q('c', 'exact'), q('d', 'fuzzy')])).toEqual([
      { status: 'exact', count: 2 },
      { status: 'fuzzy', count: 1 },
      { status: 'orphaned', count: 1 },
    ]);
  });

  it('paints only quotes anchored on the current text', () => {
    expect([q('a', 'exact'), q('b', 'moved'), q('c', 'fuzzy'), q('d', 'orphaned'), q('e')].filter(paintable).map((x: { id: string }) => x.id)).toEqual(['a', 'b', 'e']);
  });
});

describe('claim flags', () => {
  it('flags a conflict and evidence waiting for review, and nothing on a clean claim', () => {
    const clean = claim('c_1', 'Coal imports fell', 'unverified', 1, '2026-01-01');
    expect(claimFlags(clean)).toEqual([]);
    expect(claimFlags({ ...clean, conflicts: [{ claimId: 'c_2', reason: 'A says 70%, B says 46%' }], unreviewedEvidence: 2 })).toEqual(['conflict', 'needs review']);
    expect(
      claimFlags({
        ...clean,
        conflicts: [
          { claimId: 'c_2', reason: '' },
          { claimId: 'c_3', reason: '' },
        ],
      }),
    ).toEqual(['2 conflicts']);
  });

  it('treats fuzzy and orphaned quotes as awaiting review until decided', () => {
    const q = (status: string, review: string | null) => ({ anchor: { status, review } }) as never;
    expect(awaitsReview(q('fuzzy', null))).toBe(true);
    expect(awaitsReview(q('orphaned', null))).toBe(true);
    expect(awaitsReview(q('orphaned', 'pinned'))).toBe(false);
    expect(awaitsReview(q('moved', null))).toBe(false);
  });
});

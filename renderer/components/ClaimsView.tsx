/** The Claims table: statement, quantity, status, evidence count and tags, with sort and filter. */
import { useState } from 'react';
import * as A from '../state/actions.ts';
import { filterAndSortClaims } from '../state/derive.ts';
import type { ClaimQuery, ClaimSortKey } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

const COLUMNS: { key: ClaimSortKey | null; label: string }[] = [
  { key: 'statement', label: 'Statement' },
  { key: null, label: 'Quantity' },
  { key: 'status', label: 'Status' },
  { key: 'evidence', label: 'Evidence' },
  { key: null, label: 'Tags' },
];

export function ClaimsView() {
  const claims = useStore((s) => s.claims);
  const selected = useStore((s) => s.selected);
  const [query, setQuery] = useState<ClaimQuery>({ text: '', status: 'all', sort: 'created', descending: false });
  const [draft, setDraft] = useState('');
  const rows = filterAndSortClaims(claims, query);
  const sortBy = (key: ClaimSortKey) => setQuery({ ...query, sort: key, descending: query.sort === key ? !query.descending : false });

  return (
    <section className="view claims" aria-labelledby="claims-title">
      <header className="view-header">
        <div>
          <h1 id="claims-title">Claims</h1>
          <p className="subtle">{claims.length === 0 ? 'No claims yet' : `${rows.length} of ${claims.length} claims`}</p>
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void A.createClaim(draft).then((id) => id && setDraft(''));
          }}
        >
          <input aria-label="New claim statement" placeholder="State a new claim…" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit" className="button primary" disabled={!draft.trim()}>
            Add claim
          </button>
        </form>
      </header>

      {claims.length === 0 ? (
        <div className="empty-state">
          <h2>No claims yet</h2>
          <p>Select a passage in the Reader and choose “Make claim”, or type a statement above. Link quotes as supporting or contradicting evidence.</p>
        </div>
      ) : (
        <>
          <div className="filter-bar">
            <input aria-label="Filter claims" placeholder="Filter by words, tags or figures" value={query.text} onChange={(e) => setQuery({ ...query, text: e.currentTarget.value })} />
            <select aria-label="Status filter" value={query.status} onChange={(e) => setQuery({ ...query, status: e.currentTarget.value as ClaimQuery['status'] })}>
              <option value="all">All statuses</option>
              {A.CLAIM_STATUS_LIST.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="table-wrap">
            <table className="claims-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.label} scope="col" aria-sort={c.key && query.sort === c.key ? (query.descending ? 'descending' : 'ascending') : undefined}>
                      {c.key ? (
                        <button type="button" className="sort-button" onClick={() => sortBy(c.key as ClaimSortKey)} aria-label={`Sort by ${c.label.toLowerCase()}`}>
                          {c.label}
                          {query.sort === c.key ? (query.descending ? ' ▾' : ' ▴') : ''}
                        </button>
                      ) : (
                        c.label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.claim.id} className={selected?.kind === 'claim' && selected.id === c.claim.id ? 'selected' : undefined}>
                    <td>
                      <button type="button" className="link-button statement" onClick={() => A.select({ kind: 'claim', id: c.claim.id })}>
                        {c.claim.statement}
                      </button>
                    </td>
                    <td className="num">{c.claim.quantity?.raw ?? '—'}</td>
                    <td>
                      <span className={'status status-' + c.claim.status}>{c.claim.status}</span>
                    </td>
                    <td className="num">
                      {c.evidence.length}
                      {c.evidence.some((e) => e.relation === 'contradicts') && (
                        <span className="contra" title="Has contradicting evidence">
                          {' '}
                          ⚠
                        </span>
                      )}
                    </td>
                    <td>
                      {c.claim.tags.map((t) => (
                        <span key={t} className="chip small">
                          {t}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="subtle pad">No claims match the filter.</p>}
          </div>
        </>
      )}
    </section>
  );
}

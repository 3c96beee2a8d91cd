/**
 * The Claims table: statement, quantity, status, evidence count and tags, with
 * sort and filter. Claims in a figure conflict and claims whose evidence drifted
 * (fuzzy or orphaned, not yet reviewed) carry a visible flag; the Conflicts tab
 * lists every conflicting pair side by side.
 */
import { useState } from 'react';
import type { ClaimDetail, ConflictItem, ConflictSide } from '../../shared/api/contract.ts';
import { bandText } from '../../shared/claims/quantity.ts';
import * as A from '../state/actions.ts';
import { excerpt, filterAndSortClaims, plural } from '../state/derive.ts';
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
  const conflicts = useStore((s) => s.conflicts);
  const figureChanges = useStore((s) => s.figureChanges);
  const [tab, setTab] = useState<'claims' | 'conflicts'>('claims');
  const [query, setQuery] = useState<ClaimQuery>({ text: '', status: 'all', sort: 'created', descending: false });
  const [draft, setDraft] = useState('');
  const rows = filterAndSortClaims(claims, query);
  const sortBy = (key: ClaimSortKey) => setQuery({ ...query, sort: key, descending: query.sort === key ? !query.descending : false });

  return (
    <section className="view claims" aria-labelledby="claims-title">
      <header className="view-header">
        <div>
          <h1 id="claims-title">Claims</h1>
          <p className="subtle">{claims.length === 0 ? 'No claims yet' : rows.length === claims.length ? plural(claims.length, 'claim') : `${rows.length} of ${plural(claims.length, 'claim')}`}</p>
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

      {claims.length > 0 && (
        <div className="tabs" role="group" aria-label="Claims or conflicts">
          <button type="button" className={'tab' + (tab === 'claims' ? ' active' : '')} aria-pressed={tab === 'claims'} onClick={() => setTab('claims')}>
            All claims
          </button>
          <button type="button" className={'tab' + (tab === 'conflicts' ? ' active' : '')} aria-pressed={tab === 'conflicts'} onClick={() => setTab('conflicts')}>
            Conflicts{conflicts.length > 0 ? ` (${conflicts.length})` : ''}
          </button>
        </div>
      )}
      {tab === 'conflicts' && claims.length > 0 ? (
        <ConflictList conflicts={conflicts} changes={figureChanges} />
      ) : claims.length === 0 ? (
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
                      <ClaimFlags detail={c} />
                    </td>
                    <td className="num" title={c.claim.quantity ? bandText(c.claim.quantity) || undefined : undefined}>
                      {c.claim.quantity?.raw ?? '—'}
                    </td>
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

/** The warning chips shown wherever a claim is listed. */
export function ClaimFlags({ detail }: { detail: ClaimDetail }) {
  const statements = useStore((s) => s.claims);
  if (detail.conflicts.length === 0 && detail.unreviewedEvidence === 0 && !detail.outOfDate) return null;
  const other = (id: string) => statements.find((c) => c.claim.id === id)?.claim.statement ?? id;
  return (
    <span className="flags">
      {detail.conflicts.map((k) => (
        <span key={k.claimId} className="flag flag-conflict" title={`Conflicts with “${other(k.claimId)}”: ${k.reason}`}>
          ⚡ conflicts with “{excerpt(other(k.claimId), 40)}”
        </span>
      ))}
      {detail.outOfDate && (
        <span className="flag flag-outdated" title={`A newer source gives another figure: ${detail.outOfDate}`}>
          ⌛ possibly out of date
        </span>
      )}
      {detail.unreviewedEvidence > 0 && (
        <span className="flag flag-review" title="Evidence quotes lost their exact place when a source changed: review them">
          ⚠ {detail.unreviewedEvidence} evidence to review
        </span>
      )}
    </span>
  );
}

function Side({ side }: { side: ConflictSide }) {
  return (
    <div className="conflict-side">
      <button type="button" className="link-button statement" onClick={() => A.openClaim(side.claimId)}>
        {side.statement}
      </button>
      <div className="subtle">
        {side.quantity ? (
          <>
            <strong>{side.quantity.raw}</strong>
            {' · '}
          </>
        ) : null}
        {[side.sourceTitle ?? 'no source', side.date].filter(Boolean).join(' · ')}
      </div>
    </div>
  );
}

function ConflictList({ conflicts, changes }: { conflicts: ConflictItem[]; changes: ConflictItem[] }) {
  return (
    <>
      {conflicts.length === 0 ? (
        <div className="empty-state">
          <h2>No conflicts</h2>
          <p>
            When two claims give figures for the same thing that cannot both hold (hedges such as “almost”, “about” or “up to” and the times the figures are for taken into account), they are listed
            here.
          </p>
        </div>
      ) : (
        <ConflictCards conflicts={conflicts} />
      )}
      {changes.length > 0 && <FigureTimeline changes={changes} />}
    </>
  );
}

/** Figures that differ because time passed: the earlier one first, never shown as a conflict. */
function FigureTimeline({ changes }: { changes: ConflictItem[] }) {
  return (
    <section className="figure-timeline" aria-label="Changes over time">
      <h2>Changes over time</h2>
      <p className="subtle">Figures for the same thing at different times. Not conflicts; an earlier figure from an older source may be out of date.</p>
      <ul className="conflict-list" aria-label="Figures over time">
        {changes.map((c) => {
          const [earlier, later] = c.older === c.b.claimId ? [c.b, c.a] : [c.a, c.b];
          return (
            <li key={c.key} className="conflict-card timeline-card">
              <div className="conflict-pair">
                <Side side={earlier} />
                <span className="versus" aria-hidden="true">
                  →
                </span>
                <Side side={later} />
              </div>
              <p className="conflict-reason">
                {c.relation === 'superseded' ? '⌛ Possibly out of date: ' : ''}
                {c.reason}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ConflictCards({ conflicts }: { conflicts: ConflictItem[] }) {
  return (
    <ul className="conflict-list" aria-label="Conflicts">
      {conflicts.map((c) => (
        <li key={c.key} className="conflict-card">
          <div className="conflict-pair">
            <Side side={c.a} />
            <span className="versus" aria-hidden="true">
              ⚡
            </span>
            <Side side={c.b} />
          </div>
          <p className="conflict-reason">{c.reason}</p>
          <button
            type="button"
            className="button small"
            aria-label={`Not a conflict: ${excerpt(c.a.statement, 40)} and ${excerpt(c.b.statement, 40)}`}
            onClick={() => void A.markNotConflict(c.a.claimId, c.b.claimId)}
          >
            Not a conflict
          </button>
        </li>
      ))}
    </ul>
  );
}

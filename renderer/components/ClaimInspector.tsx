/**
 * Inspector contents for a claim: statement, status, tags, note, evidence, links
 * and backlinks, plus its figure conflicts and a flag while evidence waits in Review.
 */
import { useId, useState } from 'react';
import type { ClaimDetail } from '../../shared/api/contract.ts';
import type { ClaimRelation, ClaimStatus, EvidenceRelation } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { anchorStatus, awaitsReview, excerpt } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { QuotePicker } from './QuotePicker.tsx';
import { TagEditor } from './TagEditor.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { QuantityEditor } from './QuantityEditor.tsx';
import { saveClaimField } from '../state/actions/autosave.ts';
import { FieldError, SaveState } from './SaveState.tsx';
import { useAutosave } from './useAutosave.ts';

export function ClaimInspector({ detail }: { detail: ClaimDetail }) {
  const { claim } = detail;
  const claims = useStore((s) => s.claims);
  const [picking, setPicking] = useState(false);
  const [linkTo, setLinkTo] = useState('');
  const [linkRel, setLinkRel] = useState<ClaimRelation>('supports');
  const statementOf = new Map<string, string>(claims.map((c) => [c.claim.id, c.claim.statement]));
  const others = claims.filter((c) => c.claim.id !== claim.id);

  return (
    <div className="inspector-body">
      <div className="inspector-kind">Claim</div>
      {detail.unreviewedEvidence > 0 && (
        <div className="inspector-alert" role="note">
          ⚠ {detail.unreviewedEvidence} evidence quote{detail.unreviewedEvidence === 1 ? '' : 's'} lost {detail.unreviewedEvidence === 1 ? 'its' : 'their'} exact place when a source changed.{' '}
          <button type="button" className="link-button" onClick={() => A.setView('review')}>
            Review
          </button>
        </div>
      )}
      <StatementField claimId={claim.id} statement={claim.statement} />
      <QuantityEditor claimId={claim.id} quantity={claim.quantity} />

      <label className="field">
        <span>Status</span>
        <select value={claim.status} onChange={(e) => void A.updateClaim(claim.id, { status: e.currentTarget.value as ClaimStatus }, 'change status')}>
          {A.CLAIM_STATUS_LIST.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>

      {detail.conflicts.length > 0 && (
        <section className="inspector-conflicts" aria-label="Conflicts">
          <h3>Conflicts ({detail.conflicts.length})</h3>
          <ul className="plain-list">
            {detail.conflicts.map((k) => (
              <li key={k.claimId}>
                <span className="flag flag-conflict">⚡ conflicts with</span>{' '}
                <button type="button" className="link-button" onClick={() => A.openClaim(k.claimId)}>
                  {excerpt(statementOf.get(k.claimId) ?? k.claimId, 70)}
                </button>
                <div className="subtle">{k.reason}</div>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Not a conflict with “${excerpt(statementOf.get(k.claimId) ?? '', 40)}”`}
                  onClick={() => void A.markNotConflict(claim.id, k.claimId)}
                >
                  Not a conflict
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(detail.overTime.length > 0 || detail.outOfDate) && (
        <section className="inspector-relations" aria-label="Over time">
          <h3>Over time ({detail.overTime.length})</h3>
          {detail.outOfDate && <p className="flag flag-outdated">⌛ Possibly out of date: {detail.outOfDate}</p>}
          <ul className="plain-list">
            {detail.overTime.map((k) => (
              <li key={k.claimId}>
                <span className="subtle">{k.thisIsOlder ? 'later figure:' : 'earlier figure:'}</span>{' '}
                <button type="button" className="link-button" onClick={() => A.openClaim(k.claimId)}>
                  {excerpt(statementOf.get(k.claimId) ?? k.claimId, 70)}
                </button>
                <div className="subtle">{k.reason}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>Tags</h3>
      <TagEditor tags={claim.tags} onAdd={(raw) => void A.addClaimTags(claim.id, raw)} onRemove={(t) => void A.removeClaimTag(claim.id, t)} />

      <NoteEditor fieldKey={'claim-note:' + claim.id} note={claim.note} save={(note) => saveClaimField(claim.id, { note })} />

      <h3>Evidence ({detail.evidence.length})</h3>
      {detail.evidence.length === 0 && <p className="subtle">No evidence yet. Link quotes that support or contradict this claim.</p>}
      <ul className="evidence-list" aria-label="Evidence">
        {detail.evidence.map((e) => (
          <li key={e.quote.id} className={'evidence border-' + e.quote.color}>
            <button type="button" className="link-button evidence-quote" onClick={() => void A.openQuote(e.quote.id)}>
              “{excerpt(e.quote.exact, 140)}”
            </button>
            <div className="subtle">
              {e.sourceTitle}
              {awaitsReview(e.quote) && (
                <>
                  {' '}
                  <span className={'badge badge-' + anchorStatus(e.quote)}>{anchorStatus(e.quote)}</span>
                </>
              )}
            </div>
            <div className="evidence-controls">
              <select
                aria-label={`Relation of “${excerpt(e.quote.exact, 40)}”`}
                className={'relation-select rel-' + e.relation}
                value={e.relation}
                onChange={(ev) => void A.linkEvidence(claim.id, e.quote.id, ev.currentTarget.value as EvidenceRelation)}
              >
                {A.EVIDENCE_RELATION_LIST.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
              <button type="button" className="button small ghost" aria-label={`Unlink “${excerpt(e.quote.exact, 40)}”`} onClick={() => void A.unlinkEvidence(claim.id, e.quote.id)}>
                Unlink
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="button small" onClick={() => setPicking(true)}>
        Add evidence…
      </button>
      {picking && (
        <QuotePicker
          exclude={claim.evidence.map((e) => e.quoteId)}
          onPick={(quoteId, relation) => {
            setPicking(false);
            void A.linkEvidence(claim.id, quoteId, relation);
          }}
          onClose={() => setPicking(false)}
        />
      )}

      <h3>Linked claims</h3>
      {claim.links.length === 0 && <p className="subtle">No links to other claims.</p>}
      <ul className="plain-list" aria-label="Linked claims">
        {claim.links.map((l) => (
          <li key={l.claimId}>
            <span className={'relation rel-' + l.relation}>{l.relation}</span>{' '}
            <button type="button" className="link-button" onClick={() => A.openClaim(l.claimId)}>
              {excerpt(statementOf.get(l.claimId) ?? l.claimId, 70)}
            </button>{' '}
            <button type="button" className="button small ghost" aria-label={`Unlink claim ${excerpt(statementOf.get(l.claimId) ?? '', 30)}`} onClick={() => void A.unlinkClaims(claim.id, l.claimId)}>
              Unlink
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form
          className="link-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (linkTo) void A.linkClaims(claim.id, linkTo, linkRel);
            setLinkTo('');
          }}
        >
          <select aria-label="Link relation" value={linkRel} onChange={(e) => setLinkRel(e.currentTarget.value as ClaimRelation)}>
            {A.CLAIM_RELATION_LIST.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <select aria-label="Claim to link" value={linkTo} onChange={(e) => setLinkTo(e.currentTarget.value)}>
            <option value="">Choose a claim…</option>
            {others.map((c) => (
              <option key={c.claim.id} value={c.claim.id}>
                {excerpt(c.claim.statement, 90)}
              </option>
            ))}
          </select>
          <button type="submit" className="button small" disabled={!linkTo}>
            Link claim
          </button>
        </form>
      )}

      <h3>Cited by</h3>
      {detail.citedBy.length === 0 ? (
        <p className="subtle">No other claim links here.</p>
      ) : (
        <ul className="plain-list" aria-label="Cited by">
          {detail.citedBy.map((b) => (
            <li key={b.claimId}>
              <button type="button" className="link-button" onClick={() => A.openClaim(b.claimId)}>
                {excerpt(b.statement, 70)}
              </button>{' '}
              <span className={'relation rel-' + b.relation}>{b.relation}</span> this
            </li>
          ))}
        </ul>
      )}

      <div className="actions stack">
        <ConfirmDelete
          what="claim"
          detail="Its statement, figure, note and links to evidence and other claims go with it. The quotes stay. Undo (Ctrl+Z) brings it back."
          onDelete={() => void A.deleteClaim(claim.id)}
        />
      </div>
    </div>
  );
}

/** The claim's statement, saved as you type (an empty statement is refused at the field and not saved). */
function StatementField({ claimId, statement }: { claimId: string; statement: string }) {
  const auto = useAutosave('statement:' + claimId, statement, (v) => saveClaimField(claimId, { statement: v }));
  const id = useId();
  return (
    <div className="field" data-autosave="">
      <div className="field-head">
        <label htmlFor={id + 's'}>Statement</label>
        <SaveState status={auto.status} />
      </div>
      <textarea id={id + 's'} rows={3} {...auto.bind} aria-invalid={auto.problem ? true : undefined} aria-describedby={auto.problem ? id + 'e' : undefined} />
      <FieldError problem={auto.problem} id={id + 'e'} />
    </div>
  );
}

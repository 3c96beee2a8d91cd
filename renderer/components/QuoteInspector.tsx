/** Inspector contents for a quote: text, source, anchor status, color, tags, note and the claims using it. */
import type { Quote } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { anchorStatus, awaitsReview, claimsCiting, excerpt, quoteDeleteDetail } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { TagEditor } from './TagEditor.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { saveQuoteNote } from '../state/actions/autosave.ts';

export function QuoteInspector({ quote }: { quote: Quote }) {
  const sourceTitle = useStore((s) => s.index.source(quote.sourceId)?.title ?? 'Unknown source');
  const claims = useStore((s) => s.claims);
  const focus = useStore((s) => s.focusRequest);
  const usedBy = claimsCiting(claims, quote.id);
  return (
    <div className="inspector-body">
      <div className="inspector-kind">
        Quote <span className={'badge badge-' + anchorStatus(quote)}>{anchorStatus(quote)}</span>
      </div>
      {awaitsReview(quote) && (
        <div className="inspector-alert" role="note">
          ⚠ This quote lost its exact place when its source changed.{' '}
          <button type="button" className="link-button" onClick={() => A.setView('review')}>
            Review
          </button>
        </div>
      )}
      <blockquote className={'quote-text border-' + quote.color}>{quote.exact}</blockquote>
      <div className="subtle">
        from{' '}
        <button type="button" className="link-button source-link" onClick={() => void A.openQuote(quote.id)}>
          {sourceTitle}
        </button>
      </div>

      <h3>Color</h3>
      <div className="color-row" role="group" aria-label="Highlight color">
        {A.COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={'color-dot swatch-' + c + (quote.color === c ? ' current' : '')}
            aria-label={`Color ${c}`}
            aria-pressed={quote.color === c}
            onClick={() => quote.color !== c && void A.updateQuote(quote.id, { color: c }, 'change color')}
          />
        ))}
      </div>

      <h3>Tags</h3>
      <TagEditor
        tags={quote.tags}
        onAdd={(raw) => void A.addQuoteTags(quote.id, raw)}
        onRemove={(t) => void A.removeQuoteTag(quote.id, t)}
        focusSeq={focus?.field === 'tags' ? focus.seq : undefined}
      />

      <NoteEditor fieldKey={'note:' + quote.id} note={quote.note} save={(note) => saveQuoteNote(quote.id, note)} focusSeq={focus?.field === 'note' ? focus.seq : undefined} />

      <h3>Used by claims</h3>
      {usedBy.length === 0 ? (
        <p className="subtle">Not evidence for any claim yet.</p>
      ) : (
        <ul className="plain-list">
          {usedBy.map(({ claim, relation }) => (
            <li key={claim.claim.id}>
              <span className={'relation rel-' + relation}>{relation}</span>{' '}
              <button type="button" className="link-button" onClick={() => A.openClaim(claim.claim.id)}>
                {excerpt(claim.claim.statement, 80)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions stack">
        <button type="button" className="button" onClick={() => void A.claimFromQuote(quote.id)}>
          New claim from this quote
        </button>
        <ConfirmDelete what="quote" detail={quoteDeleteDetail(usedBy.length)} onDelete={() => void A.deleteQuote(quote.id)} />
      </div>
    </div>
  );
}

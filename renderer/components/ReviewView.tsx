/**
 * Review: quotes whose source changed under them and whose new place is
 * uncertain (fuzzy) or lost (orphaned). Each shows the old and the new text with
 * a word diff, and the researcher accepts the new text, re-selects it in the
 * Reader, or pins the quote to the version it was made on.
 */
import { useState } from 'react';
import type { QuoteContext, ReviewItem } from '../../shared/api/contract.ts';
import * as A from '../state/actions.ts';
import { excerpt } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

export function ReviewView() {
  const items = useStore((s) => s.review);
  return (
    <section className="view review" aria-labelledby="review-title">
      <header className="view-header">
        <div>
          <h1 id="review-title">Review</h1>
          <p className="subtle">{items.length === 0 ? 'Nothing to review' : `${items.length} quote${items.length === 1 ? '' : 's'} drifted when a source changed`}</p>
        </div>
      </header>
      {items.length === 0 ? (
        <div className="empty-state">
          <h2>All quotes are anchored</h2>
          <p>When you import a new version of a source, quotes whose words changed or disappeared are listed here for you to accept, re-select or pin.</p>
        </div>
      ) : (
        <ul className="review-list" aria-label="Quotes to review">
          {items.map((it) => (
            <ReviewCard key={it.quote.id} item={it} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const [context, setContext] = useState<QuoteContext | null>(null);
  const name = excerpt(item.oldText, 50);
  return (
    <li className={'review-card status-border-' + item.status} aria-label={`Review “${name}”`}>
      <div className="review-head">
        <span className={'badge badge-' + item.status}>{item.status}</span>
        {item.status === 'fuzzy' && <span className="subtle">match score {Math.round(item.score * 100)}%</span>}
        <span className="subtle review-source">{item.sourceTitle}</span>
      </div>
      <div className="review-texts">
        <div>
          <h3>Quoted text</h3>
          <p className="review-old">{item.oldText}</p>
        </div>
        <div>
          <h3>{item.newText === null ? 'New text' : 'New text (changes marked)'}</h3>
          {item.newText === null ? (
            <p className="subtle">Not found in the new version.</p>
          ) : (
            <p className="review-diff" role="figure" aria-label="Word changes">
              {item.diff.map((d, i) => (d.op === 'insert' ? <ins key={i}>{d.text}</ins> : d.op === 'delete' ? <del key={i}>{d.text}</del> : <span key={i}>{d.text}</span>))}
            </p>
          )}
        </div>
      </div>
      {context && (
        <figure className="review-context" aria-label="Original context">
          <p>
            …{context.before}
            <mark>{context.quote}</mark>
            {context.after}…
          </p>
          <figcaption className="subtle">From the version imported {context.versionImportedAt.slice(0, 10)}.</figcaption>
        </figure>
      )}
      <div className="actions">
        {item.status === 'fuzzy' && (
          <button type="button" className="button primary small" onClick={() => void A.reviewQuote(item.quote.id, 'accept')}>
            Accept
          </button>
        )}
        <button type="button" className="button small" onClick={() => void A.startReselect(item.quote.id)}>
          Re-select
        </button>
        <button type="button" className="button small" onClick={() => void A.reviewQuote(item.quote.id, 'pin')}>
          Pin to old version
        </button>
        <button
          type="button"
          className="button small ghost"
          aria-expanded={context !== null}
          onClick={() => (context ? setContext(null) : void A.quoteContext(item.quote.id, 'origin').then(setContext))}
        >
          {context ? 'Hide original context' : 'Show original context'}
        </button>
      </div>
    </li>
  );
}

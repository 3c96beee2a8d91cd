/**
 * The Reader: the source's header (title, details, anchor badges, a warning when
 * the file's encoding was guessed), the text with its highlights (ReaderText),
 * and beside it the annotations panel and the suggested figures. The header stays
 * put and each column scrolls on its own, so nothing slides under the header.
 *
 * Fuzzy and orphaned quotes cannot be painted (their offsets point into an older
 * version); the header's badges for them stand out and lead to Review. While a
 * quote is being re-selected, a banner says so and the toolbar offers "Use as new text".
 */
import type { Quote } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { anchorStatus, anchorSummary, awaitsReview, excerpt } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { AnnotationsPanel } from './AnnotationsPanel.tsx';
import { ReaderText } from './ReaderText.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

/** One empty list for every render without a source, so the selector's answer stays the same. */
const NO_QUOTES: readonly Quote[] = [];

/** What the Reader says about an encoding that was guessed rather than declared. */
export function encodingWarning(encoding: string): string | null {
  return encoding === 'windows-1252'
    ? 'This file was not UTF-8, so it was read as Windows-1252 (Western European). If letters look wrong, save the file as UTF-8 and use “Import new version…” in the Library.'
    : null;
}

export function ReaderView() {
  const source = useStore((s) => s.source);
  const reselect = useStore((s) => (s.reselect && s.source && s.reselect.sourceId === s.source.id ? s.reselect : null));
  const quotes = useStore((s) => (source ? s.index.quotesOf(source.id) : NO_QUOTES));

  if (!source) {
    return (
      <section className="view reader" aria-labelledby="reader-title">
        <header className="view-header">
          <h1 id="reader-title">Reader</h1>
        </header>
        <div className="empty-state">
          <h2>No source open</h2>
          <p>Open a source from the Library to read it, highlight passages and turn them into claims.</p>
          <button type="button" className="button primary" onClick={() => A.setView('library')}>
            Go to the Library
          </button>
        </div>
      </section>
    );
  }

  const meta = [source.authors.join(', '), source.publisher, source.published].filter(Boolean).join(' · ');
  const warning = encodingWarning(source.encoding);

  return (
    <section className="view reader" aria-labelledby="reader-title">
      <header className="view-header">
        <div>
          <h1 id="reader-title">{source.title}</h1>
          <p className="subtle">{meta || source.fileName || 'Imported text'}</p>
        </div>
        <div className="anchor-badges" role="group" aria-label="Anchor status">
          {anchorSummary(quotes).map(({ status, count }) => {
            // Pinned or otherwise decided quotes keep their status but no longer call for attention.
            const waiting = quotes.filter((q) => anchorStatus(q) === status && awaitsReview(q)).length;
            return waiting > 0 ? (
              <button key={status} type="button" className={'badge badge-' + status + ' badge-alert'} title="These quotes lost their place in the new version" onClick={() => A.setView('review')}>
                ⚠ {waiting} {status} · review
              </button>
            ) : (
              <span key={status} className={'badge badge-' + status}>
                {count} {status}
              </span>
            );
          })}
        </div>
      </header>
      {warning && (
        <p className="encoding-warning" role="note">
          ⚠ {warning}
        </p>
      )}
      {reselect && (
        <div className="reselect-banner" role="status">
          <span>
            Re-selecting: select the passage that now says “{excerpt(reselect.oldText, 80)}”, then choose <strong>Use as new text</strong>.
          </span>
          <button type="button" className="button small" onClick={A.cancelReselect}>
            Cancel re-select
          </button>
        </div>
      )}
      <div className="reader-body">
        <ReaderText source={source} quotes={quotes} reselecting={reselect !== null} />
        <div className="reader-side">
          <AnnotationsPanel sourceId={source.id} quotes={quotes} />
          <SuggestionsPanel sourceId={source.id} />
        </div>
      </div>
    </section>
  );
}

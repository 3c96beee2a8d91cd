/**
 * Search: the notebook's full-text search (sources, quotes, claims, notes and
 * tags) with the query language described in Help. Results show their type,
 * source and paragraph, and a snippet whose matches are `<mark>` elements built
 * as React nodes. A passage of a source can be turned into a quote: the
 * sentence around the hit, widened or narrowed a word at a time before saving.
 * Tags are shown as written ("energy/hash-rate"), not as the index's words.
 */
import { useEffect, useState } from 'react';
import { quoteFromHit, sourceTextOf } from '../state/actions/search.ts';
import { nudge, sentenceAround } from '../reader/passages.ts';
import type { Range } from '../reader/passages.ts';
import { excerpt } from '../state/derive.ts';
import type { SearchHit } from '../../shared/search/types.ts';
import { SEARCH_HELP } from '../../shared/search/query.ts';
import * as A from '../state/actions.ts';
import type { SearchOutcome } from '../state/actions.ts';
import { snippetParts } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

// Search as you type, but not on every keystroke of a fast typist.
const SEARCH_DELAY_MS = 150;

export function SearchView() {
  const query = useStore((s) => s.searchQuery);
  // New quotes and claims change the results: search again when they do.
  const quotes = useStore((s) => s.quotes);
  const claims = useStore((s) => s.claims);
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  const [showHelp, setShowHelp] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the search runs again when quotes or claims change: the triggers
  useEffect(() => {
    if (!query.trim()) {
      setOutcome(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => void A.search(query).then((o) => live && setOutcome(o)), SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, quotes, claims]);

  return (
    <section className="view search" aria-labelledby="search-title">
      <header className="view-header">
        <div className="grow">
          <h1 id="search-title">Search</h1>
          <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
            <input
              autoFocus
              type="search"
              aria-label="Search query"
              placeholder='Words, "a phrase", tag:energy, type:quote, >50%…'
              value={query}
              onChange={(e) => A.setSearchQuery(e.currentTarget.value)}
            />
            <button type="button" className="button small ghost" aria-expanded={showHelp} onClick={() => setShowHelp(!showHelp)}>
              Syntax
            </button>
          </form>
        </div>
      </header>
      {showHelp && (
        <pre className="search-help pad-x" role="figure" aria-label="Search syntax">
          {SEARCH_HELP}
        </pre>
      )}
      {outcome === null ? (
        <p className="subtle pad-x">Type to search your sources, quotes, claims, notes and tags.</p>
      ) : !outcome.ok ? (
        <p className="search-error pad-x" role="alert">
          {outcome.error}
        </p>
      ) : outcome.hits.length === 0 ? (
        <p className="subtle pad-x">Nothing matches.</p>
      ) : (
        <>
          <p className="subtle pad-x" role="status">
            {outcome.total === outcome.hits.length
              ? `${outcome.total} result${outcome.total === 1 ? '' : 's'}`
              : `First ${outcome.hits.length} of ${outcome.totalExact ? '' : 'at least '}${outcome.total} results`}
          </p>
          <ul className="search-results" aria-label="Search results">
            {outcome.hits.map((h) => (
              <SearchResult key={h.id} hit={h} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Snippet({ hit, lead }: { hit: SearchHit; lead?: number }) {
  return <span className="snippet">{snippetParts(hit.snippet, lead).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}

/** A tag hit's label: the tag's own name, which the index splits into words for matching. */
export function HitLabel({ hit, lead }: { hit: SearchHit; lead?: number }) {
  return hit.type === 'tag' ? <span className="snippet tag-name">{hit.refId}</span> : <Snippet hit={hit} lead={lead} />;
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const [quoting, setQuoting] = useState(false);
  return (
    <li className="search-result">
      <div className="search-meta">
        <span className={'kind kind-' + hit.type}>{hit.type === 'source' ? 'passage' : hit.type}</span>
        {hit.sourceTitle && <span className="subtle">{hit.sourceTitle}</span>}
        {hit.paragraph !== undefined && <span className="subtle">¶ {hit.paragraph}</span>}
        {hit.page !== undefined && (
          <span className="subtle">
            {hit.page.includes('–') ? 'pp.' : 'p.'} {hit.page}
          </span>
        )}
      </div>
      <button type="button" className="link-button search-snippet" onClick={() => void A.openHit(hit)}>
        <HitLabel hit={hit} />
      </button>
      {hit.type === 'source' && hit.match && (
        <div className="actions">
          <button type="button" className="button small" aria-expanded={quoting} onClick={() => setQuoting(true)}>
            Make quote
          </button>
        </div>
      )}
      {quoting && hit.match && <MakeQuote hit={hit} match={hit.match} onClose={() => setQuoting(false)} />}
    </li>
  );
}

/** How much text around the passage the chooser shows, each side. */
const CONTEXT = 160;

/** Choosing the passage to quote: the hit's sentence, with its ends moved a word at a time. */
function MakeQuote({ hit, match, onClose }: { hit: SearchHit; match: Range; onClose: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [range, setRange] = useState<Range | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    void sourceTextOf(hit.sourceId!).then((t) => {
      if (!live || t === null) return;
      setText(t);
      setRange(sentenceAround(t, match.start, match.end));
    });
    return () => {
      live = false;
    };
  }, [hit.sourceId, match.start, match.end]);
  if (text === null || range === null) return <p className="subtle">Finding the sentence…</p>;
  const move = (edge: 'start' | 'end', dir: -1 | 1) => setRange(nudge(text, range, edge, dir));
  const before = text.slice(Math.max(0, range.start - CONTEXT), range.start);
  const after = text.slice(range.end, range.end + CONTEXT);
  return (
    <div className="make-quote" role="group" aria-label="Passage to quote">
      <p className="make-quote-text">
        <span className="subtle">
          {range.start > CONTEXT ? '…' : ''}
          {before}
        </span>
        <mark className="make-quote-passage">{text.slice(range.start, range.end)}</mark>
        <span className="subtle">
          {after}
          {range.end + CONTEXT < text.length ? '…' : ''}
        </span>
      </p>
      <div className="make-quote-controls">
        {(['start', 'end'] as const).map((edge) => (
          <span key={edge} className="make-quote-edge">
            <span className="subtle">{edge === 'start' ? 'Start' : 'End'}</span>
            <button type="button" className="button small" aria-label={`${edge === 'start' ? 'Start' : 'End'} one word earlier`} onClick={() => move(edge, -1)}>
              ← word
            </button>
            <button type="button" className="button small" aria-label={`${edge === 'start' ? 'Start' : 'End'} one word later`} onClick={() => move(edge, 1)}>
              word →
            </button>
          </span>
        ))}
        <button type="button" className="button small ghost" onClick={() => setRange(sentenceAround(text, match.start, match.end))}>
          Whole sentence
        </button>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button small primary"
          disabled={saving}
          aria-label={`Save quote “${excerpt(text.slice(range.start, range.end), 40)}”`}
          onClick={() => {
            setSaving(true);
            void quoteFromHit(hit, range).then((ok) => (ok ? onClose() : setSaving(false)));
          }}
        >
          Save quote
        </button>
        <button type="button" className="button small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

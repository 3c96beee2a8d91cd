/**
 * Search: the notebook's full-text search (sources, quotes, claims, notes and
 * tags) with the query language described in Help. Results show their type,
 * source and paragraph, and a snippet whose matches are `<mark>` elements built
 * as React nodes. A passage of a source can be turned into a quote directly.
 */
import { useEffect, useState } from 'react';
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
        <pre className="search-help pad-x" aria-label="Search syntax">
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
            {outcome.total === outcome.hits.length ? `${outcome.total} result${outcome.total === 1 ? '' : 's'}` : `First ${outcome.hits.length} of ${outcome.totalExact ? '' : 'at least '}${outcome.total} results`}
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
  return (
    <span className="snippet">
      {snippetParts(hit.snippet, lead).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  return (
    <li className="search-result">
      <div className="search-meta">
        <span className={'kind kind-' + hit.type}>{hit.type === 'source' ? 'passage' : hit.type}</span>
        {hit.sourceTitle && <span className="subtle">{hit.sourceTitle}</span>}
        {hit.paragraph !== undefined && <span className="subtle">¶ {hit.paragraph}</span>}
      </div>
      <button type="button" className="link-button search-snippet" onClick={() => void A.openHit(hit)}>
        <Snippet hit={hit} />
      </button>
      {hit.type === 'source' && hit.match && (
        <div className="actions">
          <button type="button" className="button small" onClick={() => void A.quoteFromHit(hit)}>
            Make quote
          </button>
        </div>
      )}
    </li>
  );
}

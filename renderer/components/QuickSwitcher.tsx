/**
 * Ctrl/Cmd+K: type to jump to any source, quote, claim, note or tag. Typed
 * queries go to the notebook's search (the same language as the Search view);
 * with nothing typed yet it lists the loaded records so there is always
 * somewhere to go. The last option hands the query to the Search view.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { SearchHit } from '../../shared/search/types.ts';
import * as A from '../state/actions.ts';
import type { SearchOutcome } from '../state/actions.ts';
import { claimFlags, excerpt, switcherMatches } from '../state/derive.ts';
import type { SwitchTarget } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { Modal } from './Modal.tsx';
import { HitLabel } from './SearchView.tsx';

// Short: the switcher should feel instant, yet not query on every keystroke.
const SEARCH_DELAY_MS = 100;

type Row = { key: string; kind: string; label: ReactNode; detail: string; flags: string[]; open: () => void };

function openTarget(t: SwitchTarget): void {
  A.setSwitcherOpen(false);
  if (t.kind === 'source') void A.openSource(t.id);
  else if (t.kind === 'quote') void A.openQuote(t.id);
  else if (t.kind === 'claim') A.openClaim(t.id);
  else A.openTag(t.id);
}

export function QuickSwitcher() {
  const sources = useStore((s) => s.sources);
  const quotes = useStore((s) => s.quotes);
  const claims = useStore((s) => s.claims);
  const tags = useStore((s) => s.tags);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [outcome, setOutcome] = useState<{ query: string; result: SearchOutcome } | null>(null);

  useEffect(() => {
    if (!query.trim()) return;
    let live = true;
    const t = setTimeout(() => void A.search(query, 30).then((result) => live && setOutcome({ query, result })), SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  const flagsOf = new Map<string, string[]>(claims.map((c) => [c.claim.id, claimFlags(c)]));
  const hitRow = (h: SearchHit): Row => ({
    key: h.id,
    kind: h.type === 'source' ? 'passage' : h.type,
    label: <HitLabel hit={h} lead={24} />,
    detail: h.sourceTitle ?? '',
    flags: h.type === 'claim' ? (flagsOf.get(h.refId) ?? []) : [],
    open: () => {
      A.setSwitcherOpen(false);
      void A.openHit(h);
    },
  });
  const typed = query.trim() !== '';
  const current = typed && outcome?.query === query ? outcome.result : null;
  const rows: Row[] = !typed
    ? switcherMatches({ sources, quotes, claims, tags }, '').map((t) => ({
        key: t.kind + t.id,
        kind: t.kind,
        label: excerpt(t.label, 90),
        detail: t.detail,
        flags: t.kind === 'claim' ? (t.flags ?? []) : [],
        open: () => openTarget(t),
      }))
    : current?.ok
      ? current.hits.map(hitRow)
      : [];
  if (typed) rows.push({ key: 'all', kind: 'search', label: `Show all results for “${excerpt(query, 40)}”`, detail: '', flags: [], open: () => A.openSearch(query) });
  const at = Math.min(active, Math.max(0, rows.length - 1));

  return (
    <Modal label="Quick switcher" onClose={() => A.setSwitcherOpen(false)} className="switcher">
      <input
        autoFocus
        className="switcher-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="switcher-results"
        aria-activedescendant={rows[at] ? `sw-${at}` : undefined}
        aria-label="Search sources, quotes, claims and tags"
        placeholder="Search or jump to a source, quote, claim or tag…"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(at + 1, rows.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(at - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            rows[at]?.open();
          }
        }}
      />
      {current && !current.ok && (
        <p className="search-error pad" role="alert">
          {current.error}
        </p>
      )}
      <ul id="switcher-results" role="listbox" aria-label="Results" className="switcher-results">
        {typed && current?.ok && current.hits.length === 0 && <li className="subtle pad">Nothing matches.</li>}
        {rows.map((r, i) => (
          <li key={r.key} id={`sw-${i}`} role="option" aria-selected={i === at} className={i === at ? 'active' : undefined} onMouseEnter={() => setActive(i)} onClick={r.open}>
            <span className={'kind kind-' + r.kind}>{r.kind}</span>
            <span className="switch-label">{r.label}</span>
            {r.flags.map((f) => (
              <span key={f} className={'flag ' + (f === 'needs review' ? 'flag-review' : 'flag-conflict')}>
                {f}
              </span>
            ))}
            {r.detail && <span className="subtle switch-detail">{excerpt(r.detail, 40)}</span>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

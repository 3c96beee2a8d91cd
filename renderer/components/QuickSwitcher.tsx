/** Ctrl/Cmd+K: type to jump to any source, quote, claim or tag (filtered over the loaded data). */
import { useState } from 'react';
import * as A from '../state/actions.ts';
import { excerpt, switcherMatches } from '../state/derive.ts';
import type { SwitchTarget } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { Modal } from './Modal.tsx';

function open(t: SwitchTarget): void {
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
  const results = switcherMatches({ sources, quotes, claims, tags }, query);
  const current = Math.min(active, Math.max(0, results.length - 1));
  return (
    <Modal label="Quick switcher" onClose={() => A.setSwitcherOpen(false)} className="switcher">
      <input
        autoFocus
        className="switcher-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="switcher-results"
        aria-activedescendant={results[current] ? `sw-${current}` : undefined}
        aria-label="Search sources, quotes, claims and tags"
        placeholder="Jump to a source, quote, claim or tag…"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(current + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const t = results[current];
            if (t) open(t);
          }
        }}
      />
      <ul id="switcher-results" role="listbox" aria-label="Results" className="switcher-results">
        {results.length === 0 && <li className="subtle pad">Nothing matches.</li>}
        {results.map((t, i) => (
          <li
            key={t.kind + t.id}
            id={`sw-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(t)}
          >
            <span className={'kind kind-' + t.kind}>{t.kind}</span>
            <span className="switch-label">{excerpt(t.label, 90)}</span>
            {t.detail && <span className="subtle switch-detail">{excerpt(t.detail, 40)}</span>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** The left navigation: views, quick switcher, undo/redo and the theme toggle. */
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';
import type { View } from '../state/store.ts';
import { Icon } from './Icon.tsx';
import type { IconName } from './Icon.tsx';

const ITEMS: { view: View; label: string; icon: IconName; key: string }[] = [
  { view: 'library', label: 'Library', icon: 'library', key: '1' },
  { view: 'reader', label: 'Reader', icon: 'reader', key: '2' },
  { view: 'claims', label: 'Claims', icon: 'claims', key: '3' },
  { view: 'tags', label: 'Tags', icon: 'tags', key: '4' },
  { view: 'search', label: 'Search', icon: 'search', key: '5' },
  { view: 'review', label: 'Review', icon: 'review', key: '6' },
  { view: 'briefing', label: 'Briefing', icon: 'briefing', key: '7' },
  { view: 'help', label: 'Help', icon: 'help', key: '8' },
];

export function Nav() {
  const view = useStore((s) => s.view);
  const undo = useStore((s) => s.undo);
  const dark = useStore((s) => (s.themePref === 'system' ? s.systemDark : s.themePref === 'dark'));
  const sources = useStore((s) => s.sources.length);
  const claims = useStore((s) => s.claims.length);
  const tags = useStore((s) => s.tags.length);
  const review = useStore((s) => s.review.length);
  const badge: Partial<Record<View, number>> = { library: sources, claims, tags, review };
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        Research Notebook
      </div>
      <button type="button" className="search-button" onClick={() => A.setSwitcherOpen(true)} title="Jump to… (Ctrl+K), the quick switcher">
        <Icon name="search" />
        <span>Jump to…</span>
        <kbd>Ctrl K</kbd>
      </button>
      <ul className="nav-list">
        {ITEMS.map((it) => (
          <li key={it.view}>
            <button
              type="button"
              className={'nav-item' + (view === it.view ? ' active' : '')}
              aria-current={view === it.view ? 'page' : undefined}
              onClick={() => A.setView(it.view)}
              title={`${it.label} (Ctrl+${it.key})`}
            >
              <Icon name={it.icon} />
              <span className="nav-label">{it.label}</span>
              {badge[it.view] ? (
                <span className={'nav-count' + (it.view === 'review' ? ' alert' : '')} aria-hidden={it.view === 'review' ? undefined : 'true'}>
                  {it.view === 'review' ? (
                    <>
                      <span aria-hidden="true">{badge[it.view]}</span>
                      <span className="visually-hidden">{badge[it.view]} to review</span>
                    </>
                  ) : (
                    badge[it.view]
                  )}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="nav-footer">
        <div className="undo-row">
          <button
            type="button"
            className="icon-button"
            aria-label="Undo"
            title={undo.undoLabel ? `Undo ${undo.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            disabled={!undo.canUndo}
            onClick={() => void A.undo()}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Redo"
            title={undo.redoLabel ? `Redo ${undo.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            disabled={!undo.canRedo}
            onClick={() => void A.redo()}
          >
            <Icon name="redo" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
            title={dark ? 'Switch to light theme' : 'Switch to dark theme'}
            onClick={A.toggleTheme}
          >
            <Icon name={dark ? 'sun' : 'moon'} />
          </button>
        </div>
      </div>
    </nav>
  );
}

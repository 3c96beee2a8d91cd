/**
 * The window: left navigation, the current view in the middle, the inspector on
 * the right, plus the overlays (quick switcher, paste dialog, toasts, drop
 * target). Global keyboard shortcuts are wired here and documented in Help, and
 * so is the warning before the window closes with typing not yet saved.
 */
import { useEffect } from 'react';
import { onBeforeUnload, onKeyDown } from '../api/client.ts';
import { hasUnsaved } from '../state/actions/autosave.ts';
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';
import { BriefingView } from './BriefingView.tsx';
import { ClaimsView } from './ClaimsView.tsx';
import { HelpView } from './HelpView.tsx';
import { Inspector } from './Inspector.tsx';
import { LibraryView } from './LibraryView.tsx';
import { Nav } from './Nav.tsx';
import { PasteDialog } from './PasteDialog.tsx';
import { QuickSwitcher } from './QuickSwitcher.tsx';
import { ReaderView } from './ReaderView.tsx';
import { RecoveryNotice } from './RecoveryNotice.tsx';
import { ReviewView } from './ReviewView.tsx';
import { SearchView } from './SearchView.tsx';
import { TagsView } from './TagsView.tsx';
import { Toasts } from './Toasts.tsx';
import { WelcomeView } from './WelcomeView.tsx';

const VIEW_KEYS = ['library', 'reader', 'claims', 'tags', 'search', 'review', 'briefing', 'help'] as const;

function isTextField(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export function App() {
  const view = useStore((s) => s.view);
  const dropActive = useStore((s) => s.dropActive);
  const switcherOpen = useStore((s) => s.switcherOpen);
  const pasteOpen = useStore((s) => s.pasteOpen);
  const welcome = useStore((s) => s.welcome);
  const collapsed = useStore((s) => s.inspectorCollapsed);

  // Typing not saved yet (autosave waits for a pause): warn before the window closes or reloads.
  useEffect(() => onBeforeUnload(hasUnsaved), []);

  useEffect(
    () =>
      onKeyDown((e) => {
        const mod = e.ctrlKey || e.metaKey;
        if (!mod) return;
        const key = e.key.toLowerCase();
        if (key === 'k') {
          e.preventDefault();
          A.setSwitcherOpen(true);
        } else if (key === 'z' && !isTextField(e.target)) {
          e.preventDefault();
          void (e.shiftKey ? A.redo() : A.undo());
        } else if (key === 'y' && !isTextField(e.target)) {
          e.preventDefault();
          void A.redo();
        } else if (key === 'o') {
          e.preventDefault();
          A.requestImport();
        } else if (e.shiftKey && key === 'v' && !isTextField(e.target)) {
          e.preventDefault();
          A.setPasteOpen(true);
        } else if (/^[1-8]$/.test(e.key)) {
          e.preventDefault();
          A.setView(VIEW_KEYS[Number(e.key) - 1] ?? 'library');
        }
      }),
    [],
  );

  if (welcome) {
    return (
      <>
        <WelcomeView />
        <Toasts />
      </>
    );
  }

  return (
    <div className={'app' + (collapsed ? ' inspector-folded' : '')}>
      <Nav />
      <main className="main" aria-label={`${view[0]?.toUpperCase()}${view.slice(1)}`}>
        <RecoveryNotice />
        {view === 'library' && <LibraryView />}
        {view === 'reader' && <ReaderView />}
        {view === 'claims' && <ClaimsView />}
        {view === 'tags' && <TagsView />}
        {view === 'search' && <SearchView />}
        {view === 'review' && <ReviewView />}
        {view === 'briefing' && <BriefingView />}
        {view === 'help' && <HelpView />}
      </main>
      <Inspector />
      <Toasts />
      {switcherOpen && <QuickSwitcher />}
      {pasteOpen && <PasteDialog />}
      {dropActive && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">Drop files to import them</div>
        </div>
      )}
    </div>
  );
}

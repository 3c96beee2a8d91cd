/**
 * The renderer's single store: one immutable state object, replaced on every
 * change, read by components through `useStore(selector)` (React's
 * useSyncExternalStore). Hand-written because no store library is installed and
 * this needs thirty lines.
 */
import { useSyncExternalStore } from 'react';
import type { ClaimDetail, ConflictItem, ReviewItem, SourceSummary, TagSummary } from '../../shared/api/contract.ts';
import type { Quote, Source } from '../../shared/model/records.ts';
import type { UndoState } from './undo.ts';
import type { NotebookIndex } from './local-notebook.ts';
import type { TrashItem } from '../../shared/model/trash.ts';

export type View = 'library' | 'reader' | 'claims' | 'tags' | 'search' | 'review' | 'briefing' | 'help';
export type Selected = { kind: 'quote'; id: string } | { kind: 'claim'; id: string } | null;
export type ThemePref = 'light' | 'dark' | 'system';

export interface Progress {
  label: string;
  done: number;
  total: number;
  /** No measure of how far it is (a request the server is working on): the bar moves without a value. */
  indeterminate?: boolean;
  /** Stops what has not been done yet; absent when it cannot be stopped. */
  cancel?: () => void;
}

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface AppState {
  view: View;
  loaded: boolean;
  sources: SourceSummary[];
  quotes: Quote[];
  claims: ClaimDetail[];
  tags: TagSummary[];
  /** Records by id, for selectors (a search of the lists would run on every store change). */
  index: NotebookIndex;
  /** Fuzzy and orphaned anchors waiting for the researcher (the Review view). */
  review: ReviewItem[];
  /** Deleted sources waiting in the Trash, newest first. */
  trash: TrashItem[];
  /** Claim pairs whose figures cannot both hold. */
  conflicts: ConflictItem[];
  /** Claim pairs whose figures differ because time passed: changes over time, figures a newer source supersedes. */
  figureChanges: ConflictItem[];
  /** First run: the notebook is empty and the welcome screen has not been dismissed. */
  welcome: boolean;
  /** Re-selecting a drifted quote: the Reader's selection then replaces that quote's anchor. */
  reselect: { quoteId: string; sourceId: string; oldText: string } | null;
  /** The source open in the reader, with its text. */
  /** The open source; `textLength` above `text.length` while the rest of a long text is on its way (actions/navigation.ts). */
  source: (Source & { textLength?: number }) | null;
  selected: Selected;
  undo: UndoState;
  progress: Progress | null;
  toasts: Toast[];
  themePref: ThemePref;
  systemDark: boolean;
  switcherOpen: boolean;
  pasteOpen: boolean;
  /** Bumped to ask the Library to open its file picker (menu command or shortcut). */
  importRequest: number;
  /** Asks the inspector to focus a field (after "Tag" or "Add note" in the reader); seq makes each request distinct. */
  focusRequest: { field: 'tags' | 'note'; seq: number } | null;
  dropActive: boolean;
  /** The Search view's query (the quick switcher hands its query over with "Show all results"). */
  searchQuery: string;
  /** The tag whose quotes and claims the Tags view lists. */
  tagFocus: string | null;
  // ---- the reading surface (issue 14): set by navigation actions, read by the Reader and the window ----
  /** A jump to show: the Reader scrolls this range of the open source to the middle of its pane and flashes it; seq makes each jump distinct. */
  jump: { sourceId: string; start: number; end: number; seq: number } | null;
  /** The inspector folded to a narrow strip (remembered across reloads by navigation.ts). */
  inspectorCollapsed: boolean;
}

export const initialState: AppState = {
  view: 'library',
  loaded: false,
  sources: [],
  quotes: [],
  claims: [],
  tags: [],
  index: { source: () => undefined, quote: () => undefined, quotesOf: () => [], claim: () => undefined },
  review: [],
  trash: [],
  conflicts: [],
  figureChanges: [],
  welcome: false,
  reselect: null,
  source: null,
  selected: null,
  undo: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  progress: null,
  toasts: [],
  themePref: 'system',
  systemDark: false,
  switcherOpen: false,
  pasteOpen: false,
  importRequest: 0,
  focusRequest: null,
  dropActive: false,
  tagFocus: null,
  searchQuery: '',
  jump: null,
  inspectorCollapsed: false,
};

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const store = createStore<AppState>(initialState);

/** Subscribes a component to a slice of the state; the selector must return a stable value for unchanged state. */
export function useStore<T>(selector: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}

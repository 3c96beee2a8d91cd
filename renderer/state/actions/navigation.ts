/**
 * Navigation and UI state: which view is showing, what is selected, opening
 * sources, quotes, claims and tags, the dialogs, and the light/dark theme.
 */
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import type { Selected, ThemePref, View } from '../store.ts';
import { paintable } from '../derive.ts';
import { guard, must } from './common.ts';
import type { Source } from '../../../shared/model/records.ts';

export function setView(view: View): void {
  store.set({ view });
}

export function select(sel: Selected): void {
  store.set({ selected: sel });
}

/**
 * Characters of a text fetched before the Reader first paints it: a few screens and
 * far more than the first window shows, about 0.3 MB of JSON (fetched and parsed in
 * ~10 ms), where an 8 MB source's whole text took 330 ms before anything showed. The
 * rest is fetched straight after, while the beginning is already being read.
 */
const FIRST_CHARS = 150_000;

export async function openSource(id: string, focusQuote?: string): Promise<void> {
  await guard(async () => {
    const cur = store.get().source;
    const source = cur && cur.id === id ? cur : await must('getSource', { id, textChars: FIRST_CHARS });
    store.set({ source, view: 'reader', selected: focusQuote ? { kind: 'quote', id: focusQuote } : store.get().selected });
    if (source !== cur && source.textLength !== undefined && source.text.length < source.textLength) await fetchRest(source);
  });
}

/** Completes the open source's text, unless the Reader has moved on (another source, or a new version) meanwhile. */
async function fetchRest(first: Source & { textLength?: number }): Promise<void> {
  // Refused only when a new version arrived meanwhile, and then sync.ts fetches that version whole.
  const rest = await client.call('getSourceText', { id: first.id, sha256: first.sha256, from: first.text.length });
  const now = store.get().source;
  if (rest.ok && now?.id === first.id && now.sha256 === first.sha256 && now.text === first.text) store.set({ source: { ...now, text: first.text + rest.value.text } });
}

/**
 * Jumps to a quote: opens its source in the reader, selects it, and asks the
 * Reader to bring it to the middle of the pane and flash it (a fuzzy or orphaned
 * quote has no place in the current text, so it is only selected).
 */
export async function openQuote(id: string): Promise<void> {
  const q = store.get().index.quote(id);
  if (!q) return;
  await openSource(q.sourceId, id);
  if (paintable(q)) showInReader(q.sourceId, q.selectors[0]);
}

/** Opens a source at a passage (a search hit), centred and flashed. */
export async function openPassage(sourceId: string, range: { start: number; end: number }): Promise<void> {
  await openSource(sourceId);
  if (store.get().source?.id === sourceId) showInReader(sourceId, range);
}

/** Asks the Reader to centre and flash a range of the open source. */
export function showInReader(sourceId: string, range: { start: number; end: number }): void {
  store.set((s) => ({ jump: { sourceId, start: range.start, end: range.end, seq: (s.jump?.seq ?? 0) + 1 } }));
}

/** Folds the inspector to a strip or opens it again; remembered across reloads. */
export function setInspectorCollapsed(inspectorCollapsed: boolean): void {
  store.set({ inspectorCollapsed });
  client.saveInspectorCollapsed(inspectorCollapsed);
}

export function openClaim(id: string): void {
  store.set({ view: 'claims', selected: { kind: 'claim', id } });
}

export function openTag(name: string): void {
  store.set({ view: 'tags', tagFocus: name });
}

export function focusTag(name: string | null): void {
  store.set({ tagFocus: name });
}

export function setSwitcherOpen(open: boolean): void {
  store.set({ switcherOpen: open });
}

export function setPasteOpen(open: boolean): void {
  store.set({ pasteOpen: open });
}

export function requestImport(): void {
  store.set((s) => ({ view: 'library', importRequest: s.importRequest + 1 }));
}

export function setThemePref(themePref: ThemePref): void {
  store.set({ themePref });
  client.saveThemePreference(themePref);
  applyTheme();
}

/**
 * The button flips between light and dark. Until it is first pressed the theme
 * follows prefers-color-scheme; "Follow system theme" in Help returns to that.
 */
export function toggleTheme(): void {
  setThemePref(effectiveTheme() === 'dark' ? 'light' : 'dark');
}

export function effectiveTheme(): 'light' | 'dark' {
  const s = store.get();
  return s.themePref === 'system' ? (s.systemDark ? 'dark' : 'light') : s.themePref;
}

export function applyTheme(): void {
  client.applyTheme(effectiveTheme());
}

/**
 * Navigation and UI state: which view is showing, what is selected, opening
 * sources, quotes, claims and tags, the dialogs, and the light/dark theme.
 */
import * as client from '../../api/client.ts';
import { store } from '../store.ts';
import type { Selected, ThemePref, View } from '../store.ts';
import { guard, must } from './common.ts';

export function setView(view: View): void {
  store.set({ view });
}

export function select(sel: Selected): void {
  store.set({ selected: sel });
}

export async function openSource(id: string, focusQuote?: string): Promise<void> {
  await guard(async () => {
    const cur = store.get().source;
    const source = cur && cur.id === id ? cur : await must('getSource', { id });
    store.set({ source, view: 'reader', selected: focusQuote ? { kind: 'quote', id: focusQuote } : store.get().selected });
  });
}

/** Jumps to a quote: opens its source in the reader and selects it. */
export async function openQuote(id: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  if (q) await openSource(q.sourceId, id);
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

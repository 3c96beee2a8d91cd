/**
 * Start-up: theme, menu, file-drop and place-saving listeners, following the
 * notebook's pushed changes and its first snapshot, and reopening the view and
 * source the user left off at.
 */
import * as client from '../../api/client.ts';
import type { MenuAction } from '../../api/client.ts';
import { store } from '../store.ts';
import type { View } from '../store.ts';
import { guard, must, refresh } from './common.ts';
import { reload, startSync } from '../sync.ts';
import { needsWelcome } from './first-run.ts';
import { importFiles } from './import.ts';
import { applyTheme, openSource, setView } from './navigation.ts';

let stopListeners: (() => void)[] = [];

export async function init(): Promise<void> {
  const pref = client.loadThemePreference();
  const scheme = client.watchColorScheme((dark) => {
    store.set({ systemDark: dark });
    applyTheme();
  });
  store.set({ themePref: pref, systemDark: scheme.dark });
  applyTheme();
  stopListeners.forEach((f) => f());
  stopListeners = [scheme.stop, client.onMenu(handleMenu), client.onFileDrop({ over: (active) => store.set({ dropActive: active }), drop: (files) => void importFiles(files) })];
  // Follow pushed changes first, then load the snapshot, so no write in between is missed.
  const sync = startSync();
  stopListeners.push(sync.stop);
  await sync.opened;
  await guard(reload);
  const info = await guard(() => must('getInfo', {}));
  store.set({ loaded: true, welcome: !!info && needsWelcome(info), inspectorCollapsed: client.loadInspectorCollapsed() });
  await restorePlace();
  let last = '';
  stopListeners.push(
    store.subscribe(() => {
      const st = store.get();
      const place = { view: st.view, sourceId: st.source?.id ?? null };
      const key = JSON.stringify(place);
      if (key !== last) client.savePlace(place);
      last = key;
    }),
  );
}

const VIEWS: readonly View[] = ['library', 'reader', 'claims', 'tags', 'search', 'review', 'briefing', 'help'];

async function restorePlace(): Promise<void> {
  const place = client.loadPlace();
  if (!place) return;
  const view = VIEWS.find((v) => v === place.view) ?? 'library';
  if (place.sourceId && store.get().sources.some((s) => s.id === place.sourceId)) {
    await openSource(place.sourceId);
  }
  store.set({ view });
}

export function handleMenu(action: MenuAction): void {
  if (action === 'export-briefing') setView('briefing');
  else if (action === 'sources-changed') void guard(refresh);
}

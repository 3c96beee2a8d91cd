/**
 * Keeps the store in step with the notebook: one snapshot at start (or after a
 * gap), then the host's pushed changes applied to the page's own copy
 * (local-notebook.ts), whose lists the store then shows. An edit is one request:
 * its answer says which revision it brought the notebook to, and the action
 * waits until the pushed changes up to that revision are applied — so when an
 * action returns, the page already shows its effect, and edits made elsewhere
 * (another window, a CLI script sent to the host) appear without asking.
 */
import type { NotebookEvent } from '../../shared/api/events.ts';
import type { SourceMeta } from '../../shared/model/records.ts';
import * as client from '../api/client.ts';
import { LocalNotebook } from './local-notebook.ts';
import { store } from './store.ts';
import type { Selected } from './store.ts';
import { undoStateOf } from './undo.ts';

/**
 * How long an action waits for the pushed changes of its own write before it
 * loads a snapshot instead. Pushed changes arrive within milliseconds; this only
 * covers a stream that dropped and has not reconnected yet.
 */
const CATCH_UP_MS = 3000;

const local = new LocalNotebook();
let loaded = false;
/** Events that arrived before the first snapshot, applied after it. */
let early: NotebookEvent[] = [];
/** The highest revision any answer has reported: what the page must catch up to. */
let latest = -1;
let waiters: { rev: number; resolve: () => void }[] = [];
let loading: Promise<void> | null = null;

/** Starts following pushed changes; resolves once the stream is open (or after a short wait), returns the stop function. */
export function startSync(): { opened: Promise<void>; stop: () => void } {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
    setTimeout(resolve, 2000);
  });
  const stop = client.onNotebookEvent(
    onEvent,
    () => (loaded ? local.rev : null),
    () => open(),
  );
  return { opened, stop };
}

function onEvent(e: NotebookEvent): void {
  if (!loaded) {
    early.push(e);
    return;
  }
  const outcome = local.apply(e);
  if (outcome === 'gap') void reload().catch(() => {});
  else if (outcome === 'applied') show();
}

/** Remembers the revision an answer reported, so `caughtUp` knows what to wait for. */
export function sawRevision(rev: number | null): void {
  if (rev !== null && rev > latest) latest = rev;
}

/** Loads a fresh snapshot of the whole notebook (start-up, or after missed events). */
export function reload(): Promise<void> {
  return (loading ??= (async () => {
    try {
      const r = await client.call('getSnapshot', {});
      if (!r.ok) throw new Error(r.error.message);
      local.load(r.value);
      sawRevision(r.value.rev);
      loaded = true;
      const pending = early;
      early = [];
      for (const e of pending) local.apply(e);
      show();
    } finally {
      loading = null;
    }
  })());
}

/** Resolves once the page shows every write answered so far; loads a snapshot if pushed changes do not come. */
export async function caughtUp(): Promise<void> {
  if (!loaded) return reload();
  const rev = latest;
  if (local.rev >= rev) return;
  const arrived = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CATCH_UP_MS);
    waiters.push({ rev, resolve: () => (clearTimeout(timer), resolve(true)) });
  });
  if (!arrived) await reload();
}

/** Shows the local copy's lists in the store and wakes the actions waiting for the revision it reached. */
function show(): void {
  const { history, ...lists } = local.lists;
  const cur = store.get().source;
  const meta = cur ? local.view.getSource(cur.id as never) : undefined;
  store.set({ ...lists, index: local.index(), loaded: true, undo: undoStateOf(history), source: cur && meta ? openSource(cur, meta) : null });
  const sel = store.get().selected;
  if (sel && !exists(sel)) store.set({ selected: null });
  // The open source has a new version: its text changed, fetch it again.
  if (cur && meta && meta.sha256 !== cur.sha256) {
    void client.call('getSource', { id: cur.id as never }).then((r) => {
      if (r.ok && store.get().source?.id === cur.id) store.set({ source: r.value });
    });
  }
  const ready = waiters.filter((w) => w.rev <= local.rev);
  waiters = waiters.filter((w) => w.rev > local.rev);
  for (const w of ready) w.resolve();
}

/** The open source with its details as they now are; the same object while they are unchanged, so the Reader does not redraw. */
function openSource<T extends SourceMeta>(cur: T, meta: SourceMeta): T {
  if (meta.sha256 !== cur.sha256) return cur;
  const same = (Object.keys(meta) as (keyof SourceMeta)[]).every((k) => cur[k] === meta[k]);
  return same ? cur : { ...cur, ...meta };
}

function exists(sel: NonNullable<Selected>): boolean {
  return sel.kind === 'quote' ? local.view.getQuote(sel.id as never) !== undefined : local.view.getClaim(sel.id as never) !== undefined;
}

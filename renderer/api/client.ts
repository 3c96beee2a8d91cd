/**
 * The renderer's one door to the outside world and the ONLY module that reads
 * `window.*` globals. In Electron the preload exposes `window.notebook` (one
 * function per API method, over IPC); in browser mode we talk to the local
 * server with `POST /api/<method>` and the per-launch token, which arrives in
 * `location.hash`, is kept in sessionStorage (so a reload still works) and is
 * removed from the address bar at once so it does not linger in history or
 * screenshots.
 *
 * The HTTP bridge is a Proxy rather than a list of methods: it follows whatever
 * the contract grows to without the renderer having to import the zod schemas.
 */
import type { ApiArgs, ApiMethod, ApiResults, NotebookApi } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';

import { isMenuAction } from '../../shared/api/menu.ts';
import type { MenuAction } from '../../shared/api/menu.ts';
export type { MenuAction };

interface NotebookAppBridge {
  onMenu?: (listener: (action: string) => void) => (() => void) | undefined;
  /** Pushed notebook changes from the main process (electron/preload). */
  onEvent?: (listener: (event: NotebookEvent) => void) => (() => void) | undefined;
}

declare global {
  interface Window {
    notebook?: NotebookApi;
    notebookApp?: NotebookAppBridge;
  }
}

const TOKEN_KEY = 'notebook.token';

function takeToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, m[1]);
    } catch {
      // sessionStorage can be disabled; the token then lives only in memory for this page.
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** A result with the revision the call left the notebook at (null when the host did not say). */
type Answer = Result<unknown> & { rev?: number };

let token: string | null | undefined;
function theToken(): string | null {
  if (token === undefined) token = takeToken();
  return token;
}

function httpBridge(): NotebookApi {
  const token = theToken();
  const call = async (method: string, args: unknown): Promise<Answer> => {
    if (!token) return { ok: false, error: { code: 'internal', message: 'No access token: open the address printed by `notebook serve`.' } };
    let res: Response;
    try {
      res = await fetch(`api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: { code: 'io', message: 'The notebook server is not reachable (was it stopped?).' } };
    }
    if (res.status === 403) return { ok: false, error: { code: 'internal', message: 'Access denied: the token is missing or outdated. Reopen the address printed by `notebook serve`.' } };
    if (!res.ok) return { ok: false, error: { code: 'internal', message: `The server answered ${res.status} for ${method}.` } };
    const answer = (await res.json()) as Answer;
    const rev = Number(res.headers.get('x-notebook-revision'));
    return Number.isInteger(rev) && res.headers.has('x-notebook-revision') ? Object.assign(answer, { rev }) : answer;
  };
  return new Proxy({} as NotebookApi, {
    get: (_t, method) => (typeof method === 'string' ? (args: unknown) => call(method, args) : undefined),
  });
}

let cached: NotebookApi | null = null;

/** The API for this page: IPC in Electron, HTTP in browser mode. */
export function api(): NotebookApi {
  if (!cached) cached = window.notebook ?? httpBridge();
  return cached;
}

/** Calls one method; `call('listSources', {})` is typed from the contract. */
export function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<ApiResults[M]>> {
  return (api()[method] as unknown as (a: ApiArgs<M>) => Promise<Result<ApiResults[M]>>)(args);
}

/** Calls one method and says which revision of the notebook the call left it at (null if unknown). */
export async function callAt<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<{ result: Result<ApiResults[M]>; rev: number | null }> {
  const result = (await call(method, args)) as Result<ApiResults[M]> & { rev?: unknown };
  const rev = typeof result.rev === 'number' ? result.rev : null;
  if ('rev' in result) delete result.rev;
  return { result, rev };
}

/** How long to wait before reconnecting a dropped event stream, doubling up to the last. */
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

/**
 * Follows the notebook's pushed changes (shared/api/events.ts). In Electron they
 * come over IPC; in browser mode from `GET /events`, read with fetch (EventSource
 * cannot send the token header) and parsed as server-sent events. A dropped
 * stream reconnects, saying the last revision applied (`since()`), so the server
 * sends what was missed or tells the page to reset. `onOpen` runs each time the
 * stream is (re)connected.
 */
export function onNotebookEvent(listener: (e: NotebookEvent) => void, since: () => number | null, onOpen: () => void = () => {}): () => void {
  const bridge = window.notebookApp?.onEvent;
  if (window.notebook && bridge) {
    const off = bridge(listener);
    onOpen();
    return typeof off === 'function' ? off : () => {};
  }
  let stopped = false;
  let controller: AbortController | null = null;
  let attempt = 0;
  const connect = async (): Promise<void> => {
    const t = theToken();
    if (!t || stopped) return;
    controller = new AbortController();
    try {
      const rev = since();
      const headers: Record<string, string> = { 'X-Notebook-Token': t };
      if (rev !== null) headers['X-Notebook-Since'] = String(rev);
      const res = await fetch('events', { headers, credentials: 'same-origin', signal: controller.signal, cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
      attempt = 0;
      onOpen();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) listener(JSON.parse(data) as NotebookEvent);
        }
      }
    } catch {
      // Dropped or refused: try again below.
    }
    if (stopped) return;
    const wait = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
    window.setTimeout(() => void connect(), wait);
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Subscribes to Electron menu commands; a no-op in browser mode. */
export function onMenu(listener: (action: MenuAction) => void): () => void {
  const off = window.notebookApp?.onMenu?.((action) => {
    if (isMenuAction(action)) listener(action);
  });
  return typeof off === 'function' ? off : () => {};
}

/** Whether the OS prefers a dark theme, and a subscription to changes. */
export function watchColorScheme(listener: (dark: boolean) => void): { dark: boolean; stop: () => void } {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  const h = (e: MediaQueryListEvent) => listener(e.matches);
  mq.addEventListener('change', h);
  return { dark: mq.matches, stop: () => mq.removeEventListener('change', h) };
}

const THEME_KEY = 'notebook.theme';
export function loadThemePreference(): 'light' | 'dark' | 'system' {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}
export function saveThemePreference(v: 'light' | 'dark' | 'system'): void {
  try {
    window.localStorage.setItem(THEME_KEY, v);
  } catch {
    // Not persisting the theme is harmless.
  }
}

/** Applies the theme to the document root (CSS variables switch on data-theme). */
export function applyTheme(theme: 'light' | 'dark'): void {
  window.document.documentElement.dataset.theme = theme;
}

/** Reads a File as base64 (without the data: prefix) for importFile. */
export function readFileBase64(file: File, opts: { signal?: AbortSignal; onProgress?: (loaded: number) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    if (opts.signal?.aborted) return reject(new DOMException('cancelled', 'AbortError'));
    opts.signal?.addEventListener('abort', () => reader.abort(), { once: true });
    reader.onerror = () => reject(reader.error ?? new Error('could not read file'));
    reader.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    reader.onprogress = (e) => opts.onProgress?.(e.loaded);
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Global keyboard listener (the quick switcher, undo/redo, view shortcuts). */
export function onKeyDown(listener: (e: KeyboardEvent) => void): () => void {
  window.addEventListener('keydown', listener);
  return () => window.removeEventListener('keydown', listener);
}

/** Listens for files dropped anywhere on the window. */
export function onFileDrop(handlers: { over: (active: boolean) => void; drop: (files: File[]) => void }): () => void {
  let depth = 0;
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    handlers.over(true);
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) handlers.over(false);
  };
  const over = (e: DragEvent) => {
    if (hasFiles(e)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    handlers.over(false);
    handlers.drop([...(e.dataTransfer?.files ?? [])]);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragleave', leave);
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}

/** The current text selection of the page (the reader maps it to offsets). */
export function currentSelection(): Selection | null {
  return window.getSelection();
}

const PLACE_KEY = 'notebook.place';
/** Where the user was (view and open source), so a reload returns there. */
export function savePlace(place: { view: string; sourceId: string | null }): void {
  try {
    window.sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // Losing the place on reload is harmless.
  }
}
export function loadPlace(): { view: string; sourceId: string | null } | null {
  try {
    const v: unknown = JSON.parse(window.sessionStorage.getItem(PLACE_KEY) ?? 'null');
    if (v && typeof v === 'object' && 'view' in v && typeof v.view === 'string') {
      const sourceId = 'sourceId' in v && typeof v.sourceId === 'string' ? v.sourceId : null;
      return { view: v.view, sourceId };
    }
  } catch {
    // A corrupt entry is ignored.
  }
  return null;
}

/** The element the app mounts into. */
export function rootElement(): HTMLElement | null {
  return window.document.getElementById('root');
}

/**
 * Saves text as a file. In browser mode this is an ordinary download; the
 * Electron session turns blob downloads into a native save dialog, so the same
 * code serves both. The object URL is revoked after the click has been handled.
 */
export function downloadText(fileName: string, mimeType: string, content: string | Uint8Array<ArrayBuffer>): void {
  const url = window.URL.createObjectURL(new Blob([content], { type: typeof content === 'string' ? `${mimeType};charset=utf-8` : mimeType }));
  const a = window.document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  window.document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => window.URL.revokeObjectURL(url), 1000);
}

const WELCOME_KEY = 'notebook.welcomeDismissed';

/**
 * The first-run choice, per notebook folder. localStorage alone forgot it: in
 * browser mode every `notebook serve` listens on a new port by default, and a new
 * port is a new origin with an empty localStorage. Cookies are scoped by host, not
 * port, so a cookie keyed by the notebook's path survives the restart; localStorage
 * stays the answer in Electron, whose app:// origin never changes.
 */
function welcomeKey(notebookPath: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < notebookPath.length; i++) h = Math.imul(h ^ notebookPath.charCodeAt(i), 0x01000193) >>> 0;
  return `nb_started_${h.toString(36)}`;
}
/** Whether the researcher already chose how to start this notebook (the welcome screen then stays away). */
export function welcomeDismissed(notebookPath = ''): boolean {
  const key = welcomeKey(notebookPath);
  try {
    if (window.localStorage.getItem(WELCOME_KEY) === '1' || window.localStorage.getItem(key) === '1') return true;
  } catch {
    // Fall back to the cookie.
  }
  try {
    return window.document.cookie.split(/;\s*/).includes(`${key}=1`);
  } catch {
    return false;
  }
}
export function dismissWelcome(notebookPath = ''): void {
  const key = welcomeKey(notebookPath);
  try {
    window.localStorage.setItem(key, '1');
  } catch {
    // The cookie below still remembers it.
  }
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: a cookie is what survives a new port in browser mode (see welcomeKey); Cookie Store API is not in Electron's Chromium everywhere
    window.document.cookie = `${key}=1; Max-Age=${10 * 365 * 86400}; Path=/; SameSite=Strict`;
  } catch {
    // Seeing the welcome screen again next time is harmless.
  }
}

const INSPECTOR_KEY = 'notebook.inspectorCollapsed';
/** Whether the inspector was folded away (kept across reloads). */
export function loadInspectorCollapsed(): boolean {
  try {
    return window.localStorage.getItem(INSPECTOR_KEY) === '1';
  } catch {
    return false;
  }
}
export function saveInspectorCollapsed(collapsed: boolean): void {
  try {
    window.localStorage.setItem(INSPECTOR_KEY, collapsed ? '1' : '0');
  } catch {
    // Not remembering the fold is harmless.
  }
}

/**
 * Warns before the window closes or reloads while `unsaved()` says something typed
 * is not saved yet (the browser shows its own wording; Electron shows the same prompt).
 */
export function onBeforeUnload(unsaved: () => boolean): () => void {
  const h = (e: BeforeUnloadEvent) => {
    if (!unsaved()) return;
    e.preventDefault();
    // Older engines need returnValue set to show the prompt.
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', h);
  return () => window.removeEventListener('beforeunload', h);
}

/** The text position under a point of the window (for the Reader's keyboard caret), or null. */
export function textPositionAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = window.document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The size of the window's viewport (the selection toolbar and menus keep inside it). */
export function viewportSize(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

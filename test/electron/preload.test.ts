/**
 * The preload exposes exactly `notebook` (one function per API method, each an
 * ipcRenderer.invoke on notebook:<method>) and `notebookApp.onMenu`, and nothing
 * of Electron itself: not ipcRenderer, not the IPC event.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { MENU_ACTIONS } from '../../electron/preload/channels.ts';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
      on: vi.fn((channel: string, l: (...args: unknown[]) => void) => void listeners.set(channel, [...(listeners.get(channel) ?? []), l])),
      removeListener: vi.fn(
        (channel: string, l: (...args: unknown[]) => void) =>
          void listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((x) => x !== l),
          ),
      ),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => void electron.exposed.set(key, value)) },
  ipcRenderer: electron.ipcRenderer,
}));

/** Every value reachable from `root` (own properties, depth-first). */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root)) return seen;
  seen.add(root);
  for (const key of Object.getOwnPropertyNames(root)) reachable((root as Record<string, unknown>)[key], seen);
  return seen;
}

beforeAll(async () => {
  await import('../../electron/preload/index.ts');
});

describe('preload', () => {
  it('exposes exactly two globals: notebook and notebookApp', () => {
    expect([...electron.exposed.keys()].sort()).toEqual(['notebook', 'notebookApp']);
  });

  it('gives notebook exactly the API methods as keys, all functions', () => {
    const facade = electron.exposed.get('notebook') as Record<string, unknown>;
    expect(Object.keys(facade).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(typeof facade[m]).toBe('function');
  });

  it('gives notebookApp only onMenu and onEvent', () => {
    expect(Object.keys(electron.exposed.get('notebookApp') as object)).toEqual(['onMenu', 'onEvent']);
  });

  it('passes onEvent listeners only well-formed pushed changes, never the IPC event', () => {
    const bridge = electron.exposed.get('notebookApp') as { onEvent(cb: (...a: unknown[]) => void): () => void };
    const cb = vi.fn();
    const stop = bridge.onEvent(cb);
    const [listener] = electron.listeners.get('notebook:events') ?? [];
    const event = { sender: electron.ipcRenderer, senderFrame: {} };
    const change = { type: 'changes', rev: 3, changes: [], history: { undo: null, redo: null } };
    listener!(event, change);
    listener!(event, { type: 'exec', rev: 1 });
    listener!(event, { type: 'reset' });
    listener!(event, 'reset');
    expect(cb.mock.calls).toEqual([[change]]);
    stop();
    expect(electron.listeners.get('notebook:events')).toEqual([]);
  });

  it('never exposes ipcRenderer, its methods, process or require', () => {
    const all = reachable([...electron.exposed.values()]);
    for (const forbidden of [electron.ipcRenderer, electron.ipcRenderer.invoke, electron.ipcRenderer.on, electron.ipcRenderer.send, electron.ipcRenderer.sendSync, process, require]) {
      expect(all.has(forbidden)).toBe(false);
    }
  });

  it('calls ipcRenderer.invoke on notebook:<method> with the arguments unchanged', async () => {
    const facade = electron.exposed.get('notebook') as Record<string, (a: unknown) => Promise<unknown>>;
    const args = { sourceId: 'src_x', exact: 'about 40 tankers' };
    expect(await facade['createQuote']!(args)).toEqual({ ok: true, value: { channel: 'notebook:createQuote', args } });
    for (const m of API_METHODS) await facade[m]!({});
    expect(electron.ipcRenderer.invoke.mock.calls.map((c) => c[0])).toEqual(['notebook:createQuote', ...API_METHODS.map((m) => `notebook:${m}`)]);
  });

  it('passes onMenu listeners only the action name, never the event, and only known actions', () => {
    const bridge = electron.exposed.get('notebookApp') as { onMenu(cb: (...a: unknown[]) => void): () => void };
    const cb = vi.fn();
    const stop = bridge.onMenu(cb);
    const [listener] = electron.listeners.get('notebook:menu') ?? [];
    const event = { sender: electron.ipcRenderer, senderFrame: {} };
    listener!(event, MENU_ACTIONS[0]);
    listener!(event, 'rm -rf');
    listener!(event, { action: MENU_ACTIONS[0] });
    expect(cb.mock.calls).toEqual([[MENU_ACTIONS[0]]]);
    stop();
    expect(electron.listeners.get('notebook:menu')).toEqual([]);
  });
});

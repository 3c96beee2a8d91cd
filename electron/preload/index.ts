/**
 * The preload: the only bridge between the sandboxed, context-isolated page and the
 * main process. It exposes exactly two objects and nothing else:
 *
 * - `window.notebook`: one function per contract method (API_METHODS), each a plain
 *   `ipcRenderer.invoke('notebook:<method>', args)`. Arguments are validated in the
 *   main process, never trusted here.
 * - `window.notebookApp.onMenu(cb)`: menu actions as bare names; the IPC event
 *   (which carries `sender`, a door to ipcRenderer) never reaches the page.
 *   `onEvent(cb)` likewise: only the pushed notebook change, shape-checked.
 *
 * Bundled into a single CommonJS file because a sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { API_METHODS } from '../../shared/api/contract.ts';
import type { NotebookApi } from '../../shared/api/contract.ts';
import { API_CHANNEL_PREFIX, EVENTS_CHANNEL, MENU_CHANNEL, isMenuAction, isNotebookEvent } from './channels.ts';
import type { MenuAction } from './channels.ts';

export interface NotebookAppBridge {
  /** Calls `cb` with each menu action; returns a function that stops listening. */
  onMenu(cb: (action: MenuAction) => void): () => void;
  /** Calls `cb` with each pushed notebook change (shared/api/events.ts); returns a function that stops listening. */
  onEvent(cb: (event: unknown) => void): () => void;
}

export function buildFacade(invoke: (channel: string, args: unknown) => Promise<unknown>): NotebookApi {
  const facade: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) facade[method] = (args: unknown) => invoke(API_CHANNEL_PREFIX + method, args);
  return Object.freeze(facade) as unknown as NotebookApi;
}

export function buildAppBridge(renderer: Pick<typeof ipcRenderer, 'on' | 'removeListener'>): NotebookAppBridge {
  return Object.freeze({
    onMenu(cb: (action: MenuAction) => void) {
      if (typeof cb !== 'function') throw new TypeError('onMenu expects a function');
      const listener = (_event: IpcRendererEvent, action: unknown) => {
        if (isMenuAction(action)) cb(action);
      };
      renderer.on(MENU_CHANNEL, listener);
      return () => void renderer.removeListener(MENU_CHANNEL, listener);
    },
    onEvent(cb: (event: unknown) => void) {
      if (typeof cb !== 'function') throw new TypeError('onEvent expects a function');
      const listener = (_event: IpcRendererEvent, payload: unknown) => {
        if (isNotebookEvent(payload)) cb(payload);
      };
      renderer.on(EVENTS_CHANNEL, listener);
      return () => void renderer.removeListener(EVENTS_CHANNEL, listener);
    },
  });
}

contextBridge.exposeInMainWorld(
  'notebook',
  buildFacade((channel, args) => ipcRenderer.invoke(channel, args)),
);
contextBridge.exposeInMainWorld('notebookApp', buildAppBridge(ipcRenderer));

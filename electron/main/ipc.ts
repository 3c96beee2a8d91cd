/**
 * The IPC half of the notebook API: one `ipcMain.handle('notebook:<method>')` per
 * contract method. A handler first checks who is asking — only the app's own main
 * frame, showing an app:// page, may call — and then goes through `dispatch`, which
 * validates the arguments against the contract. Calls run one at a time.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { API_METHODS } from '../../shared/api/contract.ts';
import type { NotebookHandlers } from '../../shared/api/contract.ts';
import { queuedDispatch } from '../server/queued-dispatch.ts';
import { createCallQueue } from '../server/call-queue.ts';
import type { CallQueue } from '../server/call-queue.ts';
import { API_CHANNEL_PREFIX } from '../preload/channels.ts';
import { isAppUrl } from './app-url.ts';

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>) => boolean;

type FrameLike = Pick<WebFrameMain, 'url' | 'parent' | 'processId' | 'routingId'>;

/**
 * Trusts a sender only if it is the main frame of the given window's webContents
 * and currently shows an app:// page: not an iframe, not another window, not a page
 * the window was somehow navigated to.
 */
export function trustedSenderCheck(getContents: () => { id: number; mainFrame: FrameLike } | null | undefined): SenderCheck {
  return (event) => {
    const contents = getContents();
    const frame = event.senderFrame as FrameLike | null;
    if (!contents || !frame) return false;
    if (event.sender.id !== contents.id) return false;
    const main = contents.mainFrame;
    return frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
  };
}

/**
 * Registers one handler per API method. `service` may be a function so the
 * notebook can be switched (File ▸ Open notebook…) without re-registering.
 * Returns a function that removes the handlers.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: NotebookHandlers | (() => NotebookHandlers),
  isTrustedSender: SenderCheck,
  queue: CallQueue = createCallQueue(),
): () => void {
  const current = typeof service === 'function' ? service : () => service;
  for (const method of API_METHODS) {
    ipcMain.handle(API_CHANNEL_PREFIX + method, async (event, args: unknown) => {
      // Throwing (not a Result) makes the untrusted caller's invoke reject with nothing useful.
      if (!isTrustedSender(event)) throw new Error('refused: not the notebook window');
      const service = current();
      const result = await queuedDispatch(queue, service, method, args);
      // The revision the call left the notebook at: the page waits until its pushed changes up to it are applied.
      const rev = (service as { rev?: unknown }).rev;
      return typeof rev === 'number' ? { ...result, rev } : result;
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(API_CHANNEL_PREFIX + method);
  };
}

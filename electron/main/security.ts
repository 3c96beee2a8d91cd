/**
 * The main process's guards around the one window: no navigation away from the
 * app, no new windows, no permissions (camera, notifications, …), no network, and
 * links leave for the system browser only when the researcher confirms.
 *
 * Each guard is a function over the Electron object it configures, so tests can
 * hand in fakes; the types are Electron's own.
 */
import type { Dialog, HandlerDetails, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './app-url.ts';

/** Denies every permission request and check: a notebook needs none of them. */
export function secureSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest' | 'on'>): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The notebook is offline: the page never needs the network, so a slipped-through
  // <img src=https://…> cannot leak what the researcher is reading.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => callback({ cancel: true }));
  // The one download the page may start is its own export (a blob: or data: URL it
  // made); Electron then asks where to save it with the native save dialog.
  session.on('will-download', (event, item) => {
    if (!isOwnExport(item.getURL())) return event.preventDefault();
    item.setSaveDialogOptions({ title: 'Save export', defaultPath: item.getFilename() });
  });
}

/** A download the app page produced itself: a blob: URL of the app origin, or a data: URL. */
export function isOwnExport(url: string): boolean {
  if (url.startsWith('data:')) return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

export const OPEN_LINK_BUTTON = 0;

/**
 * Opens an http(s) link in the system browser after the researcher confirms it.
 * Any other scheme (file:, javascript:, custom protocol handlers…) is refused without
 * asking: those can launch programs. Resolves true when the link was opened.
 */
export async function handleOpenExternal(url: string, dialog: Pick<Dialog, 'showMessageBox'>, shell: Pick<Shell, 'openExternal'>): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'Open this link in your web browser?',
    // Show the parsed form so look-alike characters are visible as punycode.
    detail: parsed.href,
  });
  if (response !== OPEN_LINK_BUTTON) return false;
  await shell.openExternal(parsed.href);
  return true;
}

/** Keeps a webContents on the app's own pages; new windows are denied, http(s) links offered to the browser. */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, deps: { dialog: Pick<Dialog, 'showMessageBox'>; shell: Pick<Shell, 'openExternal'> }): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    void handleOpenExternal(details.url, deps.dialog, deps.shell).catch(() => false);
    return { action: 'deny' };
  });
}

/**
 * The one notebook window. Its page is untrusted in the sense that it renders
 * imported documents: so it runs sandboxed and context-isolated, without Node, with
 * web security on, and reaches the notebook only through the preload's `notebook`
 * object. It starts at app://notebook/index.html and is kept there (security.ts).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, Shell, WebPreferences } from 'electron';
import { APP_START_URL } from './app-url.ts';
import { guardWebContents } from './security.ts';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showMessageBox' | 'showMessageBoxSync'>;
  shell: Pick<Shell, 'openExternal'>;
  /** Absolute path of the bundled preload (a single CommonJS file). */
  preloadPath: string;
  title?: string;
}

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Spellcheck would send nothing anywhere, but it downloads dictionaries on some platforms.
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: deps.title ?? 'Research Notebook',
    show: false,
    webPreferences: webPreferences(deps.preloadPath),
  });
  guardWebContents(win.webContents, { dialog: deps.dialog, shell: deps.shell });
  // The page refuses to unload while typing is not saved yet (its beforeunload). A browser asks the user then;
  // Electron silently keeps the window open unless we ask: Leave lets it close, Stay keeps the typing.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = deps.dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'You have typing that is not saved yet.',
      detail: 'It is saved a moment after you stop typing. Leave anyway and lose it?',
    });
    if (choice === 0) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}

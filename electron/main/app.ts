/**
 * The desktop app's composition root: wires Electron's singletons (app, protocol,
 * session, ipcMain, Menu, dialog, shell) to the notebook and to the testable pieces
 * in this folder. `startApp` is called once by index.ts; tests call it with a
 * mocked `electron` module.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { queuedDispatch } from '../server/queued-dispatch.ts';
import { NotebookError } from '../../shared/result.ts';
import { EVENTS_CHANNEL, MENU_CHANNEL } from '../preload/channels.ts';
import type { MenuAction } from '../preload/channels.ts';
import { PRODUCT_NAME, defaultNotebookDir } from '../storage/paths.ts';
import { documentsInArgv, importFilesWithDialog, importPaths } from './import-files.ts';
import { registerIpc, trustedSenderCheck } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { OpenNotebook } from './open-notebook.ts';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol.ts';
import { RecentNotebooks } from './recent.ts';
import { secureSession } from './security.ts';
import { createMainWindow } from './window.ts';

export interface AppPaths {
  preloadPath: string;
  rendererDir: string;
}

/** Where the bundle puts things: dist/electron/main.mjs next to preload.cjs, and dist/renderer. */
export function bundledPaths(mainFileUrl: string = import.meta.url): AppPaths {
  const here = dirname(fileURLToPath(mainFileUrl));
  return { preloadPath: join(here, 'preload.cjs'), rendererDir: join(here, '..', 'renderer') };
}

/** `--notebook DIR` or `--notebook=DIR` on the command line, else $NOTEBOOK_DIR, else the default folder. */
export function notebookDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--notebook' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (a.startsWith('--notebook=') && a.length > '--notebook='.length) return resolve(a.slice('--notebook='.length));
  }
  return env['NOTEBOOK_DIR'] ? resolve(env['NOTEBOOK_DIR']) : defaultNotebookDir(env);
}

/**
 * One app instance per user: two would fight over the notebook's writer lock. The
 * second launch quits and the first brings its window forward. Returns false when
 * this process is the second one (and is quitting).
 */
export function claimSingleInstance(
  electronApp: Pick<typeof app, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus' | 'show'> | null,
  onDocuments: (paths: string[]) => void = () => {},
): boolean {
  if (!electronApp.requestSingleInstanceLock()) {
    electronApp.quit();
    return false;
  }
  electronApp.on('second-instance', (_event: unknown, argv: string[]) => {
    const docs = documentsInArgv(argv ?? []);
    if (docs.length) onDocuments(docs);
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface StartOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  paths?: AppPaths;
}

/** Starts the desktop app. Returns false when another instance already runs. */
export function startApp(options: StartOptions = {}): boolean {
  const paths = options.paths ?? bundledPaths();
  const notebookDir = notebookDirFrom(options.argv ?? process.argv.slice(1), options.env ?? process.env);

  // Same userData as the CLI's defaultNotebookDir(), whatever the binary is called.
  app.setName(PRODUCT_NAME);
  app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));

  let win: BrowserWindow | null = null;
  // "Open with": documents arrive on the command line, from a second launch, or (macOS)
  // as 'open-file' events, possibly before the notebook is open; they wait until it is.
  const pendingDocuments: string[] = documentsInArgv(options.argv ?? process.argv.slice(1));
  let ready = false;
  const openDocuments = (paths: string[]) => {
    pendingDocuments.push(...paths);
    if (ready) void flushDocuments();
  };
  if (!claimSingleInstance(app, () => win, openDocuments)) return false;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openDocuments([path]);
  });

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

  const notebook = new OpenNotebook();
  const recent = new RecentNotebooks(join(app.getPath('userData'), 'recent-notebooks.json'));
  const send = (action: MenuAction) => win?.webContents.send(MENU_CHANNEL, action);

  const refreshMenu = async () => {
    Menu.setApplicationMenu(buildMenu(Menu, { platform: process.platform, recent: await recent.list(), commands }));
  };

  const switchTo = async (dir: string) => {
    try {
      await notebook.open(dir, 'required');
    } catch (e) {
      await dialog.showMessageBox({ type: 'error', message: 'That notebook could not be opened', detail: messageOf(e) });
      return;
    }
    await recent.add(dir);
    await refreshMenu();
    // A fresh page is the simplest way to be sure nothing of the old notebook lingers on screen.
    win?.webContents.reload();
  };

  const flushDocuments = async () => {
    const paths = pendingDocuments.splice(0);
    if (!paths.length) return;
    const n = await importPaths(paths, { dialog, window: win, importFiles: (args) => queuedDispatch(notebook.queue, notebook.service, 'importFiles', args) });
    if (n > 0) send('sources-changed');
  };

  const commands = {
    importFiles: () =>
      void importFilesWithDialog({
        dialog,
        window: win,
        importFiles: (args) => queuedDispatch(notebook.queue, notebook.service, 'importFiles', args),
      }).then((n) => n > 0 && send('sources-changed')),
    exportBriefing: () => void send('export-briefing'),
    openNotebook: () =>
      void dialog
        .showOpenDialog({ title: 'Open a notebook folder', buttonLabel: 'Open Notebook', properties: ['openDirectory', 'createDirectory'] })
        .then((r) => (!r.canceled && r.filePaths[0] ? switchTo(r.filePaths[0]) : undefined)),
    openRecent: (dir: string) => void switchTo(dir),
    clearRecent: () => void recent.clear().then(refreshMenu),
    showNotebookFolder: () => void (notebook.dir && shell.openPath(notebook.dir)),
  };

  /**
   * Opens the notebook at start-up. A notebook another process hosts (\`notebook serve\`) is
   * joined as its client; one held by a program that is not a host can be opened read-only.
   */
  const openAtStartup = async (): Promise<boolean> => {
    try {
      await notebook.open(notebookDir, 'required');
      return true;
    } catch (e) {
      if (!(e instanceof NotebookError && e.code === 'locked')) {
        dialog.showErrorBox('The notebook could not be opened', messageOf(e));
        return false;
      }
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        buttons: ['Open Read-Only', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        message: 'This notebook is open in another program',
        detail: `${e.message}\n\nYou can read it now; changes are refused until the other program closes it.`,
      });
      if (response !== 0) return false;
      await notebook.open(notebookDir, 'prefer');
      return true;
    }
  };

  app.on('window-all-closed', () => app.quit());

  // Release the writer lock before exiting: hold the quit once, close, then quit for real.
  let lockReleased = false;
  app.on('before-quit', (event) => {
    if (lockReleased) return;
    event.preventDefault();
    void notebook.close().finally(() => {
      lockReleased = true;
      app.quit();
    });
  });

  void app
    .whenReady()
    .then(async () => {
      secureSession(session.defaultSession);
      registerAppProtocol(protocol, paths.rendererDir);
      if (!(await openAtStartup())) return app.quit();
      registerIpc(
        ipcMain,
        () => notebook.service,
        trustedSenderCheck(() => win?.webContents),
        notebook.queue,
      );
      // Every committed write, from this window, a CLI script sent to this host or an undo, reaches the page as it happens.
      notebook.onEvent((e) => win?.webContents.send(EVENTS_CHANNEL, e));
      await recent.add(notebookDir).catch(() => undefined);
      await refreshMenu();
      win = createMainWindow({ BrowserWindow, dialog, shell, preloadPath: paths.preloadPath, title: PRODUCT_NAME });
      win.on('closed', () => (win = null));
      ready = true;
      win.webContents.once('did-finish-load', () => void flushDocuments());
    })
    .catch((e: unknown) => {
      dialog.showErrorBox('Research Notebook could not start', messageOf(e));
      app.quit();
    });
  return true;
}

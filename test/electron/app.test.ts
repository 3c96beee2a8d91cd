/**
 * The desktop app's composition root with a mocked `electron` module (there is no
 * Electron binary here): the single-instance lock, the one secure window loaded
 * from app://, the guarded session and protocol, one IPC handler per API method
 * working end to end on a real temporary notebook, and the File menu's commands.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import * as electron from 'electron';
import { API_METHODS } from '../../shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/headers.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { startApp } from '../../electron/main/app.ts';
import { openNotebook } from '../../electron/host/open.ts';
import type { OpenedNotebook } from '../../electron/host/open.ts';
import { readHostRecord } from '../../electron/host/record.ts';
import { FakeBrowserWindow, type FakeEmitter, type fakeIpcMain, type fakeSession } from './fakes.ts';
import { fakeRendererBuild, tempDir } from '../server/helpers.ts';

vi.mock('electron', async () => {
  const { FakeBrowserWindow, FakeEmitter, fakeIpcMain, fakeSession } = await import('./fakes.ts');
  const appEvents = new FakeEmitter();
  const paths = new Map<string, string>();
  const app = {
    events: appEvents,
    paths,
    lockGranted: true,
    requestSingleInstanceLock: vi.fn(() => app.lockGranted),
    quit: vi.fn(),
    on: vi.fn((event: string, l: (...a: unknown[]) => unknown) => appEvents.on(event, l)),
    setName: vi.fn(),
    setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    getPath: vi.fn((name: string) => paths.get(name) ?? '/nonexistent'),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(async () => undefined),
  };
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: fakeIpcMain(),
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
  };
});

type MockApp = typeof electron.app & { events: FakeEmitter; paths: Map<string, string>; lockGranted: boolean };
const mockApp = electron.app as unknown as MockApp;
const ipc = electron.ipcMain as unknown as ReturnType<typeof fakeIpcMain>;
const session = electron.session.defaultSession as unknown as ReturnType<typeof fakeSession>;
const dialog = vi.mocked(electron.dialog);

async function freshStart(before: (notebookDir: string) => Promise<unknown> = async () => undefined) {
  const root = await tempDir('nb-app-');
  mockApp.paths.clear();
  mockApp.paths.set('appData', join(root, 'appData'));
  mockApp.events.listeners.clear();
  mockApp.lockGranted = true;
  ipc.handlers.clear();
  FakeBrowserWindow.created.length = 0;
  const build = await fakeRendererBuild();
  const notebookDir = join(root, 'notebook');
  await before(notebookDir);
  const started = startApp({ argv: ['--notebook', notebookDir], env: {}, paths: { preloadPath: '/bundle/preload.cjs', rendererDir: build.staticDir } });
  return { root, notebookDir, started };
}

async function ready() {
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 30_000 });
  return FakeBrowserWindow.created[0]!;
}

const invoke = (win: FakeBrowserWindow, method: string, args: unknown, frame: object = win.webContents.mainFrame) =>
  ipc.handlers.get(`notebook:${method}`)!({ sender: win.webContents, senderFrame: frame }, args) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;

const fileMenu = () => {
  const template = vi.mocked(electron.Menu.buildFromTemplate).mock.lastCall![0] as MenuItemConstructorOptions[];
  return template.find((i) => i.label === 'File')!.submenu as MenuItemConstructorOptions[];
};
const clickFile = (label: string) => (fileMenu().find((i) => i.label === label)!.click as () => void)();

beforeEach(() => {
  vi.clearAllMocks();
});

describe('desktop app start-up', () => {
  it('quits at once when another instance holds the single-instance lock', async () => {
    mockApp.lockGranted = false;
    const root = await tempDir('nb-app-');
    mockApp.paths.set('appData', root);
    FakeBrowserWindow.created.length = 0;
    expect(startApp({ argv: ['--notebook', join(root, 'nb')], env: {}, paths: { preloadPath: '/p.cjs', rendererDir: root } })).toBe(false);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('creates one sandboxed, context-isolated window without Node, loaded from app://', async () => {
    const { started } = await freshStart();
    expect(started).toBe(true);
    const win = await ready();
    expect(win.options['webPreferences']).toMatchObject({
      preload: '/bundle/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://notebook/index.html');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(win.webContents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('registers app:// as a privileged scheme and serves it with the CSP', async () => {
    await freshStart();
    await ready();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const [scheme, handler] = vi.mocked(electron.protocol.handle).mock.calls[0]!;
    expect(scheme).toBe('app');
    const res = await (handler as (r: Request) => Promise<Response>)(new Request('app://notebook/index.html'));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies every permission on the default session', async () => {
    await freshStart();
    await ready();
    const cb = vi.fn();
    session.requestHandler!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(session.checkHandler!({}, 'notifications')).toBe(false);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await freshStart();
    const win = await ready();
    win.minimized = true;
    mockApp.events.emit('second-instance', {}, ['electron', '.'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('desktop app notebook calls', () => {
  it('registers one handler per API method that works end to end for the app page only', async () => {
    const { notebookDir } = await freshStart();
    const win = await ready();
    expect(ipc.handle).toHaveBeenCalledTimes(API_METHODS.length);
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `notebook:${m}`).sort());

    const imported = await invoke(win, 'importText', { text: 'Two smelters cut output by about 11% after power prices doubled, a trade group estimated.', title: 'Smelters' });
    expect(imported.ok).toBe(true);
    const listed = await invoke(win, 'listSources', {});
    expect(listed.value.map((s: { title: string }) => s.title)).toEqual(['Smelters']);
    expect((await invoke(win, 'importText', { text: 12 })).error?.code).toBe('invalid_argument');
    await expect(invoke(win, 'listSources', {}, { ...win.webContents.mainFrame, parent: win.webContents.mainFrame })).rejects.toThrow(/refused/);
    await expect(invoke(win, 'listSources', {}, { ...win.webContents.mainFrame, url: 'https://evil.example/' })).rejects.toThrow(/refused/);

    // The app holds the writer lock until it quits, then releases it before exiting.
    await expect(NotebookStore.open(notebookDir, { write: 'required' })).rejects.toMatchObject({ code: 'locked' });
    expect(mockApp.events.emitPreventable('before-quit')).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 30_000 });
    const store = await NotebookStore.open(notebookDir, { write: 'required' });
    await store.close();
  });
});

describe('desktop app and the notebook host', () => {
  it('hosts the notebook it opens, so `notebook` commands reach it', async () => {
    const { notebookDir } = await freshStart();
    await ready();
    const record = await readHostRecord(notebookDir);
    expect(record).toMatchObject({ kind: 'app', pid: process.pid });
  });

  it('becomes the client of a `notebook serve` already hosting the notebook instead of asking to open it read-only', async () => {
    let host: OpenedNotebook | null = null;
    const { notebookDir } = await freshStart(async (dir) => (host = await openNotebook(dir, { write: 'required', host: 'serve' })));
    try {
      const win = await ready();
      expect(dialog.showMessageBox).not.toHaveBeenCalledWith(expect.objectContaining({ message: 'This notebook is open in another program' }));
      const imported = await invoke(win, 'importText', { text: 'Two smelters cut output by about 11% after power prices doubled.', title: 'Smelters' });
      expect(imported.ok).toBe(true);
      expect([...host!.store.memory.sources()].map((s) => s.title)).toEqual(['Smelters']);
      expect((await invoke(win, 'getInfo', {})).value.path).toBe(notebookDir);
      expect((await readHostRecord(notebookDir))!.kind).toBe('serve');
    } finally {
      await host!.close();
    }
  });
});

describe('desktop app File menu', () => {
  it('has Import…, Export briefing…, Open notebook… and Open Recent, with this notebook in the recent list', async () => {
    const { notebookDir } = await freshStart();
    await ready();
    const labels = fileMenu().map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Import…', 'Export briefing…', 'Open notebook…', 'Open Recent']));
    const recent = fileMenu().find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toContain(notebookDir);
  });

  it('imports the files chosen in the native dialog and tells the page to refresh', async () => {
    const { root } = await freshStart();
    const win = await ready();
    const file = join(root, 'tankers.txt');
    await writeFile(file, 'Tanker day rates eased roughly 6% this week, brokers said, though estimates vary.');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    clickFile('Import…');
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith('notebook:menu', 'sources-changed'), { timeout: 30_000 });
    expect((await invoke(win, 'listSources', {})).value).toHaveLength(1);
  });

  it('asks the page to open its export view for Export briefing…', async () => {
    await freshStart();
    const win = await ready();
    clickFile('Export briefing…');
    expect(win.webContents.send).toHaveBeenCalledWith('notebook:menu', 'export-briefing');
  });

  it('switches to the folder chosen with Open notebook…, releasing the old one', async () => {
    const { root, notebookDir } = await freshStart();
    const win = await ready();
    const other = join(root, 'other-notebook');
    await mkdir(other);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    clickFile('Open notebook…');
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalled(), { timeout: 30_000 });
    expect((await invoke(win, 'getInfo', {})).value.path).toBe(other);
    const old = await NotebookStore.open(notebookDir, { write: 'required' });
    await old.close();
    const recent = fileMenu().find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toContain(other);
    expect(recent[1]!.label).toContain(notebookDir);
  });
});

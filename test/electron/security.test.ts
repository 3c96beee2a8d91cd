/**
 * The main-process guards: navigation stays inside app://notebook, new windows are
 * denied, links reach the system browser only for http(s) and only after the
 * researcher confirms, and the session grants no permission and no network.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Dialog, Shell } from 'electron';
import { isAppUrl } from '../../electron/main/app-url.ts';
import { guardWebContents, handleOpenExternal, secureSession } from '../../electron/main/security.ts';
import { FakeWebContents, fakeDialog, fakeSession } from './fakes.ts';

const asDialog = (d: ReturnType<typeof fakeDialog>) => d as unknown as Pick<Dialog, 'showMessageBox'>;
const fakeShell = () => ({ openExternal: vi.fn(async (_url: string) => undefined) });
const asShell = (s: ReturnType<typeof fakeShell>) => s as unknown as Pick<Shell, 'openExternal'>;

describe('handleOpenExternal', () => {
  it('opens an https link only after the confirm dialog returns the open button', async () => {
    const dialog = fakeDialog(0);
    const shell = fakeShell();
    expect(await handleOpenExternal('https://example.org/report?id=4', asDialog(dialog), asShell(shell))).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(dialog.showMessageBox.mock.calls[0])).toContain('https://example.org/report?id=4');
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/report?id=4');
    expect(dialog.showMessageBox.mock.invocationCallOrder[0]!).toBeLessThan(shell.openExternal.mock.invocationCallOrder[0]!);
  });

  it('does not open the link when the researcher cancels', async () => {
    const shell = fakeShell();
    expect(await handleOpenExternal('http://example.org/', asDialog(fakeDialog(1)), asShell(shell))).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'mailto:a@example.org', 'not a url', 'app://notebook/index.html'])(
    'refuses %s without asking',
    async (url) => {
      const dialog = fakeDialog(0);
      const shell = fakeShell();
      expect(await handleOpenExternal(url, asDialog(dialog), asShell(shell))).toBe(false);
      expect(dialog.showMessageBox).not.toHaveBeenCalled();
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('guardWebContents', () => {
  const guarded = (response = 0) => {
    const contents = new FakeWebContents();
    const dialog = fakeDialog(response);
    const shell = fakeShell();
    guardWebContents(contents as never, { dialog: asDialog(dialog), shell: asShell(shell) });
    return { contents, dialog, shell };
  };

  it('denies navigation away from the app and allows moving within app://notebook', () => {
    const { contents } = guarded();
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://notebook/index.html')).toBe(false);
  });

  it('refuses to attach webviews', () => {
    expect(guarded().contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every window.open and offers http(s) links to the browser after confirmation', async () => {
    const { contents, dialog, shell } = guarded(0);
    expect(contents.windowOpenHandler!({ url: 'https://example.org/data' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://notebook/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///home' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/data');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('does not open a window.open link when the confirmation is cancelled', async () => {
    const { contents, dialog, shell } = guarded(1);
    expect(contents.windowOpenHandler!({ url: 'https://example.org/data' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 10));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('secureSession', () => {
  it('denies every permission request and check', () => {
    const s = fakeSession();
    secureSession(s as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      s.requestHandler!({}, permission, cb, {});
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.checkHandler!({}, permission, 'app://notebook', {})).toBe(false);
    }
  });

  it("cancels network requests and downloads, except the page's own exports, which get a save dialog", () => {
    const s = fakeSession();
    secureSession(s as never);
    expect(s.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const cb = vi.fn();
    s.beforeRequest!.listener({ url: 'https://tracker.example/pixel.gif' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
    const download = (url: string) => ({ getURL: () => url, getFilename: () => 'briefing.md', setSaveDialogOptions: vi.fn() });
    for (const url of ['https://evil.example/payload.exe', 'file:///etc/passwd', 'blob:https://evil.example/5d1c', 'blob:app://other/5d1c']) {
      expect(s.events.emitPreventable('will-download', download(url), {}), url).toBe(true);
    }
    const own = download('blob:app://notebook/8a6f2c1e-0000-4000-8000-000000000000');
    expect(s.events.emitPreventable('will-download', own, {})).toBe(false);
    expect(own.setSaveDialogOptions).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'briefing.md' }));
  });
});

describe('isAppUrl', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://notebook/index.html')).toBe(true);
    expect(isAppUrl('app://notebook.evil/index.html')).toBe(false);
    expect(isAppUrl('https://notebook/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

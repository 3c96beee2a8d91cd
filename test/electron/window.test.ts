/**
 * The window asks before it closes over unsaved typing: the page's beforeunload
 * cancels the unload, Electron reports it as will-prevent-unload, and only the
 * user's "Leave" lets the window go.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../electron/main/window.ts';
import { FakeBrowserWindow } from './fakes.ts';

function windowWith(answer: number) {
  const dialog = { showMessageBox: vi.fn(), showMessageBoxSync: vi.fn((_win: unknown, _options: Record<string, unknown>) => answer) };
  const win = createMainWindow({
    BrowserWindow: FakeBrowserWindow as never,
    dialog: dialog as never,
    shell: { openExternal: vi.fn() } as never,
    preloadPath: '/preload.cjs',
  }) as unknown as FakeBrowserWindow;
  return { win, dialog };
}

describe('closing over unsaved typing', () => {
  it('lets the window close when the user chooses Leave', () => {
    const { win, dialog } = windowWith(0);
    expect(win.webContents.emitPreventable('will-prevent-unload')).toBe(true);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(win, expect.objectContaining({ buttons: ['Leave', 'Stay'], message: expect.stringContaining('not saved') }));
  });

  it('keeps the window and the typing when the user chooses Stay (the default)', () => {
    const { win, dialog } = windowWith(1);
    expect(win.webContents.emitPreventable('will-prevent-unload')).toBe(false);
    expect(dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ defaultId: 1, cancelId: 1 });
  });
});

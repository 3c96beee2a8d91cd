import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Only the pure pieces of app.ts are exercised here; the module just needs electron's names to exist.
vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, dialog: {}, ipcMain: {}, Menu: {}, protocol: {}, session: {}, shell: {}, net: {} }));

const { documentsInArgv, importPaths } = await import('../../electron/main/import-files.ts');
const { claimSingleInstance } = await import('../../electron/main/app.ts');

describe('"Open with Research Notebook"', () => {
  it('finds the .txt, .md and .html documents in a command line, skipping flags and the notebook folder', () => {
    expect(documentsInArgv(['/opt/app/research-notebook', '--notebook', '/data/nb.md', '/home/r/a.txt', '--inspect', 'b.HTML', 'c.pdf', 'notes.markdown'])).toEqual([
      '/home/r/a.txt',
      'b.HTML',
      'notes.markdown',
    ]);
  });

  it('hands documents from a second launch to the running instance and brings its window forward', () => {
    const handlers = new Map<string, (...a: any[]) => void>();
    const fakeApp = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (e: string, h: (...a: any[]) => void) => handlers.set(e, h) };
    const win = { isMinimized: () => false, restore: vi.fn(), focus: vi.fn(), show: vi.fn() };
    const docs: string[][] = [];
    expect(
      claimSingleInstance(
        fakeApp as never,
        () => win,
        (d) => docs.push(d),
      ),
    ).toBe(true);
    handlers.get('second-instance')!({}, ['/opt/app/research-notebook', '/home/r/report.txt']);
    expect(docs).toEqual([['/home/r/report.txt']]);
    expect(win.focus).toHaveBeenCalled();
  });

  it('imports the paths in one importFiles call and reports every refused file by name in one message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-with-'));
    writeFileSync(join(dir, 'good.txt'), 'Output rose by about 4%.');
    writeFileSync(join(dir, 'bad.txt'), 'x');
    const calls: string[][] = [];
    const dialog = { showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) };
    const n = await importPaths([join(dir, 'good.txt'), join(dir, 'bad.txt'), join(dir, 'missing.txt')], {
      dialog: dialog as never,
      window: null,
      importFiles: async ({ files }) => {
        calls.push(files.map((f) => f.fileName));
        return {
          ok: true,
          value: {
            files: files.map((f) =>
              f.fileName === 'good.txt'
                ? { fileName: f.fileName, status: 'imported', source: {}, duplicate: false, newVersion: null }
                : { fileName: f.fileName, status: 'refused', code: 'unsupported_file', reason: 'bad.txt: the file contains no text' },
            ) as never,
          },
        };
      },
    });
    expect(n).toBe(1);
    expect(calls).toEqual([['good.txt', 'bad.txt']]);
    const box = (dialog.showMessageBox.mock.calls[0] as unknown[])[0] as { message: string; detail: string };
    expect(box.message).toBe('2 of 3 files could not be imported');
    expect(box.detail).toMatch(/^bad\.txt: the file contains no text\n.*missing\.txt: no such file$/);
  });

  it('names every file of a call that failed as a whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-with-'));
    writeFileSync(join(dir, 'a.txt'), 'Output rose by about 4%.');
    const dialog = { showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) };
    const n = await importPaths([join(dir, 'a.txt')], {
      dialog: dialog as never,
      window: null,
      importFiles: async () => ({ ok: false, error: { code: 'locked', message: 'the notebook is read-only' } }),
    });
    expect(n).toBe(0);
    expect(((dialog.showMessageBox.mock.calls[0] as unknown[])[0] as { detail: string }).detail).toBe('a.txt: the notebook is read-only');
  });
});

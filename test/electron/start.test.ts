/**
 * The `npm start` launcher (electron/start.mjs): finds Electron the way the
 * electron package reports it, falls back to the browser mode with one explanatory
 * line when the binary is missing, and passes the notebook folder through.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

interface StartOptions {
  notebook?: string;
  port?: string;
  browser: boolean;
  build: boolean;
}
interface StartDeps {
  findElectron(): string | null;
  buildRenderer(): void;
  buildElectron(): void;
  runAttached(command: string, args: string[]): Promise<number>;
  stderr(text: string): void;
}
interface StartModule {
  parseStartArgs(argv: string[], env?: NodeJS.ProcessEnv): StartOptions;
  findElectron(load?: (id: string) => unknown): string | null;
  main(argv: string[], deps: StartDeps): Promise<number>;
}

const start = (await import(new URL('../../electron/start.mjs', import.meta.url).href)) as StartModule;
const ROOT = resolve(import.meta.dirname, '../..');

function deps(electron: string | null) {
  const d = {
    findElectron: vi.fn(() => electron),
    buildRenderer: vi.fn(),
    buildElectron: vi.fn(),
    runAttached: vi.fn(async (_command: string, _args: string[]) => 0),
    lines: [] as string[],
    stderr: (t: string) => void d.lines.push(t),
  };
  return d;
}

describe('npm start launcher', () => {
  it('reads --notebook, --port and $NOTEBOOK_DIR', () => {
    expect(start.parseStartArgs(['--notebook', 'nb', '--port=0'], {})).toEqual({ notebook: resolve('nb'), port: '0', browser: false, build: true });
    expect(start.parseStartArgs(['--no-build', '--browser'], { NOTEBOOK_DIR: '/data/nb' })).toEqual({ notebook: '/data/nb', port: undefined, browser: true, build: false });
    expect(() => start.parseStartArgs(['--bogus'], {})).toThrow(/unknown option/);
  });

  it('treats a throwing electron package (binary never downloaded) as no Electron', async () => {
    expect(
      start.findElectron(() => {
        throw new Error('Electron failed to install correctly');
      }),
    ).toBeNull();
    expect(start.findElectron(() => '/no/such/electron/binary')).toBeNull();
    const fakeBinary = join(await mkdtemp(join(tmpdir(), 'nb-start-')), 'electron');
    await writeFile(fakeBinary, '');
    expect(start.findElectron(() => fakeBinary)).toBe(fakeBinary);
  });

  it('without Electron, says so in one line and runs `notebook serve` on the chosen notebook', async () => {
    const d = deps(null);
    expect(await start.main(['--notebook', '/data/nb', '--port', '0'], d)).toBe(0);
    expect(d.lines).toEqual(['Electron is not available on this machine (its binary was never downloaded); starting the browser mode instead.\n']);
    expect(d.buildRenderer).toHaveBeenCalledTimes(1);
    expect(d.buildElectron).not.toHaveBeenCalled();
    expect(d.runAttached).toHaveBeenCalledWith(process.execPath, [join(ROOT, 'electron/cli/notebook.mjs'), '--notebook', '/data/nb', 'serve', '--port', '0']);
  });

  it('with Electron, builds the app bundle and starts Electron on it', async () => {
    const d = deps('/opt/electron/electron');
    expect(await start.main(['--notebook', '/data/nb'], d)).toBe(0);
    expect(d.lines).toEqual([]);
    expect(d.buildElectron).toHaveBeenCalledTimes(1);
    expect(d.runAttached).toHaveBeenCalledWith('/opt/electron/electron', [join(ROOT, 'dist/electron/main.mjs'), '--notebook', '/data/nb']);
  });

  it('reports a failed build and does not start anything', async () => {
    const d = deps(null);
    d.buildRenderer.mockImplementation(() => {
      throw new Error('Building the interface failed (exit 1)');
    });
    expect(await start.main([], d)).toBe(1);
    expect(d.runAttached).not.toHaveBeenCalled();
    expect(d.lines.join('')).toContain('Building the interface failed');
  });
});

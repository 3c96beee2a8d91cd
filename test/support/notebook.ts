/**
 * Test helpers: temporary notebooks, folder hashes, and running the CLI in-process or
 * as a real process. The real process is the `notebook` bin as users run it: the
 * cached bundle (electron/cli/launch.mjs), built once per change of the sources.
 * Suites that spawn it call ensureCliBundle in beforeAll, so no test pays for the
 * build inside its own time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, cachedBundle } from '../../electron/cli/launch.mjs';
import { main } from '../../electron/cli/main.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'electron/cli/notebook.mjs');
export const FIXTURES = join(ROOT, 'test/fixtures/core');

export function tempDir(prefix = 'nb-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A hash of every file (path + bytes) under `dir`: proves a refused command changed nothing. */
export function folderHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p.slice(dir.length) + '\0').update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

/** Runs the CLI in this process (fast); same code path as the bin minus the tsx loader. */
export async function cli(dir: string, args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--notebook', dir, ...args], { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, stderr, json };
}

/** Builds the CLI bundle the bin runs, unless the cached one matches the sources. */
export async function ensureCliBundle(): Promise<string> {
  return cachedBundle() ?? (await buildBundle());
}

/** Runs the real `notebook` bin as a child process. */
export function cliProcess(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, '--notebook', dir, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json };
}

export { spawn };

/** A service on a notebook folder held open in this process, with a `call` that fails the test on an error Result. */
export async function openService(dir: string) {
  const { NotebookStore } = await import('../../electron/storage/store.ts');
  const { NotebookService } = await import('../../electron/service/service.ts');
  const { dispatch } = await import('../../shared/api/dispatch.ts');
  const store = await NotebookStore.open(dir, { write: 'required' });
  const service = new NotebookService(store);
  const call = async (method: string, args: unknown): Promise<any> => {
    const r = await dispatch(service, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { store, service, call, close: () => store.close() };
}

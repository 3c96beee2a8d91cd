/**
 * The `notebook` bin runs a bundle of the CLI cached by the content hash of its
 * sources (electron/cli/launch.mjs). These tests build into fresh cache folders: on a
 * small project of their own for the cache rules, and with the real CLI for the bin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBundle, cachedBundle } from '../../electron/cli/launch.mjs';
import type { CliProject } from '../../electron/cli/launch.mjs';
import { BIN, tempDir } from '../support/notebook.ts';

/** A two-module CLI with a data file it finds next to its source. */
function smallProject(): CliProject {
  const root = tempDir('nb-launch-');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/lib.ts'), 'export const answer: number = 41;\n');
  writeFileSync(join(root, 'src/data.txt'), 'next to the source\n');
  writeFileSync(
    join(root, 'src/main.ts'),
    "import { readFileSync } from 'node:fs';\nimport { answer } from './lib.ts';\n" +
      "export const data = readFileSync(new URL('./data.txt', import.meta.url), 'utf8');\n" +
      'export async function main(): Promise<number> { return answer + 1; }\n',
  );
  return { root, entry: join(root, 'src/main.ts'), cacheDir: join(root, 'cache') };
}

const load = async (file: string) => (await import(`${pathToFileURL(file).href}?t=${Math.random()}`)) as { main(): Promise<number>; data: string };
const bundles = (cacheDir: string) => readdirSync(cacheDir).filter((n) => /^[0-9a-f]{32}$/.test(n));

describe('the CLI bundle cache', () => {
  it('builds once, lists what it was built from, and serves the same bundle while nothing changes', async () => {
    const p = smallProject();
    expect(cachedBundle(p)).toBeNull();
    const file = await buildBundle(p);
    expect(cachedBundle(p)).toBe(file);
    const manifest = JSON.parse(readFileSync(join(p.cacheDir, 'manifest.json'), 'utf8')) as { inputs: string[] };
    expect(manifest.inputs).toEqual(expect.arrayContaining(['src/lib.ts', 'src/main.ts']));
    const mod = await load(file);
    expect(await mod.main()).toBe(42);
    // import.meta.url is the source file's, so files beside the sources are found from the cache.
    expect(mod.data).toBe('next to the source\n');
  });

  it('rebuilds when a source file changes or disappears, and never serves the old bundle for new sources', async () => {
    const p = smallProject();
    const first = await buildBundle(p);
    writeFileSync(join(p.root, 'src/lib.ts'), 'export const answer: number = 99;\n');
    expect(cachedBundle(p)).toBeNull();
    const second = await buildBundle(p);
    expect(second).not.toBe(first);
    expect(await (await load(second)).main()).toBe(100);
    rmSync(join(p.root, 'src/lib.ts'));
    expect(cachedBundle(p)).toBeNull();
    // Putting the first content back finds the first bundle again.
    writeFileSync(join(p.root, 'src/lib.ts'), 'export const answer: number = 41;\n');
    expect(cachedBundle(p)).toBe(first);
  });

  it('keeps only a few bundles of older sources', async () => {
    const p = smallProject();
    for (let i = 0; i < 7; i++) {
      writeFileSync(join(p.root, 'src/lib.ts'), `export const answer: number = ${i};\n`);
      await buildBundle(p);
    }
    expect(bundles(p.cacheDir).length).toBe(4);
    expect(cachedBundle(p)).not.toBeNull();
  });
});

describe('the notebook bin', () => {
  const run = (cache: string, args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NOTEBOOK_CLI_CACHE: cache } });

  it('builds its bundle on the first run, starts from it afterwards, and builds it again when it cannot load', () => {
    const cache = join(tempDir('nb-cli-cache-'), 'cache');
    const first = run(cache, ['--help']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Usage: notebook/);
    const [key] = bundles(cache);
    expect(bundles(cache)).toEqual([key]);
    const entry = join(cache, key!, 'main.mjs');
    const built = statSync(entry).mtimeMs;
    const second = run(cache, ['--help']);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(entry).mtimeMs).toBe(built);

    writeFileSync(entry, 'export const main = ;\n');
    const third = run(cache, ['--help']);
    expect(third.status).toBe(0);
    expect(third.stdout).toBe(first.stdout);
    expect(bundles(cache)).toEqual([key]);
    expect(readFileSync(entry, 'utf8')).not.toBe('export const main = ;\n');
  });

  it('gives every one of several concurrent first runs the whole bundle', async () => {
    const cache = join(tempDir('nb-cli-cache-'), 'cache');
    const dir = tempDir();
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [BIN, '--notebook', dir, 'sources', '--json'], { env: { ...process.env, NOTEBOOK_CLI_CACHE: cache } });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.once('close', (code) => resolve({ code, stdout, stderr }));
        }),
    );
    for (const r of await Promise.all(runs)) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ sources: [] });
    }
    expect(bundles(cache)).toHaveLength(1);
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('runs from the sources through tsx when asked to, with the same output', () => {
    const cache = join(tempDir('nb-cli-cache-'), 'cache');
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...process.env, NOTEBOOK_CLI: 'tsx', NOTEBOOK_CLI_CACHE: cache } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: notebook/);
    expect(existsSync(cache)).toBe(false);
  });
});

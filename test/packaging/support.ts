/**
 * Helpers for the packaging tests: a stand-in Electron distribution (no Electron
 * binary can be downloaded here, and none is needed to check what goes into the
 * package), and the bundles electron-builder packs.
 *
 * The stand-in `electron` executable is a tiny shell script followed by the fuse
 * sentinel and a fuse wire laid out as Electron lays it out (sentinel, version
 * byte 1, wire length, one ASCII '0'/'1' per fuse), so @electron/fuses finds and
 * flips it exactly as it would in a real binary.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureRendererBuilt, ROOT } from '../e2e/support/harness.ts';

export { ROOT };

/** @electron/fuses' marker before the fuse wire (node_modules/@electron/fuses/dist/constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's factory wire for its nine V1 fuses: RunAsNode on, cookie encryption
 * off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8
 * snapshot off, file:// privileges on, wasm trap handlers on. The opposite of
 * what the package wants for the six fuses it sets, so every flip shows.
 */
export const FACTORY_WIRE = '101100011';

export function standInBinary(wire: string = FACTORY_WIRE): Buffer {
  return Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), Buffer.from('\n')]);
}

export async function writeStandInBinary(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, standInBinary(), { mode: 0o755 });
}

/** An unpacked "Linux Electron distribution" electron-builder copies instead of downloading one. */
export async function makeStandInElectronDist(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeStandInBinary(join(dir, 'electron'));
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  return dir;
}

/** The version of the electron devDependency, which the package is built for. */
export async function installedElectronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(p) : (await stat(p)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/renderer and dist/electron when they are missing or older than their
 * sources, so the package under test holds the code as it is now.
 */
export async function ensureBundlesBuilt(): Promise<void> {
  await ensureRendererBuilt();
  const sources = Math.max(await newestMtime(join(ROOT, 'electron')), await newestMtime(join(ROOT, 'shared')));
  const outputs = { main: join(ROOT, 'dist/electron/main.mjs'), preload: join(ROOT, 'dist/electron/preload.cjs') };
  const stale = (Object.keys(outputs) as (keyof typeof outputs)[]).filter((mode) => !existsSync(outputs[mode]) || statSync(outputs[mode]).mtimeMs < sources);
  if (stale.length === 0) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test; the bundles are production builds.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const mode of stale) await build({ configFile: join(ROOT, 'electron/vite.config.ts'), mode, logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = env;
  }
}

/** The npm packages an ES module bundle imports by bare name (`lowdb`, `@citation-js/core`), without Node built-ins and electron. */
export function bareImports(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^\s*(?:import|export)\s[^'";]*?["']([^"'./][^"']*)["']/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('node:') || spec === 'electron' || builtinModules.includes(spec)) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}

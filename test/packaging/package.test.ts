/**
 * Packs the app with electron-builder (`--dir`, Linux) against a stand-in Electron
 * distribution and inspects what came out: app.asar must hold the built app and
 * its runtime dependencies and nothing else (no sources, tests, source maps or dev
 * tools), and the afterPack hook must have flipped the binary's fuses.
 *
 * The stand-in (see support.ts) replaces the Electron download, which is not
 * possible here; electron-builder handles it like any unpacked distribution.
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Platform, build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron/builder/electron-builder.config.mjs';
import { ROOT, bareImports, ensureBundlesBuilt, installedElectronVersion, makeStandInElectronDist } from './support.ts';
import { LAZY_PACKAGES } from '../../electron/import/lazy.ts';

let tmp: string;
let appOutDir: string;
let asarPath: string;
let entries: Set<string>;

beforeAll(async () => {
  await ensureBundlesBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'nb-package-'));
  const electronDist = await makeStandInElectronDist(join(tmp, 'electron-dist'));
  const output = join(tmp, 'release');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist, electronVersion: await installedElectronVersion(), directories: { ...config.directories, output } },
  });
  appOutDir = join(output, 'linux-unpacked');
  asarPath = join(appOutDir, 'resources', 'app.asar');
  entries = new Set(listPackage(asarPath, { isPack: false }).map((p) => p.replace(/^[\\/]/, '').replaceAll('\\', '/')));
  const files = [...entries].filter((e) => !isDirectory(e));
  console.log(`app.asar: ${(statSync(asarPath).size / 1024 / 1024).toFixed(2)} MB, ${files.length} files`);
}, 90_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** An asar header lists directories and files alike; a directory entry carries `files`. */
const isDirectory = (entry: string) => 'files' in statFile(asarPath, entry, false);

const has = (entry: string) => entries.has(entry);

describe('the packaged app (electron-builder --dir, Linux)', () => {
  it('holds the bundled main process, the preload, the renderer, the sample notebook and package.json', () => {
    for (const file of ['package.json', 'dist/electron/main.mjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'assets/sample/sample.json']) {
      expect(has(file), file).toBe(true);
    }
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(has(pkg.main)).toBe(true);
  });

  it('ships the runtime dependencies the main bundle imports', () => {
    const imported = bareImports(extractFile(asarPath, 'dist/electron/main.mjs').toString('utf8'));
    // The bundle externalises these; if the list came back empty the check below would prove nothing.
    expect(imported).toEqual(expect.arrayContaining(['lowdb', 'zod']));
    // Packages loaded at first use (electron/import/lazy.ts) are not imports of the bundle, but must ship too.
    for (const name of [...imported, ...LAZY_PACKAGES]) expect(has(`node_modules/${name}/package.json`), name).toBe(true);
  });

  it('keeps the entry files of every shipped package, whatever the exclusion globs removed', () => {
    const manifests = [...entries].filter((e) => /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@]+\/package\.json$/.test(e));
    expect(manifests.length).toBeGreaterThan(10);
    const exists = (dir: string, rel: string) => {
      const p = join(dir, rel).replaceAll('\\', '/');
      return [p, `${p}.js`, `${p}/index.js`].some(has);
    };
    /** The files a package.json's "." export names under the conditions Node uses (node, import, require, default). */
    const entryFiles = (exp: unknown): string[] => {
      if (typeof exp === 'string') return [exp];
      if (!exp || typeof exp !== 'object') return [];
      const obj = exp as Record<string, unknown>;
      if ('.' in obj) return entryFiles(obj['.']);
      if (Object.keys(obj).some((k) => k.startsWith('./'))) return [];
      return ['node', 'import', 'require', 'default'].flatMap((c) => entryFiles(obj[c]));
    };
    for (const manifest of manifests) {
      const dir = manifest.slice(0, -'/package.json'.length);
      const pkg = JSON.parse(extractFile(asarPath, manifest).toString('utf8')) as { main?: string; exports?: unknown; types?: string };
      // A package of types only (type-fest, a dependency of warcio's dependencies) has no entry file to keep.
      const typesOnly = !pkg.main && !pkg.exports && pkg.types !== undefined;
      const files = [...entryFiles(pkg.exports), ...(pkg.main ? [pkg.main] : pkg.exports || typesOnly ? [] : ['index.js'])];
      for (const f of files) expect(exists(dir, f), `${dir}: ${f}`).toBe(true);
    }
  });

  it('keeps what the PDF reader loads, and leaves out the rest of pdfjs-dist', () => {
    for (const f of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps/Adobe-Japan1-UCS2.bcmap', 'standard_fonts/FoxitFixed.pfb'])
      expect(has(`node_modules/pdfjs-dist/${f}`), f).toBe(true);
    for (const f of ['web/pdf_viewer.mjs', 'legacy/build/pdf.worker.min.mjs', 'build/pdf.worker.mjs', 'legacy/build/pdf.sandbox.mjs']) expect(has(`node_modules/pdfjs-dist/${f}`), f).toBe(false);
  });

  it('finds the sample notebook where the bundled main process looks for it', () => {
    // electron/service/sample.ts reads new URL('../../assets/sample/sample.json', import.meta.url);
    // bundled, that module is dist/electron/main.mjs, also two levels below the app root. The URL
    // must survive bundling as a relative file URL: Node's readFile refuses a data: URL.
    const main = extractFile(asarPath, 'dist/electron/main.mjs').toString('utf8');
    expect(/data:application\/json;base64,/.test(main), 'the bundler inlined sample.json as a data: URL, which readFile cannot open').toBe(false);
    const paths = [...main.matchAll(/["'`]([^"'`\n]*sample\.json)["'`]/g)].map((m) => m[1]!);
    expect(paths.length, 'a relative path to sample.json in the bundle').toBeGreaterThan(0);
    for (const rel of paths) {
      const target = new URL(rel, 'file:///app/dist/electron/main.mjs').pathname.replace(/^\/app\//, '');
      expect(has(target), target).toBe(true);
    }
  });

  it('leaves out sources, tests, source maps and development tools', () => {
    const all = [...entries];
    expect(all.filter((e) => /\.(?:ts|tsx|mts|cts)$/.test(e))).toEqual([]);
    expect(all.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(all.filter((e) => /^(?:test|shared|renderer|electron|src)\//.test(e))).toEqual([]);
    expect(all.filter((e) => e.startsWith('assets/') && !e.startsWith('assets/sample'))).toEqual([]);
    for (const dev of ['vitest', 'typescript', 'vite', 'playwright-core', 'electron-builder', 'electron', '@electron/fuses', 'fast-check', 'tsx', 'esbuild']) {
      expect(has(`node_modules/${dev}`), dev).toBe(false);
    }
    // Nothing was left beside the archive either (an unpacked native module would be, such as
    // pdfjs-dist's optional @napi-rs/canvas, which the PDF reader does without).
    expect(statSync(join(appOutDir, 'resources')).isDirectory()).toBe(true);
    expect(() => statSync(join(appOutDir, 'resources', 'app.asar.unpacked'))).toThrow();
  });

  it('names the executable research-notebook and flips its fuses in the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'research-notebook'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });
});

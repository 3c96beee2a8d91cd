/**
 * Bundles the Electron side into dist/electron/. Two builds, chosen by --mode,
 * because they need different shapes:
 *
 * - `--mode main`    → dist/electron/main.mjs: ES module for Electron's Node; npm
 *   dependencies and Node built-ins stay external (loaded from node_modules).
 * - `--mode preload` → dist/electron/preload.cjs: ONE CommonJS file with everything
 *   inlined except `electron`, because a sandboxed preload cannot load modules.
 *
 *   npx vite build --config electron/vite.config.ts --mode main
 *   npx vite build --config electron/vite.config.ts --mode preload
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const isNodeExternal = (id: string) => id === 'electron' || id.startsWith('electron/') || id.startsWith('node:') || builtins.has(id) || dependencies.some((d) => id === d || id.startsWith(`${d}/`));

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  if (mode !== 'main' && !preload) throw new Error(`electron/vite.config.ts: use --mode main or --mode preload (got "${mode}")`);
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist/electron',
      // The two builds share the folder; neither may wipe the other's output.
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: preload ? 'electron/preload/index.ts' : 'electron/main/index.ts',
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.mjs'),
      },
      rolldownOptions: {
        external: preload ? (id: string) => id === 'electron' : isNodeExternal,
        output: preload ? { codeSplitting: false } : {},
      },
    },
  };
});

/**
 * Bundles the torture/soak writer (test/torture/child.ts) once per script run with
 * esbuild into one .mjs, so each of the thousands of child processes starts as plain
 * Node (no tsx compile per start). Packages stay external (resolved from the
 * project's node_modules, beside which the bundle is written); the test-only imports
 * the writer never calls (vitest, the CLI test helpers) are stubbed out.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

const STUB = 'export const expect = () => { throw new Error("not in the torture writer"); }; export const openService = expect; export const tempDir = expect;';

const stubs: Plugin = {
  name: 'torture-stubs',
  setup(build) {
    build.onResolve({ filter: /^vitest$|\/support\/notebook\.ts$/ }, (args) => ({ path: args.path, namespace: 'torture-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'torture-stub' }, () => ({ contents: STUB, loader: 'js' }));
  },
};

/** Returns the bundle's path (under node_modules/.cache/, so its packages resolve). */
export async function bundleChild(root: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outdir = join(root, 'node_modules', '.cache', 'notebook-torture');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `child-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, 'test/torture/child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    plugins: [stubs],
    banner: { js: "import { createRequire as __tortureRequire } from 'node:module'; const require = __tortureRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

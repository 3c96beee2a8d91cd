/**
 * Starting the `notebook` CLI fast with no build step for the user: the TypeScript
 * CLI is bundled by esbuild the first time it runs, cached beside the project in
 * node_modules/.cache/notebook-cli/<hash>/main.mjs, and imported from there by every
 * later run (about 3× the CPU of a bare `node -e 0`, against 25× through tsx).
 *
 * The hash covers the content of every file the bundle was made from (listed in the
 * cache's manifest.json, node_modules files included), this launcher, the tsconfig
 * files and the project's path, so changing, adding or deleting any source file makes
 * the next run rebuild, and a bundle never serves code other than what it was built
 * from. The small packages every command uses (commander, zod, lowdb) are bundled,
 * which spares Node resolving and compiling their dozens of files on each start; the
 * heavy ones stay in node_modules and load only in the commands that use them (see
 * electron/import/lazy.ts). Every dynamic `import()` of our own modules would become
 * its own chunk beside main.mjs, so it would stay lazy too.
 *
 * A concurrent first run never sees a half-written bundle: each builder writes its
 * files into a temporary folder and renames the folder into place (atomic), and a
 * builder that finds the folder already there uses that one. A cached bundle that
 * fails to load is built again. When esbuild is missing, the cache cannot be written
 * or a fresh bundle fails to load, or with NOTEBOOK_CLI=tsx (for development), the
 * CLI runs from the sources through tsx's loader instead.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LAUNCHER = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI of this checkout; NOTEBOOK_CLI_CACHE moves its cache (tests use a fresh one). */
export const PROJECT = {
  root: ROOT,
  entry: join(ROOT, 'electron/cli/main.ts'),
  cacheDir: process.env['NOTEBOOK_CLI_CACHE'] || join(ROOT, 'node_modules/.cache/notebook-cli'),
};

/** Files that shape the bundle without being imported by it (relative to the root; may be absent). */
const ALWAYS = ['tsconfig.json', 'electron/tsconfig.json', 'shared/tsconfig.json'];
/**
 * Packages never bundled: the heavy ones (loaded lazily, at the point of use), the
 * legacy-encoding tables, and the build tools. The bundle imports them by their
 * resolved file URL, so it runs from any cache folder.
 */
const EXTERNAL = /^(?:@citation-js\/[^/]+|@mozilla\/readability|linkedom|marked|sanitize-html|dompurify|iconv-lite|esbuild|tsx)(?:\/|$)/;
const ZOD_LOCALES = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/;
/** Temporary folders older than this were left by a crashed build and may go. */
const STALE_TMP_MS = 10 * 60_000;
/** Bundles of older sources kept besides the current one: a long-running `notebook serve` may still load chunks of its own. */
const KEEP_OLD_BUNDLES = 3;

const toPosix = (p) => p.split(sep).join('/');
const readOrNull = (file) => {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
};

/** The cache key of these files as `read` gives them (null: the file is absent). */
function keyOf(project, inputs, read) {
  const h = createHash('sha256').update(`notebook-cli\0${project.root}\0`).update(readFileSync(LAUNCHER)).update('\0');
  for (const rel of [...new Set([...inputs, ...ALWAYS])].sort()) {
    const content = read(rel);
    h.update(rel)
      .update(content === null ? '\0absent\0' : '\0present\0')
      .update(content ?? '')
      .update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

/** The cached bundle for the sources as they are now, or null when there is none. */
export function cachedBundle(project = PROJECT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(project.cacheDir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(manifest?.inputs)) return null;
  const file = join(
    project.cacheDir,
    keyOf(project, manifest.inputs, (rel) => readOrNull(join(project.root, rel))),
    'main.mjs',
  );
  return statSync(file, { throwIfNoEntry: false }) ? file : null;
}

/** Writes `content` to `file` so that no reader ever sees it half-written. */
function writeAtomic(file, content) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Puts the bundle's files into cacheDir/<key>/ all at once; returns its entry file. */
function install(project, key, files) {
  const dir = join(project.cacheDir, key);
  const tmp = join(project.cacheDir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  mkdirSync(tmp, { recursive: true });
  for (const f of files) writeFileSync(join(tmp, basename(f.path)), f.contents);
  try {
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // Another run installed the same sources first: its bundle is this one.
    if (!statSync(join(dir, 'main.mjs'), { throwIfNoEntry: false })) throw e;
  }
  return join(dir, 'main.mjs');
}

/** Removes bundles of older sources beyond the newest few, and what crashed builds left. */
function prune(project, keep) {
  const now = Date.now();
  const entries = readdirSync(project.cacheDir).map((name) => ({ name, mtimeMs: statSync(join(project.cacheDir, name), { throwIfNoEntry: false })?.mtimeMs ?? now }));
  const old = entries.filter((e) => /^[0-9a-f]{32}$/.test(e.name) && e.name !== keep).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const crashed = entries.filter((e) => e.name.endsWith('.tmp') && now - e.mtimeMs > STALE_TMP_MS);
  for (const e of [...old.slice(KEEP_OLD_BUNDLES), ...crashed]) rmSync(join(project.cacheDir, e.name), { recursive: true, force: true });
}

/**
 * Bundles the CLI and caches it; returns the bundle's entry file. Each source
 * module's `import.meta.url` becomes its source file's URL, so what it finds next to
 * itself (citation styles, the sample notebook, the built renderer) is found as when
 * it runs from the sources. The hash is taken of the very bytes esbuild was given.
 */
export async function buildBundle(project = PROJECT) {
  const esbuild = await import('esbuild');
  const contents = new Map();
  const record = {
    name: 'notebook-cli',
    setup(build) {
      build.onResolve({ filter: EXTERNAL }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
      // zod's `z.locales` namespace pulls its 60 translations of error messages (a third
      // of the bundle, compiled on every start); the CLI speaks English only.
      build.onLoad({ filter: ZOD_LOCALES }, () => ({ contents: 'export { default as en } from "./en.js";\n', loader: 'js' }));
      build.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace !== 'file') return undefined;
        const bytes = readFileSync(args.path);
        contents.set(toPosix(relative(project.root, args.path)), bytes);
        const ext = /\.([cm]?[jt]sx?)$/.exec(args.path)?.[1];
        if (!ext) return undefined;
        const loader = ext.replace(/^[cm]/, '');
        if (args.path.includes(`${sep}node_modules${sep}`)) return { contents: bytes, loader };
        const text = bytes.toString('utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents: text, loader, resolveDir: dirname(args.path) };
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [project.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    splitting: true,
    outdir: project.cacheDir,
    entryNames: 'main',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS packages (commander) require Node built-ins, and an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __notebookRequire } from 'node:module'; const require = __notebookRequire(import.meta.url);" },
    plugins: [record],
    logLevel: 'silent',
    legalComments: 'none',
  });
  const inputs = [...contents.keys()].sort();
  const key = keyOf(project, inputs, (rel) => contents.get(rel) ?? readOrNull(join(project.root, rel)));
  mkdirSync(project.cacheDir, { recursive: true });
  const file = install(project, key, result.outputFiles);
  writeAtomic(join(project.cacheDir, 'manifest.json'), JSON.stringify({ inputs }, null, 1));
  prune(project, key);
  return file;
}

/**
 * The CLI's `main`: from the cached bundle, built first when there is none. A cached
 * bundle that fails to load is removed and built again; only when a fresh one fails
 * too (or cannot be built) does the CLI run from the sources through tsx, which then
 * names the real error.
 */
export async function loadMain(project = PROJECT) {
  if (process.env['NOTEBOOK_CLI'] !== 'tsx') {
    for (const fresh of [false, true]) {
      const file = (!fresh && cachedBundle(project)) || (await buildBundle(project).catch(() => null)); // null: no esbuild, a read-only cache, or a syntax error
      if (!file) break;
      try {
        // A fresh bundle gets its own URL: Node remembers a module that failed to load under its old one.
        return (await import(`${pathToFileURL(file).href}${fresh ? '?fresh' : ''}`)).main;
      } catch {
        rmSync(dirname(file), { recursive: true, force: true });
        if (fresh) break;
      }
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import(pathToFileURL(project.entry).href)).main;
}

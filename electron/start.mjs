#!/usr/bin/env node
// `npm start`: builds what is needed and opens the notebook — in the desktop app
// when Electron is installed, otherwise in the browser mode (`notebook serve`),
// which prints the address to open.
//
//   node electron/start.mjs [--notebook DIR] [--port N] [--browser] [--no-build]
//
// --notebook defaults to $NOTEBOOK_DIR, then the app's default notebook folder;
// --port applies to the browser mode; --browser skips Electron; --no-build reuses
// the existing dist/ (the tests use it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** @returns {{ notebook?: string, port?: string, browser: boolean, build: boolean }} */
export function parseStartArgs(argv, env = process.env) {
  const o = { notebook: env.NOTEBOOK_DIR || undefined, port: undefined, browser: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => (a.startsWith(`${name}=`) ? a.slice(name.length + 1) : a === name ? argv[++i] : undefined);
    const notebook = value('--notebook');
    const port = notebook === undefined ? value('--port') : undefined;
    if (notebook !== undefined) o.notebook = notebook;
    else if (port !== undefined) o.port = port;
    else if (a === '--browser') o.browser = true;
    else if (a === '--no-build') o.build = false;
    else throw new Error(`unknown option "${a}" (use --notebook DIR, --port N, --browser, --no-build)`);
  }
  if (o.notebook !== undefined) o.notebook = resolve(o.notebook);
  return o;
}

/**
 * The Electron binary, or null. The electron package's index.js throws when its
 * postinstall never downloaded the binary, so requiring it is the test.
 */
export function findElectron(load = require) {
  try {
    const path = load('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

function buildRenderer() {
  if (!existsSync(resolve(ROOT, 'renderer/vite.config.ts'))) {
    process.stderr.write('renderer/vite.config.ts is missing, so the interface cannot be built yet; the notebook will say so.\n');
    return;
  }
  const vite = resolve(ROOT, 'node_modules/vite/bin/vite.js');
  run([vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], 'Building the interface');
}

function buildElectron() {
  const vite = resolve(ROOT, 'node_modules/vite/bin/vite.js');
  for (const mode of ['main', 'preload']) run([vite, 'build', '--config', 'electron/vite.config.ts', '--mode', mode, '--logLevel', 'warn'], `Building the app (${mode})`);
}

/** Runs a child to completion with the terminal attached; Ctrl+C goes to the child, which shuts down cleanly. */
function runAttached(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', () => {}); // the terminal already sent it to the child too
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** What main() does to the world; tests replace it. */
export const defaultDeps = { findElectron, buildRenderer, buildElectron, runAttached, stderr: (t) => process.stderr.write(t) };

export async function main(argv = process.argv.slice(2), deps = defaultDeps) {
  let options;
  try {
    options = parseStartArgs(argv);
  } catch (e) {
    deps.stderr(`npm start: ${e.message}\n`);
    return 2;
  }
  const electron = options.browser ? null : deps.findElectron();
  try {
    if (options.build) {
      deps.buildRenderer();
      if (electron) deps.buildElectron();
    }
  } catch (e) {
    deps.stderr(`npm start: ${e.message}\n`);
    return 1;
  }
  const notebookArgs = options.notebook ? ['--notebook', options.notebook] : [];
  if (electron) return deps.runAttached(electron, [resolve(ROOT, 'dist/electron/main.mjs'), ...notebookArgs]);
  if (!options.browser) deps.stderr('Electron is not available on this machine (its binary was never downloaded); starting the browser mode instead.\n');
  return deps.runAttached(process.execPath, [resolve(ROOT, 'electron/cli/notebook.mjs'), ...notebookArgs, 'serve', ...(options.port ? ['--port', options.port] : [])]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();

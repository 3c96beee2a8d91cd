/**
 * The real build artifacts (electron/vite.config.ts): the preload bundle must be
 * one CommonJS file that needs nothing but `electron` — a sandboxed preload can
 * load nothing else — and, run as Electron would run it, must expose exactly the
 * API methods. The main bundle must keep Electron and npm packages external.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { tempDir } from '../server/helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function buildMode(mode: 'main' | 'preload'): Promise<string> {
  const outDir = await tempDir(`nb-bundle-${mode}-`);
  await build({ configFile: join(ROOT, 'electron/vite.config.ts'), mode, logLevel: 'silent', build: { outDir, sourcemap: false } });
  return outDir;
}

describe('electron bundles', () => {
  it('builds the preload as one CommonJS file that requires only electron and exposes exactly the API', async () => {
    const outDir = await buildMode('preload');
    expect((await readdir(outDir)).sort()).toEqual(['preload.cjs']);
    const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => void exposed.set(k, v) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    // Like a sandboxed preload: a `require` that knows only electron, no Node globals.
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require "${id}"`);
        return fakeElectron;
      },
    });
    expect([...new Set(required)]).toEqual(['electron']);
    expect(Object.keys(exposed.get('notebook') ?? {}).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(exposed.get('notebookApp') ?? {})).toEqual(['onMenu', 'onEvent']);
  });

  it('builds the main process as one ES module with electron and npm packages left external', async () => {
    const outDir = await buildMode('main');
    const files = (await readdir(outDir)).sort();
    const code = await readFile(join(outDir, 'main.mjs'), 'utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toContain('electron');
    expect(imports).toContain('zod');
    // Besides the entry only the suggestion worker's chunks (electron/service/off-thread.ts): the
    // worker's module, which the entry loads on demand with import(), and the code both share.
    for (const rel of imports.filter((i) => i!.startsWith('.'))) expect(files).toContain(rel!.slice(2));
    const chunks = files.filter((f) => f !== 'main.mjs');
    expect(files).toContain('main.mjs');
    for (const c of chunks) expect(c).toMatch(/^suggest(-work)?-[\w-]+\.js$/);
    const dynamic = [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
    expect(dynamic.some((d) => /^suggest-work-/.test(d!))).toBe(true);
    expect(code).toContain('app://notebook');
  });
});

/**
 * The import table from the README, enforced: shared/ is pure, renderer/ never
 * reaches Node or Electron, electron/ never reaches into renderer/. (The per-folder
 * tsconfig projects catch Node *globals*; this catches imports.)
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/notebook.ts';
import { files, imports } from './imports.ts';

const NODE_BUILTIN = /^(node:|fs$|path$|os$|crypto$|child_process$|http$|url$|stream$|worker_threads$)/;

function violations(folder: string, forbidden: (spec: string, file: string) => boolean): string[] {
  const bad: string[] = [];
  for (const f of files(join(ROOT, folder))) {
    if (/vite\.config|\.config\./.test(f)) continue; // build configs run in Node by design
    for (const spec of imports(f)) if (forbidden(spec, f)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
  }
  return bad;
}

describe('layering', () => {
  it('shared/ imports nothing from Node, Electron, the DOM side or the Node side', () => {
    expect(violations('shared', (s) => NODE_BUILTIN.test(s) || s === 'electron' || /(^|\/)(electron|renderer|test)\//.test(s) || ['react', 'react-dom', 'lowdb', 'dompurify'].includes(s))).toEqual([]);
  });

  it('renderer/ imports nothing from Node, Electron or the Node side', () => {
    expect(violations('renderer', (s) => NODE_BUILTIN.test(s) || s === 'electron' || s.startsWith('lowdb') || /(^|\/)(electron|test)\//.test(s))).toEqual([]);
  });

  it('shared/model never imports shared/api (the API is built on the model, not the other way round)', () => {
    expect(violations('shared/model', (s) => /(^|\/)api\//.test(s))).toEqual([]);
  });

  it('renderer/ never imports zod itself (schemas are checked by the service; the page gets typed values)', () => {
    expect(violations('renderer', (s) => s === 'zod' || s.startsWith('zod/'))).toEqual([]);
  });

  it('electron/ never imports renderer code', () => {
    expect(violations('electron', (s) => /(^|\/)renderer\//.test(s))).toEqual([]);
  });

  it('catches a violation when one exists (the checker itself works)', () => {
    expect(imports(join(ROOT, 'electron/storage/store.ts'))).toContain('node:fs/promises');
  });
});

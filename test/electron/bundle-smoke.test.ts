/**
 * The bundled main process (dist/electron/main.mjs, what the packaged app runs) is
 * loaded in plain Node with a stand-in `electron` module. This catches what only
 * bundling can break — e.g. Vite inlining `new URL('./x', import.meta.url)` as a
 * data: URL that module-level code then cannot read — before a user's app does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBundlesBuilt, ROOT } from '../packaging/support.ts';

describe('the bundled main process', () => {
  it('loads and runs its start-up code without error', async () => {
    await ensureBundlesBuilt(); // rebuilds dist/ when it is older than the sources
    const script = `await import(${JSON.stringify(join(ROOT, 'dist/electron/main.mjs'))}); console.log('loaded');`;
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/electron/fixtures/electron-stub-register.mjs'), '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.stdout.trim()).toBe('loaded');
  }, 180_000);
});

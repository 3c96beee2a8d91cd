/**
 * The suggestions thread works from the CLI's bundle, not only from the sources:
 * esbuild makes suggest-work.ts a chunk of its own that imports shared chunks but
 * never the entry (which would run the CLI inside the thread), that chunk reports
 * its own URL (not the source file's, which the bundler's import.meta.url rewrite
 * would give), and a worker started on it the way off-thread.ts starts one answers
 * with the suggestions computed in place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildBundle, cachedBundle } from '../../electron/cli/launch.mjs';
import { BOOT } from '../../electron/service/off-thread.ts';
import { computeSuggestions, WORKER_MARK } from '../../electron/service/suggest-work.ts';

const INPUT = {
  text: 'Silt at the north berth rose by almost 12% in March.\n\nDredgers moved about 1,800 tonnes a week, up from 1,200 tonnes.',
  decisions: { accepted: [], dismissed: [] },
  published: '2025-04-02',
};

describe('the suggestions thread in the CLI bundle', () => {
  it('loads its own chunk and answers as the detector does in place', async () => {
    const entry = (cachedBundle() as string | null) ?? ((await buildBundle()) as string);
    const dir = dirname(entry);
    const chunks = readdirSync(dir).filter((n) => n.endsWith('.mjs') && readFileSync(join(dir, n), 'utf8').includes(`"${WORKER_MARK}"`));
    expect(chunks).toHaveLength(1);
    const chunk = join(dir, chunks[0]!);
    expect(chunks[0]).not.toBe('main.mjs');
    expect(readFileSync(chunk, 'utf8')).not.toMatch(/from\s+["']\.\/main\.mjs["']/);
    // What off-thread.ts hands the worker: the chunk's own address.
    const loaded = (await import(pathToFileURL(chunk).href)) as { moduleUrl: string };
    expect(loaded.moduleUrl).toBe(pathToFileURL(chunk).href);

    const worker = new Worker(BOOT, { eval: true, workerData: { url: pathToFileURL(chunk).href, tsx: null, mark: WORKER_MARK } });
    try {
      const got: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: { ready?: true; fatal?: string; part?: unknown[]; done?: true; error?: string }) => {
          if (m.fatal !== undefined || m.error !== undefined) reject(new Error(m.fatal ?? m.error));
          else if (m.ready) worker.postMessage({ id: 1, input: INPUT });
          else if (m.part) {
            got.push(...m.part);
            worker.postMessage({ id: 1, next: true });
          } else if (m.done) resolve();
        });
      });
      const expected = computeSuggestions(INPUT);
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(got).toEqual(expected);
    } finally {
      await worker.terminate();
    }
  });
});

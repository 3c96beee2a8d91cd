/**
 * A source's suggested figures computed off the service's event loop, in one
 * worker_thread kept for the process (started on first need, never keeping the
 * process alive when idle), so listing the suggestions of a 100,000-line source
 * never holds up other requests. Measured with test/bench/responsive.ts: before,
 * that listing held the loop for one stretch of 4.4 s of CPU; now its longest
 * stretch is 13 ms, for 12% more CPU in all (5.3 → 6.0 s: the copies both ways).
 *
 * Why a thread and not slices (as search.ts and conflicts.ts do): figure detection
 * (shared/claims, via shared/model/suggest.ts) reads a whole text in one call — an
 * ambiguous "$" or "¥" takes its reading from the places the whole text mentions —
 * so cutting the text into pieces would change the answers, and the detector has no
 * steps to yield between. In a thread it runs unchanged; the loop only pays for
 * copying the text there and the suggestions back (structured clone, in parts of
 * suggest-work.ts PART, one message each, so the loop turns between them), measured
 * in test/bench/responsive.ts. Short texts (under THREAD_FROM characters, well under
 * 100 ms of detection) are computed in place: a round trip would cost more.
 *
 * How the worker finds its code in every build: suggest-work.ts is imported here
 * only dynamically, so each bundler makes it a chunk of its own (esbuild's CLI
 * bundle, electron/cli/launch.mjs; rolldown's Electron main bundle,
 * electron/vite.config.ts — both put shared code in shared chunks, never in the
 * entry), and it exports its own `import.meta.url`; the worker imports that URL.
 * Run from the TypeScript sources (tsx, vitest), that URL is a .ts file, and the
 * worker registers tsx's loader first. If the thread cannot start or dies, the
 * suggestions are computed in place, as before: slower to wait behind, never wrong.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { claimedFigures, sourceSuggestions } from '../../shared/model/suggest.ts';
import type { SourceMeta } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';
import type { SuggestInput, Suggestions } from './suggest-work.ts';
import { slicer } from './slices.ts';

/** Texts at least this long are read in the thread (detection runs at about 1–2 µs per character). */
export const THREAD_FROM = 50_000;

/** The worker's bootstrap (CommonJS, evaluated): tsx's loader when the code is TypeScript, then the work module. */
export const BOOT = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.url);
})().catch((e) => parentPort.postMessage({ fatal: String((e && e.stack) || e) }));
`;

type Pending = { parts: Suggestions[]; resolve: (v: Suggestions) => void; reject: (e: Error) => void };

class SuggestionThread {
  private worker: Promise<Worker> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the thread failed to start or died: everything is computed in place from then on. */
  broken = false;
  /** How many answers came from the thread (for tests). */
  answered = 0;

  private start(): Promise<Worker> {
    this.worker ??= (async () => {
      const work = await import('./suggest-work.ts');
      const ts = work.moduleUrl.endsWith('.ts');
      // tsx's ESM API (its package exports name the .mjs beside the .cjs that require resolves)
      const tsx = ts
        ? pathToFileURL(
            createRequire(work.moduleUrl)
              .resolve('tsx/esm/api')
              .replace(/\.cjs$/, '.mjs'),
          ).href
        : null;
      const worker = new Worker(BOOT, { eval: true, workerData: { url: work.moduleUrl, tsx, mark: work.WORKER_MARK }, ...(ts ? { execArgv: [] } : {}) });
      worker.unref();
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (m: { ready?: true; fatal?: string; id?: number; part?: Suggestions; done?: true; error?: string }) => {
          if (m.ready) return resolve();
          if (m.fatal !== undefined) return reject(new Error(m.fatal));
          const p = this.pending.get(m.id!);
          if (!p) return;
          if (m.part) {
            p.parts.push(m.part);
            // The next part after a turn of the loop (see suggest-work.ts PART).
            return void setImmediate(() => worker.postMessage({ id: m.id, next: true }));
          }
          this.pending.delete(m.id!);
          if (this.pending.size === 0) worker.unref();
          if (m.error !== undefined) p.reject(new Error(m.error));
          else {
            this.answered++;
            p.resolve(p.parts.flat());
          }
        });
        const fail = (e: Error) => {
          this.broken = true;
          reject(e);
          for (const p of this.pending.values()) p.reject(e);
          this.pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`the suggestions thread stopped (exit code ${code})`)));
      });
      return worker;
    })();
    return this.worker;
  }

  async run(input: SuggestInput): Promise<Suggestions> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<Suggestions>((resolve, reject) => {
      this.pending.set(id, { parts: [], resolve, reject });
      worker.ref(); // an answer is awaited: the process stays up for it
      worker.postMessage({ id, input });
    });
  }
}

export const suggestionThread = new SuggestionThread();

/**
 * The suggestions of `text` (the source's current text or a stretch of it), as
 * shared/model/suggest.ts `sourceSuggestions` gives them: from the thread for a long
 * text, in place otherwise. `claimedBy` is left for the caller when `claimed` is
 * false (a stretch's figures are matched against the whole text's offsets).
 */
export async function suggestionsOf(view: NotebookView, source: SourceMeta, text: string, claimed = true): Promise<Suggestions> {
  if (text.length < THREAD_FROM || suggestionThread.broken) return sourceSuggestions(view, source, text);
  let list: Suggestions;
  try {
    list = await suggestionThread.run({ text, decisions: source.suggestions, published: source.published ?? null });
  } catch {
    return sourceSuggestions(view, source, text);
  }
  if (!claimed) return list;
  const claimedBy = claimedFigures(view, source);
  // The thread's copies are ours: filled in place, in slices (tens of thousands of figures in a long source).
  const pause = slicer();
  for (const s of list) {
    s.claimedBy = claimedBy(s.figure);
    const p = pause();
    if (p) await p;
  }
  return list;
}

/** The work of the suggestions thread (off-thread.ts): a source's suggested figures, computed in a worker_thread. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sourceSuggestions } from '../../shared/model/suggest.ts';
import type { SourceMeta } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';

/**
 * Where this module is once bundled (a chunk of its own: off-thread.ts imports it
 * only dynamically): the worker loads it from here. Read through `meta`, because
 * the CLI's bundler rewrites the literal `import.meta` + `.url` to the source
 * file's URL (electron/cli/launch.mjs), and the worker wants the chunk.
 */
const meta = import.meta;
export const moduleUrl = meta.url;

/** The marker off-thread.ts puts in a worker's data, so this module listens only in a thread started for it. */
export const WORKER_MARK = 'notebook-suggestions';

export interface SuggestInput {
  text: string;
  decisions: SourceMeta['suggestions'];
  published: string | null;
}

export type Suggestions = ReturnType<typeof sourceSuggestions>;

/**
 * Suggestions sent back per message. Copying a message into the service thread
 * blocks it for as long as the copy takes (90,000 suggestions: about 2 s); parts
 * of this size cost a few ms each. The next part is sent only when the service
 * thread asks for it (`next`), after a turn of its loop: Node reads every message
 * already waiting on a port in one go, so parts sent at once would block as long
 * as one big message.
 */
export const PART = 500;

/** No quotes and no claims: which claim already states a figure is found in the service thread, which holds the notebook. */
const NO_QUOTES = { quotesOf: () => [] } as unknown as NotebookView;

/** The suggestions of a text with its stored decisions, every `claimedBy` null. */
export function computeSuggestions(input: SuggestInput): Suggestions {
  const source = { id: 'worker', suggestions: input.decisions, published: input.published } as unknown as SourceMeta;
  return sourceSuggestions(NO_QUOTES, source, input.text);
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) {
  const port = parentPort;
  const outgoing = new Map<number, { value: Suggestions; at: number }>();
  const send = (id: number) => {
    const o = outgoing.get(id);
    if (!o) return;
    if (o.at >= o.value.length) {
      outgoing.delete(id);
      return port.postMessage({ id, done: true });
    }
    port.postMessage({ id, part: o.value.slice(o.at, o.at + PART) });
    o.at += PART;
  };
  port.on('message', (m: { id: number; input?: SuggestInput; next?: true }) => {
    if (m.next) return send(m.id);
    try {
      outgoing.set(m.id, { value: computeSuggestions(m.input!), at: 0 });
      send(m.id);
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ ready: true });
}

/**
 * Reaching a notebook from a process that may not be its host: through the live
 * host if there is one, else by opening it here. A notebook locked by a process
 * that is not (or not yet) a host — another CLI command for a moment, or a host
 * still starting — is retried for a short while before its lock error is shown.
 */
import { NotebookError } from '../../shared/result.ts';
import { findHost } from './client.ts';
import type { HostClient } from './client.ts';
import { openNotebook } from './open.ts';
import type { NotebookOpenOptions, OpenedNotebook } from './open.ts';

export type Attached = { via: 'host'; client: HostClient } | { via: 'local'; notebook: OpenedNotebook };

/** How long a locked notebook without a host is retried. */
export const LOCKED_RETRY_MS = 3000;

export async function attachNotebook(dir: string, options: NotebookOpenOptions, retryMs = LOCKED_RETRY_MS): Promise<Attached> {
  const deadline = Date.now() + retryMs;
  for (;;) {
    const client = await findHost(dir);
    if (client) return { via: 'host', client };
    try {
      return { via: 'local', notebook: await openNotebook(dir, options) };
    } catch (e) {
      if (!(e instanceof NotebookError && e.code === 'locked') || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

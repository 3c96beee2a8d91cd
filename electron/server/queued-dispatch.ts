/**
 * One notebook call through the call queue, the way every adapter (HTTP, IPC, the
 * host's socket, the File menu) makes it: what the call needs done before its turn —
 * reading an import's files, which needs no notebook state — starts at once, and the
 * call joins the queue when that is done (see electron/service/import-reads.ts), so a
 * long read never holds the requests queued after it.
 */
import { READ_METHODS } from '../../shared/api/contract.ts';
import type { ApiMethod, ApiResults, NotebookHandlers } from '../../shared/api/contract.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import type { Result } from '../../shared/result.ts';
import type { CallQueue } from './call-queue.ts';

/** A service that can start a call's work ahead of its turn. */
interface Preparing {
  prepare(method: string, args: unknown): { ready: Promise<void>; done: () => void } | null;
}

export async function queuedDispatch<M extends ApiMethod>(
  queue: CallQueue,
  service: NotebookHandlers,
  method: M | string,
  args: unknown,
  run: () => Promise<Result<ApiResults[M]>> = () => dispatch<M>(service, method, args),
): Promise<Result<ApiResults[M]>> {
  const early = (service as Partial<Preparing>).prepare?.(method, args) ?? null;
  try {
    await early?.ready;
    return await queue(run, READ_METHODS.has(method) ? 'read' : 'write');
  } finally {
    early?.done();
  }
}

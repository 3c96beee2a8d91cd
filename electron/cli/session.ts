/**
 * How a CLI command reaches the notebook: through the running host (the app or
 * `notebook serve`) when there is one, else by opening the notebook itself for the
 * length of the command. Either way each call goes through `dispatch` and comes
 * back as the same Result, so a command prints the same output both ways.
 */
import type { ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookError } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import { attachNotebook } from '../host/attach.ts';
import { findHost } from '../host/client.ts';
import { describeHost } from '../host/record.ts';
import { pendingQuarantine } from '../storage/quarantine.ts';
import { NotebookStore } from '../storage/store.ts';
import type { OpenOptions } from '../storage/store.ts';

export class Session {
  constructor(
    private readonly send: (method: ApiMethod, args: unknown) => Promise<Result<unknown>>,
    /** The host this session talks to, in the user's words; null when the command opened the notebook itself. */
    readonly host: string | null = null,
  ) {}
  /** Calls one contract method; an expected failure becomes a NotebookError for the CLI to print. */
  async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
    const r = (await this.send(method, args)) as Result<ApiResults[M]>;
    if (!r.ok) throw new NotebookError(r.error.code, r.error.message);
    return r.value;
  }
}

/** A command that has already said why it failed (on stderr) and only needs its exit code. */
export class CommandFailed extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * Runs `fn` with a session on the notebook at `dir`, through its host if one runs;
 * closes what it opened. What opening had to repair (store.recovery) goes to `warn`.
 */
export async function withNotebook<T>(dir: string, write: OpenOptions['write'], fn: (s: Session) => Promise<T>, warn: (line: string) => void = () => {}): Promise<T> {
  const attached = await attachNotebook(dir, { write, load: 'lazy' });
  if (attached.via === 'host') {
    try {
      return await fn(new Session((m, a) => attached.client.call(m, a), describeHost(attached.client.record)));
    } finally {
      attached.client.close();
    }
  }
  const nb = attached.notebook;
  try {
    return await fn(new Session((m, a) => nb.queue(() => dispatch(nb.service, m, a))));
  } finally {
    // After the command: records the command read may have had something to report too.
    for (const line of nb.store.recovery) warn(line);
    await nb.close();
  }
}

/**
 * `notebook restore` needs the whole folder to itself, so it cannot run beside a
 * host. A notebook that a host has open loaded cleanly, so there is normally
 * nothing to restore; if there is, the reason names the host to close first.
 */
export async function restoreNotebook(dir: string, discard: boolean): Promise<Awaited<ReturnType<typeof NotebookStore.restore>>> {
  const host = await findHost(dir);
  if (!host) return NotebookStore.restore(dir, discard);
  host.close();
  if ((await pendingQuarantine(dir)).length === 0) return { restored: [], discarded: [], unlinked: 0 };
  throw new NotebookError('locked', `cannot restore while ${describeHost(host.record)} has the notebook open; close it there, then run \`notebook restore\` again`);
}

/**
 * `notebook serve [--port N]`: the browser mode. Opens the notebook with the
 * writer lock and hosts it (other `notebook` commands send their calls to it, see
 * electron/host/), serves the built renderer and the API on 127.0.0.1, prints
 * exactly one line — the URL with its one-time token — and runs until
 * SIGINT/SIGTERM, when it stops hosting, closes the server and releases the lock.
 * A notebook another process already hosts (the app, or another `serve`) is not
 * served twice: the command refuses in one line naming that host, because a page
 * of a second server would not see the edits made through the first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { NotebookError } from '../../shared/result.ts';
import { startServer } from '../server/server.ts';
import { findHost } from '../host/client.ts';
import { describeHost } from '../host/record.ts';

/** The renderer as Vite builds it, relative to this file (electron/cli → dist/renderer). */
export const RENDERER_DIST = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new NotebookError('invalid_argument', `"${v}" is not a port number (0–65535; 0 picks a free one)`);
  return n;
}

/** Resolves on the first SIGINT or SIGTERM; `dispose` stops listening (restoring the default exit). */
function stopSignal(): { stopped: Promise<NodeJS.Signals>; dispose(): void } {
  let on: (signal: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    on = (signal) => {
      dispose();
      resolve(signal);
    };
  });
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return { stopped, dispose };
}

export function registerServe(program: Command, notebookDir: () => string, io: { out(t: string): void; err(t: string): void }): void {
  program
    .command('serve')
    .description('open the notebook in your web browser: serves it on 127.0.0.1 and prints the address to open')
    .option('--port <n>', 'the port to listen on (0 = any free port)', parsePort, 0)
    .option('--json', 'print the address as one JSON document ({"url", "port"}) instead of a sentence')
    .action(async (o: { port: number; json?: boolean }) => {
      // Listen for the signal before starting, so a Ctrl+C during start-up still releases the lock.
      const stop = stopSignal();
      const host = await findHost(notebookDir());
      if (host) {
        host.close();
        stop.dispose();
        throw new NotebookError(
          'locked',
          `the notebook at ${notebookDir()} is already open in ${describeHost(host.record)}; ${host.record.kind === 'app' ? 'use it there' : 'use the address it printed'}, or close it first`,
        );
      }
      const server = await startServer({ notebookDir: notebookDir(), port: o.port, staticDir: RENDERER_DIST }).catch((e: NodeJS.ErrnoException) => {
        stop.dispose();
        if (e.code === 'EADDRINUSE') throw new NotebookError('io', `port ${o.port} is already in use; try --port 0 for a free one`);
        if (e.code === 'EACCES') throw new NotebookError('io', `not allowed to listen on port ${o.port}`);
        throw e;
      });
      io.out(o.json ? JSON.stringify({ url: server.url, port: server.port }) : `Research Notebook is running at ${server.url}`);
      if (!existsSync(join(RENDERER_DIST, 'index.html'))) io.err('note: the interface has not been built yet; run `npm run build`, then reload the page.');
      await stop.stopped;
      await server.close();
    });
}

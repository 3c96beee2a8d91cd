/**
 * The host's endpoint: the notebook API for other processes of the same user (the
 * `notebook` CLI, a second window, a second app), on a local socket.
 *
 * Threat model. The notebook is the user's private data; the endpoint must give
 * nobody else a way in and must not become a way to corrupt it.
 * - Other users on the machine: the socket lives in a folder only the user can
 *   enter (address.ts) and is itself mode 0600; on Windows the pipe has a random
 *   name. Behind that wall, every frame must carry the secret from .host.json
 *   (mode 0600, readable only by the user), compared in constant time.
 * - Web pages (the threat the browser-mode server guards against): a browser cannot
 *   open a Unix socket or a named pipe, so no page can reach this endpoint at all.
 * - Other programs of the same user: they can read .host.json and the notebook
 *   folder itself, so the endpoint gives them nothing they do not already have; it
 *   only makes sure that what they send goes through the same doors as the app's
 *   own calls: `dispatch` (the contract's validation) and the same call queue, so
 *   a CLI write never interleaves with a window's.
 * - Malformed input (a wrong secret, a frame that is not a request, a line over
 *   the size limit): answered with one clear error and the connection is closed;
 *   nothing reaches the service, so nothing changes.
 * Not defended: a process running as the user that replaces the app's files or
 * attaches a debugger; that user already owns the notebook.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { NotebookHandlers } from '../../shared/api/contract.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { queuedDispatch } from '../server/queued-dispatch.ts';
import { err, ok } from '../../shared/result.ts';
import type { CallQueue } from '../server/call-queue.ts';
import { HELLO, MAX_REQUEST_BYTES, SUBSCRIBE, readLines, writeFrame } from './frames.ts';
import type { HelloInfo, RequestFrame } from './frames.ts';

/** Constant-time comparison; hashing first makes it constant-time whatever the lengths. */
export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function parseRequest(line: string): RequestFrame | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'the frame is not valid JSON';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'the frame is not a JSON object';
  const f = v as Record<string, unknown>;
  if (!Number.isSafeInteger(f['id'])) return 'the frame has no numeric "id"';
  if (typeof f['method'] !== 'string') return 'the frame has no "method"';
  return { id: f['id'] as number, secret: f['secret'] as string, method: f['method'], args: f['args'] };
}

/** A service that publishes its committed writes (electron/service/service.ts), so callers can follow them. */
export type HostedService = NotebookHandlers & { onEvent?(listener: (event: NotebookEvent) => void): () => void };

export interface EndpointOptions {
  address: string;
  secret: string;
  service: HostedService;
  queue: CallQueue;
  info: Omit<HelloInfo, 'protocol'> & { protocol: number };
}

export interface Endpoint {
  address: string;
  close(): Promise<void>;
}

export async function startEndpoint(o: EndpointOptions): Promise<Endpoint> {
  const sockets = new Set<Socket>();
  let closing: Promise<void> | null = null;
  const refused = new WeakSet<Socket>();
  const refuse = (socket: Socket, id: number | null, message: string) => {
    writeFrame(socket, { id, result: err('invalid_argument', message) });
    // Nothing after a refusal is read, not even the rest of the same chunk.
    refused.add(socket);
    socket.end();
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    readLines(
      socket,
      MAX_REQUEST_BYTES,
      (line) => {
        if (refused.has(socket)) return;
        const frame = parseRequest(line);
        if (typeof frame === 'string') return refuse(socket, null, `refused: ${frame}`);
        if (!secretMatches(o.secret, frame.secret)) return refuse(socket, frame.id, "refused: wrong secret for this notebook's host");
        if (frame.method === HELLO) return writeFrame(socket, { id: frame.id, result: ok(o.info) });
        if (frame.method === SUBSCRIBE) {
          // From now on every committed write (and judgement) is pushed on this connection, until it closes.
          const off = o.service.onEvent?.((event) => writeFrame(socket, { id: null, event, result: ok(null) }));
          if (off) socket.once('close', off);
          return writeFrame(socket, { id: frame.id, result: off ? ok(null) : err('internal', 'this host does not publish its changes') });
        }
        const method = frame.method;
        // A call queued behind the host's own close (a notebook switch) must not reach the closed store.
        const run = () => (closing ? Promise.resolve(err('io', 'the host closed the notebook before this call ran; run it again')) : dispatch(o.service, method, frame.args));
        void queuedDispatch(o.queue, o.service, method, frame.args, run).then((result) => writeFrame(socket, { id: frame.id, result }));
      },
      () => refuse(socket, null, `refused: a frame larger than ${Math.round(MAX_REQUEST_BYTES / 1048576)} MB`),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') await chmod(o.address, 0o600);

  return {
    address: o.address,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      })),
  };
}

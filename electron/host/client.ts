/**
 * The caller's side of a host: finds the notebook's host from its record, checks
 * it is live (the pid exists AND the endpoint answers a handshake with the
 * secret, naming the same pid), and then sends contract calls to it. Anything
 * else — no record, a dead pid, an endpoint that refuses or does not answer in
 * time — means there is no host, and the caller opens the notebook itself.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { API_METHODS } from '../../shared/api/contract.ts';
import type { ApiMethod, NotebookHandlers } from '../../shared/api/contract.ts';
import { err } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { HELLO, SUBSCRIBE, readLines, writeFrame } from './frames.ts';
import type { HelloInfo, ResponseFrame } from './frames.ts';
import { HOST_PROTOCOL, describeHost, pidAlive, readHostRecord } from './record.ts';
import type { HostRecord } from './record.ts';

/** How long a handshake may take before the host counts as not answering. */
export const HANDSHAKE_TIMEOUT_MS = 2000;

export interface HostClient {
  readonly record: HostRecord;
  call(method: string, args: unknown): Promise<Result<unknown>>;
  /** Follows the host's committed writes (the same events its own windows get); returns the unsubscribe. */
  onEvent(listener: (event: NotebookEvent) => void): () => void;
  /** Called once when the connection to the host is lost. */
  onClose(listener: () => void): void;
  close(): void;
}

function open(address: string): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(address);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolvePromise(socket);
    });
    socket.once('error', reject);
  });
}

/** Connects and shakes hands; null when the endpoint is not the live host of `dir`. */
export async function connectHost(dir: string, record: HostRecord, timeoutMs = HANDSHAKE_TIMEOUT_MS): Promise<HostClient | null> {
  let socket: Socket;
  try {
    socket = await open(record.endpoint);
  } catch {
    return null;
  }
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(event: NotebookEvent) => void>();
  const closed = new Set<() => void>();
  let subscribed = false;
  let nextId = 1;
  const gone = (why: string) => {
    for (const settle of pending.values()) settle(err('io', `${describeHost(record)} ${why} before answering; run the command again`));
    pending.clear();
  };
  socket.on('error', () => gone('closed the connection'));
  socket.on('close', () => {
    gone('closed the connection');
    for (const l of closed) l();
    closed.clear();
  });
  readLines(
    socket,
    Infinity,
    (line) => {
      let frame: ResponseFrame;
      try {
        frame = JSON.parse(line) as ResponseFrame;
      } catch {
        return void socket.destroy();
      }
      if (frame.event) {
        for (const l of listeners) l(frame.event);
        return;
      }
      const settle = frame.id === null ? [...pending.values()][0] : pending.get(frame.id);
      if (frame.id !== null) pending.delete(frame.id);
      settle?.(frame.result);
    },
    () => socket.destroy(),
  );
  const call = (method: string, args: unknown) =>
    new Promise<Result<unknown>>((settle) => {
      if (socket.destroyed) return settle(err('io', `${describeHost(record)} closed the connection; run the command again`));
      const id = nextId++;
      pending.set(id, settle);
      writeFrame(socket, { id, secret: record.secret, method, args });
    });
  const client: HostClient = {
    record,
    call,
    onEvent(listener) {
      listeners.add(listener);
      if (!subscribed) {
        subscribed = true;
        void call(SUBSCRIBE, {});
      }
      return () => void listeners.delete(listener);
    },
    onClose: (listener) => void closed.add(listener),
    close: () => void socket.end(),
  };

  let timer: NodeJS.Timeout | undefined;
  const hello = await Promise.race([call(HELLO, {}), new Promise<null>((r) => (timer = setTimeout(() => r(null), timeoutMs)))]);
  clearTimeout(timer);
  const info = hello?.ok ? (hello.value as HelloInfo) : null;
  if (!info || info.protocol !== HOST_PROTOCOL || info.pid !== record.pid || resolve(info.dir) !== resolve(dir)) {
    socket.destroy();
    return null;
  }
  return client;
}

/** The live host of the notebook at `dir`, connected, or null (no record, or a stale one). */
export async function findHost(dir: string, timeoutMs = HANDSHAKE_TIMEOUT_MS): Promise<HostClient | null> {
  const record = await readHostRecord(dir);
  if (!record || !pidAlive(record.pid)) return null;
  return connectHost(dir, record, timeoutMs);
}

/** The contract's handlers, each one a call to the host (which validates again and runs it in its queue). */
export function remoteHandlers(client: HostClient): NotebookHandlers {
  const handlers = {} as Record<ApiMethod, (args: unknown) => Promise<Result<unknown>>>;
  for (const method of API_METHODS) handlers[method] = (args) => client.call(method, args);
  return handlers as unknown as NotebookHandlers;
}

/**
 * The host protocol's framing: one JSON document per line (newline-delimited
 * JSON; JSON.stringify never writes a raw newline). A request is
 * `{"id", "secret", "method", "args"}`, a response `{"id", "result"}` where result is
 * the contract's Result envelope; a pushed change is `{"id": null, "event"}`. The reader refuses a line longer than its limit
 * before buffering more of it, so a stuck or hostile peer cannot grow memory
 * without bound.
 */
import type { Socket } from 'node:net';
import { MAX_IMPORT_BATCH_BYTES } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';

/** The largest request: an import batch in base64 (4/3 of its bytes) plus the JSON around it. */
export const MAX_REQUEST_BYTES = Math.ceil((MAX_IMPORT_BATCH_BYTES * 4) / 3) + 1024 * 1024;

/** The handshake's method name: not a contract method, answered by the endpoint itself. */
export const HELLO = 'hello';
/** Asks the host to push every committed write on this connection (for a window that is the host's client). */
export const SUBSCRIBE = 'subscribe';

export interface RequestFrame {
  id: number;
  secret: string;
  method: string;
  args?: unknown;
}
export interface ResponseFrame {
  id: number | null;
  result: Result<unknown>;
  /** A pushed change (id null), on a connection that asked for them with SUBSCRIBE. */
  event?: NotebookEvent;
}
/** What the host says about itself in answer to a handshake. */
export interface HelloInfo {
  protocol: number;
  pid: number;
  dir: string;
  kind: string;
}

export function writeFrame(socket: Socket, frame: RequestFrame | ResponseFrame): void {
  if (!socket.destroyed) socket.write(JSON.stringify(frame) + '\n');
}

/**
 * Calls `onLine` with each complete line (without its newline). A line over
 * `maxBytes` calls `onTooLong` once and stops reading.
 */
export function readLines(socket: Socket, maxBytes: number, onLine: (line: string) => void, onTooLong: () => void): void {
  let parts: Buffer[] = [];
  let size = 0;
  let stopped = false;
  socket.on('data', (chunk: Buffer) => {
    if (stopped) return;
    let at = 0;
    for (let nl = chunk.indexOf(10, at); nl !== -1; nl = chunk.indexOf(10, at)) {
      if (size + nl - at > maxBytes) break;
      parts.push(chunk.subarray(at, nl));
      const line = Buffer.concat(parts).toString('utf8');
      parts = [];
      size = 0;
      at = nl + 1;
      onLine(line);
      if (socket.destroyed) return;
    }
    const rest = chunk.subarray(at);
    if (size + rest.length > maxBytes) {
      stopped = true;
      parts = [];
      onTooLong();
      return;
    }
    if (rest.length) {
      parts.push(rest);
      size += rest.length;
    }
  });
}

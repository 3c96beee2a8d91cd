/**
 * The browser mode's change stream: `GET /events` answers with server-sent events
 * (text/event-stream), one `data:` line of JSON per NotebookEvent
 * (shared/api/events.ts), for as long as the page stays open. The route is guarded
 * exactly like an API call (server.ts `callerRefusal`: Host allow-list, Origin and
 * Sec-Fetch-Site, the token in a custom header — which is why the page reads it
 * with fetch, not EventSource, which cannot send headers); no CORS header is ever
 * sent, so no other page can read it.
 *
 * A page that reconnects says the last revision it applied (`since`); the hub keeps
 * the last RECENT_EVENTS writes to send again, and a page further behind is told
 * to reset (load a fresh snapshot), never left with a gap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { SECURITY_HEADERS } from './headers.ts';

/** Writes kept for reconnecting pages: a page is rarely more than a few writes behind; a longer gap costs one snapshot. */
const RECENT_EVENTS = 256;
/** A comment line this often keeps idle connections (and proxies, if any) from timing out. */
const HEARTBEAT_MS = 25_000;

export interface EventSource {
  readonly rev: number;
  onEvent(listener: (e: NotebookEvent) => void): () => void;
}

export class EventHub {
  private readonly recent: Extract<NotebookEvent, { type: 'changes' }>[] = [];
  private readonly clients = new Set<ServerResponse>();
  private readonly stop: () => void;

  constructor(private readonly source: EventSource) {
    this.stop = source.onEvent((e) => {
      if (e.type === 'changes') {
        this.recent.push(e);
        if (this.recent.length > RECENT_EVENTS) this.recent.shift();
      }
      for (const res of this.clients) write(res, e);
    });
  }

  /** Streams events to `res` until the client goes away; `since` is the last revision the client has. */
  serve(req: IncomingMessage, res: ServerResponse, since: number | null): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': notebook events\n\n');
    if (since !== null && since !== this.source.rev) {
      const missed = this.recent.filter((e) => e.rev > since);
      const complete = since < this.source.rev && missed.length === this.source.rev - since;
      if (complete) for (const e of missed) write(res, e);
      else write(res, { type: 'reset', rev: this.source.rev });
    }
    this.clients.add(res);
    const beat = setInterval(() => res.write(': \n\n'), HEARTBEAT_MS);
    const done = () => {
      clearInterval(beat);
      this.clients.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    this.stop();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function write(res: ServerResponse, e: NotebookEvent): void {
  res.write(`id: ${e.rev}\ndata: ${JSON.stringify(e)}\n\n`);
}

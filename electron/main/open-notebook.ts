/**
 * The notebook the desktop app currently has open, switched by File ▸ Open
 * notebook…. The app hosts the notebook it opens (electron/host/): other
 * `notebook` commands and processes send their calls here. When another process
 * already hosts it (`notebook serve`), the app becomes that host's client instead
 * of failing: its window's calls go to the host and the host's changes come back
 * as events. Calls and switches go through one queue (the same one the host's
 * endpoint uses), so a switch waits for in-flight calls on the old notebook and no
 * call ever sees a closed store.
 */
import { resolve } from 'node:path';
import type { NotebookHandlers } from '../../shared/api/contract.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { attachNotebook } from '../host/attach.ts';
import { remoteHandlers } from '../host/client.ts';
import { describeHost } from '../host/record.ts';
import { createCallQueue } from '../server/call-queue.ts';
import type { CallQueue } from '../server/call-queue.ts';
import type { OpenOptions } from '../storage/store.ts';

interface Current {
  dir: string;
  writable: boolean;
  handlers: NotebookHandlers;
  /** Who hosts it when it is not this process: "`notebook serve` (pid 4242)". */
  hostedBy: string | null;
  onEvent(listener: (event: NotebookEvent) => void): () => void;
  /** The notebook's revision, as far as this process knows it (0 for a host's client: its page loads a snapshot anyway). */
  rev(): number;
  close(): Promise<void>;
}

export class OpenNotebook {
  readonly queue: CallQueue = createCallQueue();
  private current: Current | null = null;
  private readonly listeners = new Set<(event: NotebookEvent) => void>();
  private unsubscribe: () => void = () => {};

  get dir(): string | null {
    return this.current?.dir ?? null;
  }
  get writable(): boolean {
    return this.current?.writable ?? false;
  }
  /** The other process hosting the open notebook, in the user's words; null when this app hosts it (or opened it read-only). */
  get hostedBy(): string | null {
    return this.current?.hostedBy ?? null;
  }

  /** The open notebook's service (or its host's); throws before the first successful open. */
  get service(): NotebookHandlers {
    if (!this.current) throw new Error('no notebook is open');
    return this.current.handlers;
  }

  /** Every committed write of the open notebook, whoever made it, across switches; returns the unsubscribe. */
  onEvent(listener: (event: NotebookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Opens `dir`; on failure the previously open notebook stays open and the error is thrown. */
  open(dir: string, write: OpenOptions['write'] = 'required'): Promise<void> {
    return this.queue(async () => {
      // Reopening the open notebook would trip over our own writer lock.
      if (this.current && resolve(this.current.dir) === resolve(dir)) return;
      const next = await this.attach(dir, write);
      const previous = this.current;
      this.unsubscribe();
      this.current = next;
      this.unsubscribe = next.onEvent((e) => this.emit(e));
      await previous?.close();
      // The page holds the old notebook's records: it must start over from a fresh snapshot.
      if (previous) this.emit({ type: 'reset', rev: next.rev() });
    }, 'exclusive');
  }

  private emit(event: NotebookEvent): void {
    for (const l of this.listeners) l(event);
  }

  close(): Promise<void> {
    return this.queue(async () => {
      this.unsubscribe();
      this.unsubscribe = () => {};
      await this.current?.close();
      this.current = null;
    }, 'exclusive');
  }

  private async attach(dir: string, write: OpenOptions['write']): Promise<Current> {
    // Our own queue, so the endpoint's calls and the window's are ordered together (the switch above orders the close).
    const attached = await attachNotebook(dir, { write, host: 'app', queue: this.queue });
    if (attached.via === 'local') {
      const nb = attached.notebook;
      return { dir: nb.dir, writable: nb.store.writable, handlers: nb.service, hostedBy: null, onEvent: (l) => nb.service.onEvent(l), rev: () => nb.service.rev, close: nb.close };
    }
    const client = attached.client;
    return {
      dir: resolve(dir),
      writable: true,
      handlers: remoteHandlers(client),
      hostedBy: describeHost(client.record),
      onEvent: (l) => client.onEvent(l),
      rev: () => 0,
      close: async () => client.close(),
    };
  }
}

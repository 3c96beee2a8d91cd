/**
 * The one place a notebook is composed: store + service + call queue, for all
 * three entry points (the desktop app, `notebook serve`, the CLI). With `host`,
 * the process also becomes the notebook's host: it opens an endpoint for other
 * processes (endpoint.ts) and writes .host.json (record.ts), both removed on close,
 * before the store (and its writer lock) is closed.
 */
import { resolve } from 'node:path';
import { NotebookService } from '../service/service.ts';
import { createCallQueue } from '../server/call-queue.ts';
import type { CallQueue } from '../server/call-queue.ts';
import { NotebookStore } from '../storage/store.ts';
import type { OpenOptions } from '../storage/store.ts';
import { newEndpointAddress } from './address.ts';
import { startEndpoint } from './endpoint.ts';
import { HOST_PROTOCOL, newSecret, removeHostRecord, writeHostRecord } from './record.ts';
import type { HostKind, HostRecord } from './record.ts';

export interface NotebookOpenOptions {
  write: OpenOptions['write'];
  /** 'lazy' for one-shot commands: read only the shards the command needs (see storage/lazy-notebook.ts). Hosts load 'all'. */
  load?: OpenOptions['load'];
  /** Become the notebook's host (only when the writer lock was taken). */
  host?: HostKind;
  /**
   * The queue to run calls in; by default a new one. A caller that passes its own
   * (the app, which also orders notebook switches in it) orders close() itself.
   */
  queue?: CallQueue;
}

export interface OpenedNotebook {
  readonly dir: string;
  readonly store: NotebookStore;
  readonly service: NotebookService;
  readonly queue: CallQueue;
  /** This process's host record, when it hosts the notebook. */
  readonly host: HostRecord | null;
  /** Stops hosting, lets calls in flight finish (own queue only), closes the store. Idempotent. */
  close(): Promise<void>;
}

export async function openNotebook(dir: string, options: NotebookOpenOptions): Promise<OpenedNotebook> {
  const root = resolve(dir);
  const store = await NotebookStore.open(root, { write: options.write, load: options.host ? 'all' : options.load });
  const service = new NotebookService(store);
  const queue = options.queue ?? createCallQueue();
  let host: HostRecord | null = null;
  let stopEndpoint: () => Promise<void> = async () => {};
  if (options.host && store.writable) {
    try {
      const secret = newSecret();
      const address = await newEndpointAddress();
      const endpoint = await startEndpoint({ address, secret, service, queue, info: { protocol: HOST_PROTOCOL, pid: process.pid, dir: root, kind: options.host } });
      stopEndpoint = endpoint.close;
      host = { protocol: HOST_PROTOCOL, kind: options.host, pid: process.pid, endpoint: address, secret, startedAt: new Date().toISOString() };
      await writeHostRecord(root, host);
    } catch (e) {
      await stopEndpoint();
      await store.close();
      throw e;
    }
  }
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Callers first stop finding us, then the endpoint stops, then the lock goes.
      if (host) await removeHostRecord(root, host.secret);
      await stopEndpoint();
      if (!options.queue) await queue.drain();
      await store.close();
    })());
  return { dir: root, store, service, queue, host, close };
}

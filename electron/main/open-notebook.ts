/**
 * The notebook the desktop app currently has open: its store (holding the writer
 * lock) and service, switched by File ▸ Open notebook…. Calls and switches go
 * through one queue, so a switch waits for in-flight calls on the old notebook and
 * no call ever sees a closed store.
 */
import { resolve } from 'node:path';
import type { NotebookHandlers } from '../../shared/api/contract.ts';
import { createCallQueue } from '../server/call-queue.ts';
import type { CallQueue } from '../server/call-queue.ts';
import { NotebookService } from '../service/service.ts';
import { NotebookStore } from '../storage/store.ts';
import type { OpenOptions } from '../storage/store.ts';

export class OpenNotebook {
  readonly queue: CallQueue = createCallQueue();
  private store: NotebookStore | null = null;
  private handlers: NotebookService | null = null;

  get dir(): string | null {
    return this.store?.root ?? null;
  }
  get writable(): boolean {
    return this.store?.writable ?? false;
  }

  /** The open notebook's service; throws before the first successful open. */
  get service(): NotebookHandlers {
    if (!this.handlers) throw new Error('no notebook is open');
    return this.handlers;
  }

  /** Opens `dir`; on failure the previously open notebook stays open and the error is thrown. */
  open(dir: string, write: OpenOptions['write'] = 'required'): Promise<void> {
    return this.queue(async () => {
      // Reopening the open notebook would trip over our own writer lock.
      if (this.store && resolve(this.store.root) === resolve(dir)) return;
      const next = await NotebookStore.open(dir, { write });
      const previous = this.store;
      this.store = next;
      this.handlers = new NotebookService(next);
      await previous?.close();
    }, 'exclusive');
  }

  close(): Promise<void> {
    return this.queue(async () => {
      await this.store?.close();
      this.store = null;
      this.handlers = null;
    }, 'exclusive');
  }
}

/**
 * An import's files are read before the import takes its turn among the writes, so the
 * requests sent while a long file is being read are not held behind it; the import
 * still lands whole, in one write, and nothing read early is kept once the call ends.
 */
import { describe, expect, it } from 'vitest';
import { createCallQueue } from '../../electron/server/call-queue.ts';
import { queuedDispatch } from '../../electron/server/queued-dispatch.ts';
import { book300 } from '../support/pdf-fixtures.ts';
import { openService, tempDir } from '../support/notebook.ts';

describe('a call through the queue', () => {
  it('answers a listing sent while a 300-page PDF is being read before the import, which then lands whole', async () => {
    const nb = await openService(tempDir());
    try {
      const queue = createCallQueue();
      const order: string[] = [];
      const file = { fileName: 'kalomi-ledger.pdf', dataBase64: Buffer.from(book300().bytes).toString('base64') };
      const imported = queuedDispatch(queue, nb.service, 'importFiles', { files: [file] }).then((r) => (order.push('importFiles'), r));
      // Sent on the next turn, as a second request would arrive.
      await new Promise((r) => setImmediate(r));
      const listed = queuedDispatch(queue, nb.service, 'listSources', {}).then((r) => (order.push('listSources'), r));
      const [i, l] = await Promise.all([imported, listed]);
      expect(order).toEqual(['listSources', 'importFiles']);
      expect(l.ok && l.value).toEqual([]);
      expect(i.ok && i.value.files.map((f) => f.status)).toEqual(['imported']);
      expect((await nb.call('listSources', {})).map((s: { title: string }) => s.title)).toEqual(['The Kalomi Ledger']);
      // The early read was taken by the import and nothing is kept for it.
      expect((nb.service.importReads as unknown as { reads: Map<string, unknown> }).reads.size).toBe(0);
    } finally {
      await nb.close();
    }
  });

  it('reads early only well-formed import files, refuses bad calls as before, and keeps nothing of them', async () => {
    const nb = await openService(tempDir());
    try {
      const queue = createCallQueue();
      const bad = await queuedDispatch(queue, nb.service, 'importFiles', { files: [{ fileName: 'a.txt', dataBase64: Buffer.from('Ferry times.').toString('base64'), extra: 1 }] });
      expect(!bad.ok && bad.error.code).toBe('invalid_argument');
      const junk = await queuedDispatch(queue, nb.service, 'importFiles', { files: 'not a list' });
      expect(!junk.ok && junk.error.code).toBe('invalid_argument');
      const refused = await queuedDispatch(queue, nb.service, 'importFiles', { files: [{ fileName: 'b.rtf', dataBase64: Buffer.from('{\\rtf1}').toString('base64') }] });
      expect(refused.ok && refused.value.files[0]).toMatchObject({ status: 'refused', code: 'unsupported_file' });
      expect((nb.service.importReads as unknown as { reads: Map<string, unknown> }).reads.size).toBe(0);
      expect(await nb.call('listSources', {})).toEqual([]);
    } finally {
      await nb.close();
    }
  });
});

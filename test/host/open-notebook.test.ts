/**
 * The desktop app's open notebook and the host: the app hosts what it opens (a
 * CLI command's edit reaches its window as an event), and on a notebook that
 * `notebook serve` already hosts it becomes that host's client (its calls land in
 * the host, and the host's changes, whoever made them, reach its window).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { openNotebook } from '../../electron/host/open.ts';
import { readHostRecord } from '../../electron/host/record.ts';
import { OpenNotebook } from '../../electron/main/open-notebook.ts';
import { cli, tempDir } from '../support/notebook.ts';

const titlesIn = (events: NotebookEvent[]) => events.flatMap((e) => (e.type === 'changes' ? e.changes.flatMap((c) => (c.kind === 'source' && c.op === 'put' ? [c.record.title] : [])) : []));

describe('the app as host', () => {
  it('hosts the notebook it opens: a CLI import reaches its window as a pushed change, and switching away stops hosting', async () => {
    const dir = tempDir();
    const app = new OpenNotebook();
    const events: NotebookEvent[] = [];
    app.onEvent((e) => events.push(e));
    await app.open(dir);
    try {
      expect(app.hostedBy).toBeNull();
      expect((await readHostRecord(dir))?.kind).toBe('app');
      const file = join(tempDir(), 'pier.txt');
      writeFileSync(file, 'Pier survey\n\nThe pier is 240 metres long.');
      const r = await cli(dir, ['import', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(titlesIn(events)).toEqual(['Pier survey']);
      await app.open(tempDir());
      expect(await readHostRecord(dir)).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('the app on a notebook `notebook serve` hosts', () => {
  it('becomes its client: calls land in the host and every change of the host reaches the window', async () => {
    const dir = tempDir();
    const host = await openNotebook(dir, { write: 'required', host: 'serve' });
    const app = new OpenNotebook();
    const events: NotebookEvent[] = [];
    app.onEvent((e) => events.push(e));
    try {
      await app.open(dir);
      expect(app.hostedBy).toMatch(/^`notebook serve` \(pid \d+\)$/);
      expect(app.writable).toBe(true);
      const mine = await dispatch(app.service, 'importText', { text: 'The quay is 90 metres long.', title: 'Quay' });
      expect(mine.ok).toBe(true);
      expect([...host.store.memory.sources()].map((s) => s.title)).toEqual(['Quay']);
      await host.queue(() => dispatch(host.service, 'importText', { text: 'The slipway is 30 metres long.', title: 'Slipway' }));
      await vi.waitFor(() => expect(titlesIn(events)).toEqual(['Quay', 'Slipway']), { timeout: 30_000 });
      expect((await dispatch(app.service, 'undo', {})).ok).toBe(true);
      expect([...host.store.memory.sources()].map((s) => s.title)).toEqual(['Quay']);
    } finally {
      await app.close();
      await host.close();
    }
  });
});

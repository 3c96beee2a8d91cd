import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeId } from '../../shared/model/ids.ts';
import { deleteSource } from '../../shared/model/trash.ts';
import type { Change } from '../../shared/model/view.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { generate } from '../bench/storage.ts';
import { useSession } from './support/harness.ts';

const s = useSession();
const N = 1200;

describe('a long Trash', () => {
  it('renders only the rows in view and reaches the last one by scrolling', async () => {
    const { page } = s;
    const dir = s.notebookDir;
    await s.restartServer(async () => {
      generate(dir, N, 1);
      const store = await NotebookStore.open(dir, { write: 'required' });
      const ctx = { now: '2026-02-01T00:00:00.000Z', newId: ((kind: 'source' | 'quote' | 'claim') => makeId(kind, randomBytes(10))) as never };
      // Every source deleted in one write (independent sources: their changes do not overlap).
      const changes: Change[] = [];
      for (const source of [...store.memory.sources()]) {
        const r = deleteSource(store.memory, source.id, ctx);
        if (!r.ok) throw new Error(r.error.message);
        changes.push(...r.value.changes);
      }
      await store.commit(changes);
      await store.close();
    });
    await page.goto(s.server.url);
    // No sources left: the welcome screen comes first.
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByRole('heading', { name: `Trash (${N})` }).waitFor();
    const trash = page.getByRole('list', { name: 'Trash' });
    const rows = trash.locator(':scope > li.source-card');
    await rows.first().waitFor();
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(N));
    // Scroll the list's scroller to its end: the last entry comes into the DOM.
    await trash.evaluate((list) => {
      let el = list.parentElement;
      while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
      el!.scrollTop = el!.scrollHeight;
    });
    const last = trash.locator(`:scope > li[aria-posinset="${N}"]`);
    await last.waitFor();
    await expect.poll(() => rows.count()).toBeLessThan(200);
    const title = await last.locator('.source-title').textContent();
    expect(title).toMatch(/^Report \d+$/);
    await last.getByRole('button', { name: `Restore ${title}` }).waitFor();
    expect(s.problems).toEqual([]);
  }, 180_000);
});

/**
 * The app says what opening a notebook repaired: a notebook whose log has a
 * damaged middle line (left as a crash leaves it: the log never folded into the
 * shards) opens with every intact change, and the page shows a notice naming the
 * damaged line, how many changes were kept, the quarantined copy and what to do;
 * Dismiss hides it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { screenshot, useSession } from './support/harness.ts';

const s = useSession();

async function call(service: NotebookService, method: string, args: unknown): Promise<any> {
  const r = await dispatch(service, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

describe('recovery notes in the app', () => {
  it('shows what a damaged log line cost and where its copy is, until dismissed', async () => {
    const { page } = s;
    const dir = s.notebookDir;
    await s.restartServer(async () => {
      const first = await NotebookStore.open(dir, { write: 'required' });
      const { source } = await call(new NotebookService(first), 'importText', {
        text: 'Silt at the north berth rose by almost 12% in March.\n\nDredgers moved about 1,800 tonnes a week.',
        title: 'Harbour silt',
      });
      await first.close();
      // Three acknowledged quotes in the log, then a crash: the lock is left behind unreleased by close, the log unfolded.
      const store = await NotebookStore.open(dir, { write: 'required' });
      const service = new NotebookService(store);
      for (const exact of ['almost 12%', '1,800 tonnes', 'a week']) await call(service, 'createQuote', { sourceId: source.id, exact });
      await (store as any).lock.release();
      const lines = readFileSync(join(dir, 'wal.log'), 'utf8').split('\n');
      expect(lines).toHaveLength(4);
      writeFileSync(join(dir, 'wal.log'), [lines[0], lines[1]!.replace('1,800', '9,999'), lines[2], ''].join('\n'));
    });
    await page.goto(s.server.url);
    const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This notebook was repaired when it opened' }) });
    await notice.waitFor();
    const [copy] = readdirSync(join(dir, 'quarantine')).filter((n) => n.endsWith('--wal.log.kept'));
    expect(copy).toBeDefined();
    const text = await notice.textContent();
    expect(text).toContain('wal.log: line 2 is damaged and could not be used; 2 intact changes were kept');
    expect(text).toContain(`quarantine/${copy}`);
    expect(text).toContain('What to do:');
    await screenshot(page, 'recovery-notice');
    // The intact changes are there: the source opens with two of its three highlights.
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: 'Harbour silt', exact: true }).click();
    await expect.poll(() => page.locator('.source-text mark').count()).toBe(2);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(s.problems).toEqual([]);
  }, 90_000);
});

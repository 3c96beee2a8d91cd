/**
 * Importing a 300-page PDF in the real page, as a researcher does (the Library's
 * file input): the app keeps answering while the file is read (a listing sent after
 * the import's request is answered before it), the book arrives with its title from
 * the file, and the Reader marks its pages with the PDF's own labels, roman numerals first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { book300 } from '../support/pdf-fixtures.ts';
import { openEmptyNotebook, screenshot, useSession } from './support/harness.ts';

const s = useSession();

describe('a 300-page PDF imported in the app', () => {
  it('answers other requests while it is read, then shows its title and its page labels', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    const file = join(s.notebookDir, '..', `kalomi-ledger-${Date.now()}.pdf`);
    writeFileSync(file, book300().bytes);
    const answered: string[] = [];
    page.on('response', (r) => {
      const m = /\/api\/(\w+)$/.exec(r.url());
      if (m) answered.push(m[1]!);
    });
    const importSent = page.waitForRequest((r) => r.url().endsWith('/api/importFiles'));
    const importDone = page.waitForResponse((r) => r.url().endsWith('/api/importFiles'), { timeout: 120_000 });
    await page.getByLabel('Choose files to import').setInputFiles(file);
    await importSent;
    const from = answered.length;
    const listed = await page.evaluate(async () => {
      const token = sessionStorage.getItem('notebook.token')!;
      const r = await fetch('api/listSources', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: '{}' });
      return (await r.json()) as { ok: boolean };
    });
    expect(listed.ok).toBe(true);
    await importDone;
    const after = answered.slice(from);
    expect(after.indexOf('listSources')).toBeGreaterThanOrEqual(0);
    expect(after.indexOf('listSources')).toBeLessThan(after.indexOf('importFiles'));
    await page.getByRole('button', { name: 'The Kalomi Ledger', exact: true }).click({ timeout: 120_000 });
    const labels = () => page.locator('.source-text .page-start').evaluateAll((els) => els.map((e) => e.getAttribute('data-page')));
    await expect.poll(async () => (await labels())[0]).toBe('p. i');
    expect((await labels()).slice(0, 3)).toEqual(['p. i', 'p. ii', 'p. iii']);
    // The running header ("The Kalomi Ledger — i") is not part of the reading text.
    expect(await page.locator('.source-text').textContent()).not.toContain('The Kalomi Ledger \u2014');
    await screenshot(page, 'reader-pdf');
  });
});

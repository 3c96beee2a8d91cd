/**
 * Importing a 300-page PDF in the real page, as a researcher does (the Library's
 * file input): the book arrives with its title from the file, and the Reader marks
 * its pages with the PDF's own labels, roman numerals first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { book300 } from '../support/pdf-fixtures.ts';
import { openEmptyNotebook, screenshot, useSession } from './support/harness.ts';

const s = useSession();

describe('a 300-page PDF imported in the app', () => {
  it('is read with its title and its page labels', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    const file = join(s.notebookDir, '..', `kalomi-ledger-${Date.now()}.pdf`);
    writeFileSync(file, book300().bytes);
    await page.getByLabel('Choose files to import').setInputFiles(file);
    await page.getByRole('button', { name: 'The Kalomi Ledger', exact: true }).click({ timeout: 120_000 });
    const labels = () => page.locator('.source-text .page-start').evaluateAll((els) => els.map((e) => e.getAttribute('data-page')));
    await expect.poll(async () => (await labels())[0]).toBe('p. i');
    expect((await labels()).slice(0, 3)).toEqual(['p. i', 'p. ii', 'p. iii']);
    // The running header ("The Kalomi Ledger — i") is not part of the reading text.
    expect(await page.locator('.source-text').textContent()).not.toContain('The Kalomi Ledger \u2014');
    await screenshot(page, 'reader-pdf');
  });
});

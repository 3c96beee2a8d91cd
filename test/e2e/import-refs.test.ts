/**
 * Reference import in the app (Library → Import references…): the plan is shown
 * before anything changes, Apply makes the stubs (one undo step), and the same
 * file again has nothing to apply.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useSession } from './support/harness.ts';

const BIB = join(ROOT, 'test/fixtures/refs/canal.bib');
const s = useSession();

describe('importing references in the app', () => {
  it('shows the plan, applies it, and recognises the same file the second time', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByLabel('Choose a reference file (BibTeX, RIS or CSL-JSON)').setInputFiles(BIB);
    const dialog = page.getByRole('dialog', { name: 'Import references' });
    await dialog.getByText('0 matched, 4 new, 1 already in the notebook. Nothing has changed yet.').waitFor();
    const rows = dialog.getByRole('list', { name: 'References' }).getByRole('listitem');
    expect(await rows.count()).toBe(5);
    await expect.poll(() => rows.nth(3).textContent()).toContain('New source stub — Salt and Locks');
    await expect.poll(() => rows.nth(4).textContent()).toContain('Already in the notebook — Salt and locks');
    const sources = page.getByRole('list', { name: 'Sources' });
    expect(await sources.count()).toBe(0);

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Details filled for 0 sources; 4 source stubs added.').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    for (const title of ['Lock Keeping on the Orsk Canal', 'Harbour Ledger', 'Weir Repairs', 'Salt and Locks']) {
      await sources.getByRole('button', { name: title, exact: true }).waitFor();
    }

    await page.getByLabel('Choose a reference file (BibTeX, RIS or CSL-JSON)').setInputFiles(BIB);
    await dialog.getByText('0 matched, 0 new, 5 already in the notebook. Nothing has changed yet.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Nothing to apply' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // A stub opens in the Reader like any source, with its details and no text yet.
    await sources.getByRole('button', { name: 'Salt and Locks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Salt and Locks' }).waitFor();
    expect(s.problems).toEqual([]);
  }, 90_000);
});

/**
 * The CLI while the browser mode has the notebook open: `notebook serve` hosts
 * it, so `notebook import` and `notebook quote` from the command line go to it and
 * appear in the open page at once, without a reload, and `notebook undo` takes the
 * highlight away again.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/notebook.ts';
import { FIXTURES, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const FIRST = 'cost about 412 million euros';

const s = useSession();

describe('the command line beside an open page', () => {
  it('imports and quotes into the open page without a reload, and undo removes the highlight from it', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    const imported = await cli(s.notebookDir, ['import', join(FIXTURES, 'harbour-dredging.txt'), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    const quote = await cli(s.notebookDir, ['quote', imported.json.results[0].source.id, '--exact', FIRST]);
    expect(quote.code, quote.stderr).toBe(0);
    const mark = page.locator('.source-text mark');
    await expect.poll(() => mark.allTextContents()).toEqual([FIRST]);

    const undo = await cli(s.notebookDir, ['undo']);
    expect(undo.stdout).toBe(`Undid: quote “${FIRST}”\n`);
    await expect.poll(() => mark.count()).toBe(0);
    expect(navigations).toBe(0);
    expect(s.problems).toEqual([]);
  });
});

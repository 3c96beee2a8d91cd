/**
 * The Trash in a real browser against the browser-mode server: deleting a source
 * with highlights says they go to the Trash, the Library lists it there, and
 * Restore brings the source back with its highlights painted where they were.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const PHRASES = ['cost about 412 million euros', 'container throughput rising almost 9%'];

const s = useSession();

describe('the Trash in the browser', () => {
  it('takes a deleted source with its quotes, lists it, and restores it with its highlights', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const marks = page.locator('.source-text mark');
    for (const [i, phrase] of PHRASES.entries()) {
      await dragSelect(page, phrase);
      await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight yellow' }).click();
      await expect.poll(() => marks.count()).toBe(i + 1);
    }

    // Delete from the Library: the confirmation says where the source and its quotes go.
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
    await page.getByText(`“${TITLE}” and its 2 quotes will move to the Trash. You can restore them from the Trash below.`).waitFor();
    await page.getByRole('button', { name: `Move ${TITLE} to the Trash` }).click();
    await page.getByText(`Moved “${TITLE}” and its 2 quotes to the Trash.`, { exact: false }).waitFor();
    await expect.poll(() => sources.getByRole('button', { name: TITLE, exact: true }).count()).toBe(0);

    const trash = page.getByRole('list', { name: 'Trash' });
    await page.getByRole('heading', { name: 'Trash (1)' }).waitFor();
    await trash.getByText(TITLE, { exact: true }).waitFor();
    await expect.poll(() => trash.textContent()).toContain('2 quotes');
    await screenshot(page, 'library-trash');

    // Restore: the source is back in the Library and its highlights are painted again.
    await trash.getByRole('button', { name: `Restore ${TITLE}` }).click();
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => marks.count()).toBe(2);
    expect(await marks.allTextContents()).toEqual(PHRASES);
    await page.getByRole('button', { name: /^Library/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Trash/ }).count()).toBe(0);
    expect(s.problems).toEqual([]);
  }, 90_000);
});

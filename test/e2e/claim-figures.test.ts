/**
 * Every claim has its figure, in a real browser against the real server: a claim
 * typed by hand shows the figure read from its words with its band; the figure is
 * edited in the inspector and survives a reload; a figure that cannot be read is
 * refused at the field; accepting a suggested figure whose sentence is already
 * quoted uses that quote instead of making a second one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, openEmptyNotebook, saveField, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const TYPED = 'China held almost 70% of hash rate';
const QUOTED = 'container throughput rising almost 9%';

const s = useSession();

describe('claim figures', () => {
  it('reads a typed claim’s figure, keeps an edited one across a reload, refuses an unreadable one, and never duplicates a quoted sentence', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const figure = inspector.getByTestId('claim-quantity');

    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button', { name: TITLE, exact: true }).waitFor();

    // A claim typed by hand carries its figure, band and all.
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.getByLabel('New claim statement').fill(TYPED);
    await page.getByRole('button', { name: 'Add claim' }).click();
    const row = page.getByRole('row', { name: /^China held almost 70%/ });
    await expect.poll(() => row.textContent()).toContain('almost 70%');
    await expect.poll(() => figure.textContent()).toContain('almost 70%');
    expect(await figure.textContent()).toContain('63–70%');
    await screenshot(page, 'claim-figure');

    // Edited in the inspector, kept across a reload.
    await inspector.getByLabel('Figure as written').fill('about 65%');
    await saveField(inspector.getByLabel('Figure as written'));
    await expect.poll(() => figure.textContent()).toContain('58.5–71.5%');
    await page.reload();
    await page.getByRole('button', { name: /^Claims/ }).click();
    await row.getByRole('button', { name: TYPED }).click();
    await expect.poll(() => figure.textContent()).toContain('about 65%');

    // A figure the reader cannot read is refused where it was typed; nothing changes.
    await inspector.getByLabel('Figure as written').fill('lots');
    await inspector.getByLabel('Figure as written').press('Control+Enter');
    await expect.poll(() => inspector.getByRole('alert').textContent()).toContain('holds no figure');
    expect(await figure.textContent()).toContain('about 65%');

    // A quoted sentence's suggested figure attaches to the quote that holds it.
    await page.getByRole('button', { name: /^Library/ }).click();
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await dragSelect(page, QUOTED);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight yellow' }).click();
    await expect.poll(() => page.locator('.source-text mark').count()).toBe(1);
    const panel = page.getByRole('complementary', { name: 'Suggested figures' });
    await panel.getByRole('button', { name: 'Accept almost 9%' }).click();
    await expect.poll(() => figure.textContent()).toContain('almost 9%');
    expect(await page.locator('.source-text mark').count()).toBe(1);
    expect(await page.locator('.source-text mark').textContent()).toBe(QUOTED);
    await page.getByRole('button', { name: /^Claims/ }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
  });
});

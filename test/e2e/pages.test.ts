/**
 * A paged source (a PDF's page map) in the real Reader: each page boundary is marked
 * in the margin with the page a citation prints, the mark adds nothing to the text,
 * and a highlight made right after a boundary holds exactly the words selected; the
 * researcher's page offset, typed in the source's details, renumbers the marks and the
 * search hits show their page.
 */
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sourceWith, writeNotebook } from '../bench/reader-data.ts';
import { dragSelect, screenshot, useSession } from './support/harness.ts';

const s = useSession();
const PARAS = Array.from({ length: 12 }, (_, i) => `Section ${i + 1}. The tidal gauge at the quay was read ${i + 3} times before the relief clerk signed the ledger.`);
const TEXT = PARAS.join('\n\n');
const BOOK = sourceWith(TEXT, 'Harbour ledger', 0);
const startOf = (i: number) => TEXT.indexOf(PARAS[i]!);
// Pages xi, xii, then 1, 2, …: the fourth page starts mid-paragraph, at "The tidal gauge" of section 6.
const mid = startOf(5) + 'Section 6. '.length;
const PAGES = { starts: [0, startOf(3), mid, startOf(9)], pages: [1, 2, 3, 4], labels: ['xi', 'xii', '1', '2'], origin: 'labels' as const };

describe('a paged source in the Reader', () => {
  it('marks each page in the margin without adding to the text, and highlights exactly across a mark', async () => {
    const { page } = s;
    await s.restartServer(async () => {
      await rm(s.notebookDir, { recursive: true, force: true });
      writeNotebook(s.notebookDir, [{ ...BOOK, source: { ...BOOK.source, format: 'pdf', pages: PAGES } }]);
    });
    await page.goto(s.server.url);
    await page.getByRole('button', { name: 'Harbour ledger', exact: true }).click();
    const marks = page.locator('.source-text .page-start');
    await expect.poll(() => marks.count()).toBe(4);
    expect(await marks.evaluateAll((els) => els.map((e) => [e.getAttribute('data-page'), Number(e.getAttribute('data-start'))]))).toEqual([
      ['p. xi', 0],
      ['p. xii', startOf(3)],
      ['p. 1', mid],
      ['p. 2', startOf(9)],
    ]);
    // The labels are drawn by CSS: the text in the DOM is the source's text, unchanged.
    expect(await page.locator('.source-text').textContent()).toBe(TEXT);
    const label = await marks.nth(2).evaluate((e) => getComputedStyle(e, '::before').content);
    expect(label).toBe('"p. 1"');
    await screenshot(page, 'reader-pages');
    // A selection across the boundary inside section 6 becomes a quote of exactly those words.
    await dragSelect(page, '6. The tidal gauge');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight yellow' }).click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const token = sessionStorage.getItem('notebook.token')!;
          const r = await fetch('api/listQuotes', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: '{}' });
          const body = (await r.json()) as { ok: boolean; value: { exact: string }[] };
          return body.value.map((q) => q.exact);
        }),
      )
      .toEqual(['6. The tidal gauge']);
    // A search hit in a paged source names its page.
    await page
      .getByRole('button', { name: /^Search/ })
      .first()
      .click();
    await page.getByRole('searchbox').fill('"relief clerk" read 12');
    await expect.poll(() => page.locator('.search-results').textContent()).toMatch(/p\. 2/);
    // The page offset in the source's details: page 1 of the file is then cited as 1647.
    await page
      .getByRole('button', { name: /^Library/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Edit details of Harbour ledger' }).click();
    const form = page.getByRole('form', { name: 'Details of Harbour ledger' });
    await form.getByLabel('Page offset').fill('12x');
    await expect.poll(() => form.textContent()).toMatch(/Write the offset as a whole number/);
    await form.getByLabel('Page offset').fill('1646');
    await expect.poll(() => form.getByText('Saved').count()).toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: 'Harbour ledger', exact: true }).click();
    await expect.poll(() => marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-page')))).toEqual(['p. 1647', 'p. 1648', 'p. 1649', 'p. 1650']);
  });
});

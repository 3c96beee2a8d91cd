/**
 * The Briefing view's choices in a real browser: every export format and citation
 * style is offered; a user's CSL style file is taken ("Use a style file…"), kept, its
 * licence shown and its citations previewed, with the language chosen beside it; the
 * provenance switch takes the appendix out; Word and Excel exports download as files.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, EXPORT_FORMATS } from '../../shared/api/contract.ts';
import { EVIDENCE_COLUMNS } from '../../shared/export/evidence.ts';
import { FIXTURES, dragSelect, fireMenu, openEmptyNotebook, standInMenuBridge, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const PHRASE = 'cost about 412 million euros';
const NEWSROOM = fileURLToPath(new URL('../fixtures/export/styles/newsroom.csl', import.meta.url));

const s = useSession();

describe('the briefing view’s formats, styles and switches', () => {
  it('offers every format and style, takes a CSL style file with its licence and a language, and switches the appendix', async () => {
    const { page } = s;
    await standInMenuBridge(page);
    await openEmptyNotebook(page, s.server.url);
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: TITLE, exact: true }).click();
    await dragSelect(page, PHRASE);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Make claim' }).click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Statement').waitFor();

    await fireMenu(page, 'export-briefing');
    await page.getByRole('heading', { level: 1, name: 'Briefing' }).waitFor();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    const footnotes = preview.getByRole('region', { name: 'Footnotes' });
    await expect.poll(() => footnotes.textContent()).toMatch(/para\. \d/);

    // Every format and every style is offered.
    const format = page.getByRole('combobox', { name: /^Format/ });
    expect(await format.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(expect.arrayContaining([...EXPORT_FORMATS]));
    const style = page.getByRole('combobox', { name: 'Citation style' });
    expect(await style.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([...CITATION_STYLES]);
    await style.selectOption('vancouver');
    await expect.poll(() => footnotes.textContent()).toMatch(/\(1\), para\. \d/);
    await style.selectOption('harvard');
    await expect.poll(() => footnotes.textContent()).toMatch(/no date, para\. \d/);

    // A user's CSL style file: kept, chosen, its licence shown, its citations in the preview.
    await page.getByRole('button', { name: 'Use a style file…' }).waitFor();
    await page.getByLabel('CSL style file').setInputFiles(NEWSROOM);
    await expect.poll(() => style.inputValue()).toMatch(/^csl:[0-9a-f]{64}$/);
    await expect.poll(() => page.getByLabel('Style licence').textContent()).toBe('Newsroom test style — licence: Public domain (CC0), written for the Research Notebook tests');
    await expect.poll(() => footnotes.textContent()).toMatch(/\[.*para\. \d+\]/);
    await page.getByRole('combobox', { name: 'Citation language' }).selectOption('de-DE');
    await expect.poll(() => footnotes.textContent()).toMatch(/\[.*Abs\. \d+\]/);

    // The switches: the provenance appendix goes, quotes' notes and tags can come in.
    await expect.poll(() => preview.getByRole('heading', { name: 'Provenance' }).count()).toBe(1);
    await page.getByLabel('Provenance appendix (files, dates, SHA-256)').uncheck();
    await expect.poll(() => preview.getByRole('heading', { name: 'Provenance' }).count()).toBe(0);
    await page.getByLabel('Quotes’ tags and notes').check();
    expect(await page.getByLabel('Quotes’ tags and notes').isChecked()).toBe(true);

    // Word and Excel downloads are the files' bytes.
    await format.selectOption('evidence-xlsx');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readSheet(await readFile(await xlsx.path()));
    expect(sheet[0]).toEqual([...EVIDENCE_COLUMNS]);
    expect(sheet[1]![4]).toBe(PHRASE);
    await format.selectOption('docx');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect((await readFile(await docx.path())).subarray(0, 2).toString()).toBe('PK');
  }, 90_000);
});

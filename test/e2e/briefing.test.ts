/**
 * The Briefing view in a real browser against the real server: the Electron
 * menu's "export-briefing" opens it, a claim with a quote becomes a previewed
 * Markdown briefing (blockquote and footnote rendered),
 * the exported file is byte for byte the previewed Markdown, hostile Markdown and
 * HTML in a claim's statement and note stay inert in the preview, and a source
 * tampered with on disk stops the export with a problem naming the quote until
 * "Include unverified quotes (marked)" is ticked.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, fireMenu, openEmptyNotebook, saveField, screenshot, standInMenuBridge, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const PHRASE = 'cost about 412 million euros';

const HOSTILE_STATEMENT = 'Dredging costs <script>window.__pwned=1</script> rise <img src=x onerror="window.__pwned=2"> [x](javascript:window.__pwned=3) <svg onload="window.__pwned=4">';
const HOSTILE_NOTE = [
  '**Checked** against the council papers.',
  '<script>window.__pwned = 5; document.title = "pwned"</script>',
  '<img src=x onerror="window.__pwned=6">',
  '[click me](javascript:window.__pwned=7)',
  '<svg onload="window.__pwned=8"><circle r="4"/></svg>',
  '<iframe src="javascript:parent.__pwned=9"></iframe>',
].join('\n');

const s = useSession();

describe('the briefing view', () => {
  it('previews the Markdown briefing with quotes and footnotes, exports exactly that text, keeps hostile markup inert, and stops on a tampered source', async () => {
    const { page } = s;
    await standInMenuBridge(page);
    await openEmptyNotebook(page, s.server.url);
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: TITLE, exact: true }).click();

    // A quote and a claim citing it, from the reader's toolbar.
    await dragSelect(page, PHRASE);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Make claim' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByLabel('Statement').inputValue()).toBe(PHRASE);
    await inspector.getByLabel('Statement').fill(HOSTILE_STATEMENT);
    await saveField(inspector.getByLabel('Statement'));
    await inspector.getByLabel('Note', { exact: true }).fill(HOSTILE_NOTE);
    await saveField(inspector.getByLabel('Note', { exact: true }));

    // The menu command opens the briefing: the quote as a blockquote with its footnote, and the citation below.
    await fireMenu(page, 'export-briefing');
    await page.getByRole('heading', { level: 1, name: 'Briefing' }).waitFor();
    await page.getByLabel('Briefing title', { exact: true }).fill('Vellmar port costs');
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await preview.getByRole('heading', { level: 1, name: 'Vellmar port costs' }).waitFor();
    await expect.poll(() => preview.locator('blockquote').first().textContent()).toContain(PHRASE);
    expect(await preview.locator('blockquote sup').first().textContent()).toBe('1');
    const footnotes = preview.getByRole('region', { name: 'Footnotes' });
    // APA title-cases the source title in the citation.
    await expect.poll(() => footnotes.textContent()).toMatch(new RegExp(`^1\\. \\(${TITLE}, n\\.d\\., para\\. 2\\)`, 'i'));
    expect(await preview.textContent()).not.toContain('[^1]');
    await screenshot(page, 'briefing');

    // Hostile statement and note: visible as text, nothing executable in the DOM.
    expect(await preview.textContent()).toContain('<script>window.__pwned=1</script>');
    // The briefing escapes Markdown in notes too, so the note reads exactly as typed.
    expect(await preview.textContent()).toContain('**Checked** against the council papers.');
    expect(await preview.textContent()).toContain('[click me](javascript:window.__pwned=7)');
    expect(await preview.locator('script, img, svg, iframe, style, [style], [onerror], [onload]').count()).toBe(0);
    const hrefs = await preview.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => h !== null && !/^(?:https?:|mailto:)/.test(h))).toEqual([]);
    for (const link of await preview.locator('a:not([href])').all()) await link.click();

    // Export: the downloaded file is exactly the Markdown the preview rendered.
    const markdown = await page.getByLabel('Briefing Markdown').textContent();
    expect(markdown).toContain('> cost about 412 million euros[^1]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(await readFile(await download.path(), 'utf8')).toBe(markdown);

    // Another format downloads under its own file name.
    await page.getByRole('combobox', { name: /^Format/ }).selectOption('bibtex');
    const [bib] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
    expect(bib.suggestedFilename()).toMatch(/\.bib$/);
    expect(await readFile(await bib.path(), 'utf8')).toContain('@');
    await page.getByRole('combobox', { name: /^Format/ }).selectOption('md');

    // Hand-picked claims: nothing is previewed until one is chosen.
    await page.getByLabel('Chosen claims, in order').check();
    await page.getByRole('heading', { name: 'Nothing chosen yet' }).waitFor();
    await page.getByLabel('Add a claim').selectOption({ index: 1 });
    await page.getByRole('list', { name: 'Chosen claims' }).getByRole('listitem').waitFor();
    await expect.poll(() => page.getByLabel('Briefing Markdown').textContent()).toContain('> cost about 412 million euros[^1]');
    await screenshot(page, 'briefing-chosen');
    await page.getByLabel('All claims').check();

    // Tamper with the stored text (while the server is down, as the running service caches
    // verified texts): the export stops and names the quote.
    await s.restartServer(async () => {
      const texts = join(s.notebookDir, 'texts');
      const [file] = await readdir(texts);
      const stored = await readFile(join(texts, file as string), 'utf8');
      await writeFile(join(texts, file as string), stored.replace('412 million euros', '421 million euros'));
    });
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Briefing/ }).click();
    const problems = page.getByRole('list', { name: 'Verification problems' });
    await expect.poll(() => problems.textContent()).toContain(PHRASE.slice(0, 20));
    expect(await page.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(true);
    await screenshot(page, 'briefing-stopped');
    await page.getByLabel('Include unverified quotes (marked)').check();
    await expect.poll(() => page.getByLabel('Briefing Markdown').textContent()).toMatch(/unverified/i);
    expect(await page.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(false);

    expect(await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null, title: document.title }))).toEqual({ pwned: null, title: 'Research Notebook' });
    expect(s.problems).toEqual([]);
  }, 60_000);
});

/**
 * The Search view against the real server's index: results show their type,
 * source and paragraph with the matched words in <mark> elements, "Make quote"
 * on a source passage creates a quote of the sentence around the match, a malformed query explains
 * itself instead of failing, hostile text in results stays inert, and the quick
 * switcher hands its query over to the Search view.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, openEmptyNotebook, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';

const s = useSession();

describe('search', () => {
  it('finds passages with marked matches, makes a quote from one, explains a bad query and keeps hostile text inert', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    await page.getByLabel('Choose files to import').setInputFiles([join(FIXTURES, 'harbour-dredging.txt'), join(FIXTURES, 'hostile-markup.txt')]);
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: TITLE, exact: true }).waitFor();

    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByLabel('Search query').fill('"heavy metals"');
    const results = page.getByRole('list', { name: 'Search results' });
    const hit = results.getByRole('listitem').filter({ hasText: 'heavy metals' }).first();
    await hit.locator('mark').first().waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['heavy metals']);
    expect(await hit.textContent()).toContain(TITLE);
    expect(await hit.textContent()).toMatch(/passage.*¶ \d+/);
    await screenshot(page, 'search');

    // "Make quote" offers the sentence around the matched words, and quotes it.
    await hit.getByRole('button', { name: 'Make quote' }).click();
    const passage = hit.getByRole('group', { name: 'Passage to quote' }).locator('mark');
    await expect.poll(() => passage.textContent()).toMatch(/^[A-Z].*heavy metals.*\.$/);
    const sentence = (await passage.textContent())!;
    await hit.getByRole('button', { name: /^Save quote/ }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(sentence);
    // The new quote is found too, and opening it leads to the reader.
    await results
      .getByRole('listitem')
      .filter({ hasText: /^quote/ })
      .first()
      .waitFor();
    await results
      .getByRole('listitem')
      .filter({ hasText: /^quote/ })
      .first()
      .getByRole('button')
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => page.locator('.source-text mark').textContent()).toBe(sentence);

    // A malformed query explains itself.
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByLabel('Search query').fill('tag:');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\w/);

    // Hostile text in a passage is shown as text.
    await page.getByLabel('Search query').fill('pwned');
    await results.getByRole('listitem').first().waitFor();
    expect(await results.textContent()).toContain('__pwned');
    expect(await results.locator('script, img, svg, iframe, a').count()).toBe(0);

    // Ctrl+K searches too, and hands the query to the Search view.
    await page.keyboard.press('Control+K');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByLabel('Search sources, quotes, claims and tags').fill('dredged sediment');
    await switcher
      .getByRole('option', { name: /^passage/ })
      .first()
      .locator('mark')
      .first()
      .waitFor();
    await switcher.getByRole('option', { name: /^search\s*Show all results/ }).click();
    await expect.poll(() => page.getByLabel('Search query').inputValue()).toBe('dredged sediment');
    await results.getByRole('listitem').first().waitFor();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(s.problems).toEqual([]);
  }, 60_000);
});

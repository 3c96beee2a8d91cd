/**
 * Hostile content must stay inert: a source full of HTML/script payloads renders
 * as literal text, and a quote note full of hostile Markdown/HTML renders as
 * sanitized markup. Every payload tries to set `window.__pwned` or change the
 * document title; we assert neither happened, and that no page error or
 * unexpected console error (e.g. a CSP violation from something inline) occurred.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, openEmptyNotebook, saveField, screenshot, useSession } from './support/harness.ts';

const s = useSession();

const HOSTILE_NOTE = [
  '**Bold claim** and a [safe link](https://example.org/report).',
  '',
  '<script>window.__pwned = 10; document.title = "pwned-note"</script>',
  '<img src=x onerror="window.__pwned = 11">',
  '[click me](javascript:window.__pwned=12)',
  '<a href="javascript:window.__pwned=13">raw link</a>',
  '<svg onload="window.__pwned=14"><circle r="4"/></svg>',
  '![pic](x" onerror="window.__pwned=15)',
  '<iframe src="javascript:parent.__pwned=16"></iframe>',
  '<div style="background:url(javascript:window.__pwned=17)">styled</div>',
].join('\n');

async function pwned(page: Page) {
  return page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null, title: document.title }));
}

describe('hostile content in the browser', () => {
  it('renders a hostile source as inert text and a hostile note as sanitized markup', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);

    // The CSP the page runs under is the protocol's strict one.
    const res = await page.request.get(s.server.url.split('#')[0] as string);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");

    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'hostile-markup.txt'));
    const title = page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: /^Hostile markup sample <script>/ });
    await title.waitFor();
    // The title shows the markup literally.
    expect(await title.textContent()).toContain("<script>window.__pwned = 1; document.title = 'pwned-script'</script>");
    await title.click();

    const text = page.locator('.source-text');
    await text.waitFor();
    const content = await text.textContent();
    expect(content).toContain('<img src=x onerror="window.__pwned = 2;');
    expect(content).toContain('<svg onload="window.__pwned=4">');
    expect(await text.locator('script, img, svg, iframe, a').count()).toBe(0);
    expect(await page.locator('h1').first().locator('*').count()).toBe(0);

    // Highlight a passage containing markup and attach a hostile note.
    await dragSelect(page, 'A link: <a href="javascript:window.__pwned=3">click');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Add note' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const note = inspector.getByLabel('Note', { exact: true });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill(HOSTILE_NOTE);
    await saveField(note);

    const preview = inspector.getByRole('region', { name: 'Note preview' });
    await preview.locator('strong', { hasText: 'Bold claim' }).waitFor();
    expect(await preview.locator('script, img, svg, iframe, style, [style], [onerror], [onload]').count()).toBe(0);
    // Only the http(s) link keeps a target; the javascript: ones lose their href.
    const hrefs = await preview.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('https://example.org/report');
    expect(hrefs.filter((h) => h !== null && !/^https:/.test(h))).toEqual([]);
    // Raw HTML in a note is shown as text, not dropped silently.
    expect(await preview.textContent()).toContain('<script>window.__pwned = 10;');
    for (const link of await preview.locator('a:not([href])').all()) await link.click();
    await screenshot(page, 'inspector-hostile-note');

    // Hostile text pasted as a new source is inert too.
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: 'Paste text', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text' });
    await dialog.getByLabel('Title (optional)').fill('<img src=x onerror="window.__pwned=20">Pasted');
    await dialog.getByLabel('Text').fill('<svg/onload="window.__pwned=21"> about 3% of ore <script>document.title="pwned-paste"</script>');
    await dialog.getByRole('button', { name: 'Import text' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '<img src=x onerror="window.__pwned=20">Pasted', exact: true }).click();
    await expect.poll(() => page.locator('.source-text').textContent()).toContain('<svg/onload="window.__pwned=21">');

    // Reload to render everything again from stored data.
    await page.reload();
    await page.locator('.source-text').waitFor();
    expect(await pwned(page)).toEqual({ pwned: null, title: 'Research Notebook' });
    expect(s.problems).toEqual([]);
  }, 60_000);
});

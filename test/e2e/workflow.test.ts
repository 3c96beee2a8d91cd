/**
 * The main research workflow in a real browser against the real browser-mode
 * server: import through the file picker, highlight with the mouse, tag, make a
 * claim, add contradicting evidence, reload, undo and redo. Also writes a
 * screenshot of each main view to test/artifacts/screenshots/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, saveField, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const FIRST = 'cost about 412 million euros';
const SECOND = 'container throughput rising almost 9%';

const s = useSession();

describe('the research workflow in the browser', () => {
  it('imports, highlights, tags, claims, links contradicting evidence, survives a reload, and undoes and redoes an edit', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    // The token leaves the address bar at once.
    await expect.poll(() => page.url()).not.toContain('token=');
    // First run: the welcome screen offers the sample or an empty notebook.
    await page.getByRole('heading', { name: 'Welcome to Research Notebook' }).waitFor();
    await screenshot(page, 'welcome');
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    await screenshot(page, 'library-empty');
    await page.getByRole('button', { name: /^Help/ }).click();
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(page, 'help');
    await page.getByRole('button', { name: /^Library/ }).click();

    // Import through the file picker.
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button', { name: TITLE, exact: true }).waitFor();

    await screenshot(page, 'library');

    // Edit the metadata.
    await page.getByRole('button', { name: `Edit details of ${TITLE}` }).click();
    const form = page.getByRole('form', { name: `Details of ${TITLE}` });
    await form.getByLabel('Authors').fill('Mara Quint, Tobias Fenn');
    await form.getByLabel('Publisher').fill('Harbour Ledger');
    await form.getByLabel('Published').fill('2026-03-14');
    await saveField(form.getByLabel('Published'));
    await form.getByRole('button', { name: 'Done' }).click();
    await sources.getByText('Mara Quint, Tobias Fenn · Harbour Ledger · 2026-03-14').waitFor();

    // Open it and highlight a passage with a real mouse drag.
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await dragSelect(page, FIRST);
    const toolbar = page.getByRole('toolbar', { name: 'Selection actions' });
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: 'Highlight green' }).click();
    const mark = page.locator('.source-text mark.hl-green');
    await expect.poll(() => mark.textContent()).toBe(FIRST);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(FIRST);

    // Tag it from the inspector.
    await inspector.getByLabel('Add tag').fill('shipping/costs');
    await inspector.getByRole('button', { name: 'Add tag' }).click();
    await inspector.getByRole('button', { name: 'Remove tag shipping/costs' }).waitFor();

    // Make a claim from it.
    await inspector.getByRole('button', { name: 'New claim from this quote' }).click();
    await inspector.getByLabel('Statement').waitFor();
    await expect.poll(() => inspector.getByLabel('Statement').inputValue()).toBe(FIRST);
    await inspector.getByLabel('Statement').fill('Deepening the Vellmar channel will cost about 412 million euros');
    await saveField(inspector.getByLabel('Statement'));

    // A second quote, made with the toolbar's "Make claim" path skipped: plain highlight.
    await page.getByRole('button', { name: /^Reader/ }).click();
    await dragSelect(page, SECOND);
    await toolbar.getByRole('button', { name: 'Highlight blue' }).click();
    await expect.poll(() => page.locator('.source-text mark.hl-blue').textContent()).toBe(SECOND);
    await screenshot(page, 'reader-highlights');

    // Link it to the claim as contradicting evidence, through the quote picker.
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.getByRole('button', { name: 'Deepening the Vellmar channel will cost about 412 million euros' }).click();
    await inspector.getByRole('button', { name: 'Add evidence…' }).click();
    const picker = page.getByRole('dialog', { name: 'Pick evidence' });
    await picker.getByLabel('Relation').selectOption('contradicts');
    await picker.getByLabel('Find quotes').fill('throughput');
    await picker.getByRole('button', { name: new RegExp(SECOND) }).click();
    await picker.waitFor({ state: 'detached' });
    const evidence = inspector.getByRole('list', { name: 'Evidence' });
    await expect.poll(() => evidence.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => evidence.getByLabel(/^Relation of “container throughput/).inputValue()).toBe('contradicts');
    await screenshot(page, 'claims-inspector');

    // A second claim linked to the first, so backlinks show.
    await page.getByLabel('New claim statement').fill('Traffic through Vellmar is growing far slower than planned');
    await page.getByRole('button', { name: 'Add claim' }).click();
    await inspector.getByLabel('Claim to link').selectOption({ label: 'Deepening the Vellmar channel will cost about 412 million euros' });
    await inspector.getByLabel('Link relation').selectOption('supports');
    await inspector.getByRole('button', { name: 'Link claim' }).click();
    await inspector
      .getByRole('list', { name: 'Linked claims' })
      .getByRole('button', { name: /^Deepening the Vellmar/ })
      .click();
    await inspector
      .getByRole('list', { name: 'Cited by' })
      .getByRole('button', { name: /^Traffic through Vellmar/ })
      .waitFor();
    await screenshot(page, 'claims');

    // The quick switcher jumps to the second quote in the reader.
    await page.keyboard.press('Control+K');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByLabel('Search sources, quotes, claims and tags').fill('throughput rising');
    // The switcher searches the notebook: the quote and the source passage both match; the quote ranks first.
    await switcher.getByRole('option', { name: /^quote\s*container throughput rising almost 9%/ }).waitFor();
    await switcher.getByRole('option', { name: /^passage.*container throughput rising almost 9%/ }).waitFor();
    expect(await switcher.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    expect(await switcher.getByRole('option').first().textContent()).toMatch(/^quote/);
    await screenshot(page, 'quick-switcher');
    await page.keyboard.press('Enter');
    await switcher.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(SECOND);

    // Dark theme.
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await screenshot(page, 'reader-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();

    // Reload: the token comes back from sessionStorage and everything is still there.
    // The reload also returns to the view and source the user was in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('list', { name: 'Sources' }).getByLabel('2 quotes, 1 claim').waitFor();
    await page.getByRole('button', { name: /^Claims/ }).click();
    const row = page.getByRole('row', { name: /Deepening the Vellmar channel/ });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toContain('2');
    await row.getByRole('button').click();
    await expect
      .poll(() =>
        inspector
          .getByRole('list', { name: 'Evidence' })
          .getByLabel(/^Relation of “container throughput/)
          .inputValue(),
      )
      .toBe('contradicts');
    await page.getByRole('button', { name: /^Tags/ }).click();
    await page.getByRole('list', { name: 'Tag hierarchy' }).getByRole('button', { name: 'costs', exact: true }).click();
    await page
      .getByRole('region', { name: 'Items tagged shipping/costs' })
      .getByRole('button', { name: `“${FIRST}”` })
      .waitFor();
    await screenshot(page, 'tags');

    // Rename a tag, then undo it with the keyboard.
    const tree = page.getByRole('list', { name: 'Tag hierarchy' });
    await tree.getByRole('button', { name: 'Rename shipping/costs' }).click();
    await tree.getByLabel('New name for shipping/costs').fill('shipping/port-costs');
    await tree.getByRole('button', { name: 'Save name' }).click();
    await tree.getByRole('button', { name: 'port-costs', exact: true }).waitFor();
    await page.keyboard.press('Control+z');
    await tree.getByRole('button', { name: 'costs', exact: true }).waitFor();
    expect(await tree.getByRole('button', { name: 'port-costs', exact: true }).count()).toBe(0);

    // Merge it into its parent, then undo: the quote gets its old tag back.
    await tree.getByRole('button', { name: 'Merge shipping/costs' }).click();
    await tree.getByLabel('Merge shipping/costs into').fill('shipping');
    await tree.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => tree.getByRole('button', { name: 'costs', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await tree.getByRole('button', { name: 'costs', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Reader/ }).click();
    await expect.poll(() => page.locator('.source-text mark').count()).toBe(2);
    // Clicking a highlight inspects its quote.
    await page.locator('.source-text mark.hl-green').click();
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(FIRST);
    await page.getByRole('list', { name: 'Annotations in document order' }).locator('.annotation-open', { hasText: FIRST }).click();
    await expect.poll(() => inspector.getByRole('button', { name: 'Remove tag shipping/costs' }).count()).toBe(1);

    // Undo and redo an edit: the claim's status.
    await page.getByRole('button', { name: /^Claims/ }).click();
    await row.getByRole('button').click();
    const status = inspector.getByLabel('Status');
    await status.selectOption('disputed');
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('disputed');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('unverified');
    await expect.poll(() => status.inputValue()).toBe('unverified');
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('disputed');
    // The redo reached the notebook, not just the screen.
    await page.reload();
    await page.getByRole('button', { name: /^Claims/ }).click();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /Deepening the Vellmar channel/ })
          .getByRole('cell')
          .nth(2)
          .textContent(),
      )
      .toBe('disputed');

    // Drag and drop a file onto the window imports it.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['# Grain barges wait at Lenholm locks\n\nRoughly 60 barges were queued on Monday, about twice the usual number.\n'], 'grain-barges.md', { type: 'text/markdown' }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: 'Grain barges wait at Lenholm locks', exact: true }).waitFor();

    // An overlapping highlight splits the text at every boundary; both stay clickable.
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: TITLE, exact: true }).click();
    await dragSelect(page, '412 million euros, roughly 30% more');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight pink' }).click();
    const overlap = page.locator('.source-text mark.hl-overlap');
    await expect.poll(() => overlap.textContent()).toBe('412 million euros');
    await expect.poll(() => page.locator('.source-text mark.hl-pink').textContent()).toBe(', roughly 30% more');
    await overlap.click(); // the shorter quote wins where they overlap
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(FIRST);
    await screenshot(page, 'reader-overlap');

    // The toolbar's "Make claim" creates the quote and a claim citing it; "Tag" focuses the tag field.
    await dragSelect(page, 'two of the three largest carriers');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Make claim' }).click();
    await expect.poll(() => inspector.getByLabel('Statement').inputValue()).toBe('two of the three largest carriers');
    await inspector
      .getByRole('list', { name: 'Evidence' })
      .getByLabel(/^Relation of “two of the three/)
      .waitFor();
    await dragSelect(page, 'heavy metals');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Tag' }).click();
    await expect.poll(() => inspector.getByLabel('Add tag').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('environment/sediment');
    await page.keyboard.press('Enter');
    await inspector.getByRole('button', { name: 'Remove tag environment/sediment' }).waitFor();

    // Undoing a delete puts the quote back exactly (same id) and links it to its claim again.
    await page.locator('.source-text mark', { hasText: 'two of the three largest carriers' }).click();
    await inspector.getByRole('button', { name: 'Delete quote' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this quote?' }).getByRole('button', { name: 'Delete quote' }).click();
    await expect.poll(() => page.locator('.source-text mark', { hasText: 'two of the three' }).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.locator('.source-text mark', { hasText: 'two of the three largest carriers' }).click();
    await inspector.getByRole('button', { name: 'two of the three largest carriers', exact: true }).click();
    await expect.poll(() => inspector.getByRole('list', { name: 'Evidence' }).getByRole('listitem').count()).toBe(1);

    expect(s.problems).toEqual([]);
  }, 60_000);
});

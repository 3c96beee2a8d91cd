/**
 * Writing without losing anything, with real keyboard input: the first-run
 * choice survives a server restart; a note and a statement typed and never
 * explicitly saved survive a reload, and closing with typing not yet saved
 * warns first; a bad date is refused at its field in people's words, leaving
 * the source as it was; the inspector folds away and stays folded; tags are
 * shown as written in the quick switcher; "Make quote" from a search hit takes
 * the sentence and can be narrowed before saving; a Windows-1252 file imports
 * with a warning naming the encoding, and damaged UTF-8 is refused with its line.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dragSelect, openEmptyNotebook, screenshot, useSession } from './support/harness.ts';
import { RIVER, RIVER_TITLE } from './support/surface.ts';

const s = useSession();
const NOTE = 'Check the 2024 readings against the board’s own table';
const STATEMENT = 'Young eels at the Osk weir fell by about 40% in three years';

describe('writing on the surface', () => {
  it('remembers the first-run choice when the notebook is opened again by a new server', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    await s.restartServer();
    await page.goto(s.server.url);
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    expect(await page.getByRole('button', { name: /^Start with an empty notebook/ }).count()).toBe(0);
  });

  it('keeps a note and a statement typed and never saved across a reload', async () => {
    const { page } = s;
    await page.getByLabel('Choose files to import').setInputFiles(RIVER);
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: RIVER_TITLE, exact: true }).click();
    await dragSelect(page, 'fell by roughly 40%');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Add note' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const note = inspector.getByLabel('Note', { exact: true });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(NOTE);
    // No click, no key: the pause saves it, and the field says so.
    await inspector
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: RIVER_TITLE }).waitFor();
    await page.getByRole('list', { name: 'Annotations in document order' }).locator('.annotation-open').first().click();
    await expect.poll(() => inspector.getByLabel('Note', { exact: true }).inputValue()).toBe(NOTE);

    await inspector.getByRole('button', { name: 'New claim from this quote' }).click();
    const statement = inspector.getByLabel('Statement');
    await statement.waitFor();
    await statement.fill('');
    await statement.pressSequentially(STATEMENT);
    await inspector
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .first()
      .waitFor();
    await page.reload();
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.getByRole('row', { name: new RegExp(STATEMENT) }).waitFor();
    expect(s.problems).toEqual([]);
  });

  it('warns before closing with typing that is not saved yet', async () => {
    const page = await s.context.newPage();
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page
      .getByRole('row', { name: new RegExp(STATEMENT) })
      .getByRole('button')
      .first()
      .click();
    const note = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Note', { exact: true });
    await note.click();
    let asked = '';
    page.on('dialog', (d) => {
      asked = d.type();
      void d.dismiss();
    });
    await page.keyboard.type('Unsaved thought');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe('beforeunload');
    // The window stayed: the note is saved after the pause, and then it closes without asking.
    await page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .first()
      .waitFor();
    asked = '';
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toBe('');
  });

  it('refuses a date it cannot read at the field, in people’s words, and leaves the source as it was', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: `Edit details of ${RIVER_TITLE}` }).click();
    const form = page.getByRole('form', { name: `Details of ${RIVER_TITLE}` });
    await form.getByLabel('Published').fill('March 2025');
    await form.getByLabel('Published').press('Tab');
    const problem = form.getByRole('alert');
    await expect.poll(() => problem.textContent()).toMatch(/^Write the date as a year, a month or a day: 2025, 2025-04 or 2025-04-02/);
    expect(await page.locator('.toast').count()).toBe(0);
    await form.getByLabel('Published').fill('2025-03');
    await form.getByLabel('Published').press('Control+Enter');
    await expect.poll(() => problem.count()).toBe(0);
    await form.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('list', { name: 'Sources' }).getByText('2025-03').waitFor();
    await screenshot(page, 'surface-library');
  });

  it('folds the inspector away and keeps it folded after a reload', async () => {
    const { page } = s;
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'Hide the inspector' }).click();
    await expect.poll(async () => (await inspector.boundingBox())!.width).toBeLessThan(60);
    await page.reload();
    await inspector.getByRole('button', { name: 'Show the inspector' }).click();
    await expect.poll(async () => (await inspector.boundingBox())!.width).toBeGreaterThan(250);
  });

  it('shows tags as written in the quick switcher', async () => {
    const { page } = s;
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: RIVER_TITLE, exact: true }).click();
    await page.getByRole('list', { name: 'Annotations in document order' }).locator('.annotation-open').first().click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByLabel('Add tag').fill('ecology/eel-counts');
    await inspector.getByLabel('Add tag').press('Enter');
    await inspector.getByRole('button', { name: 'Remove tag ecology/eel-counts' }).waitFor();
    await page.keyboard.press('Control+K');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByLabel('Search sources, quotes, claims and tags').fill('eel counts');
    const tag = switcher.getByRole('option', { name: /^tag/ }).first();
    await tag.waitFor();
    expect(await tag.textContent()).toContain('ecology/eel-counts');
    await page.keyboard.press('Escape');
  });

  it('makes a quote of the sentence around a search hit, narrowed a word before saving', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByLabel('Search query').fill('"night-time releases"');
    const hit = page
      .getByRole('list', { name: 'Search results' })
      .getByRole('listitem')
      .filter({ hasText: /^passage/ })
      .first();
    await hit.getByRole('button', { name: 'Make quote' }).click();
    const passage = hit.getByRole('group', { name: 'Passage to quote' }).locator('mark');
    await expect.poll(() => passage.textContent()).toBe('The third is a trial of night-time releases from the upstream reservoir during heat waves.');
    await hit.getByRole('button', { name: 'End one word earlier' }).click();
    await hit.getByRole('button', { name: 'Start one word later' }).click();
    await expect.poll(() => passage.textContent()).toBe('third is a trial of night-time releases from the upstream reservoir during heat');
    await hit.getByRole('button', { name: /^Save quote/ }).click();
    await expect
      .poll(() => page.getByRole('complementary', { name: 'Inspector' }).locator('blockquote').textContent())
      .toBe('third is a trial of night-time releases from the upstream reservoir during heat');
  });

  it('warns when a file was read as Windows-1252 and refuses damaged UTF-8 with its line', async () => {
    const { page } = s;
    const legacy = join(s.notebookDir, '..', `legacy-${Date.now()}.txt`);
    await writeFile(
      legacy,
      Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners on the Osk quay\n\nPrices rose '), Buffer.from([0x96]), Buffer.from(' about 5% in a year.\n')]),
    );
    const damaged = join(s.notebookDir, '..', `damaged-${Date.now()}.txt`);
    await writeFile(damaged, Buffer.concat([Buffer.from('Caf\u00e9 owners said\nprices rose '), Buffer.from([0xe9]), Buffer.from(' again.\n')]));
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByLabel('Choose files to import').setInputFiles([legacy, damaged]);
    await page
      .locator('.toast-error')
      .filter({ hasText: /invalid UTF-8 text: the file is UTF-8 but byte 0xe9 on line 2 is not/ })
      .waitFor();
    await page
      .getByRole('list', { name: 'Sources' })
      .getByRole('button', { name: /^Café owners on the Osk quay/ })
      .click();
    await page.getByRole('note').filter({ hasText: 'read as Windows-1252' }).waitFor();
    await screenshot(page, 'surface-encoding');
    expect(s.problems).toEqual([]);
  });
});

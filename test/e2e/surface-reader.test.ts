/**
 * The Reader as a surface to trust, with real mouse and keyboard input: the
 * selection toolbar never covers the selection and stays on one line at 1024,
 * 1400 and 1920 px; notifications keep to a corner away from the text column,
 * never catch a drag and are announced; the side column never slides under the
 * header; jumps from a claim's evidence and from a search hit land in the middle
 * third of the window, flashed; a highlight is made, moved between and deleted
 * with the keyboard alone; a highlight has a context menu; the delete
 * confirmation has Cancel, opens away from the pointer and keeps its text
 * readable (contrast ≥ 4.5:1) in both themes, hovered.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect, screenshot, useSession } from './support/harness.ts';
import { SIZES, boxOf, intersects, openRiver, selectionBoxes, textContrast } from './support/surface.ts';

const s = useSession();

const FIRST = 'fewer eels';
const DEEP = 'shading the lower banks is one of the few measures';

describe('the reading surface', () => {
  it('keeps the toolbar off the selection, notifications off the text and the side column under the header, at every width', async () => {
    const { page } = s;
    await openRiver(page, s.server.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const phrase of ['the Lowmarsh Water Board', 'dissolved oxygen', 'Volunteers can register']) {
        await dragSelect(page, phrase);
        const toolbar = page.getByRole('toolbar', { name: 'Selection actions' });
        await toolbar.waitFor();
        const bar = await boxOf(toolbar);
        const lines = await selectionBoxes(page);
        expect(lines.length, `${phrase} at ${size.width}`).toBeGreaterThan(0);
        for (const line of lines) expect(intersects(bar, line), `toolbar over “${phrase}” at ${size.width} px`).toBe(false);
        // One line: every button shares the toolbar's one row.
        const tops = await toolbar.getByRole('button').evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))]);
        expect(tops.length, `toolbar rows at ${size.width} px`).toBe(1);
        await page.keyboard.press('Escape');
      }

      // A notification: in a corner, never over the text column, never under the mouse.
      await page
        .getByRole('button', { name: 'Switch to dark theme' })
        .or(page.getByRole('button', { name: 'Switch to light theme' }))
        .click();
      await dragSelect(page, 'The survey team counted eels');
      await page.keyboard.press('h');
      await page.keyboard.press('Control+z');
      const toast = page.locator('.toast').first();
      await toast.waitFor();
      const column = await boxOf(page.locator('.source-text'));
      const pane = await boxOf(page.locator('.reader-pane'));
      const textColumn = { left: column.left, right: column.right, top: pane.top, bottom: pane.bottom };
      for (const t of await page.locator('.toast').all()) expect(intersects(await boxOf(t), textColumn), `toast over the text at ${size.width} px`).toBe(false);
      const t = await boxOf(toast.locator('.toast-body'));
      const hit = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.toast'), [(t.left + t.right) / 2, (t.top + t.bottom) / 2]);
      expect(hit, 'a notification catches the mouse').toBe(false);
      expect(await page.locator('.toasts [role="status"][aria-live="polite"]').textContent()).toMatch(/Undid/);

      // The header never clips the side column or the text.
      const header = await boxOf(page.locator('.reader .view-header'));
      await page.locator('.reader-side').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
      expect((await boxOf(page.locator('.reader-side'))).top).toBeGreaterThanOrEqual(header.bottom - 0.5);
      expect((await boxOf(page.locator('.reader-pane'))).top).toBeGreaterThanOrEqual(header.bottom - 0.5);
      await screenshot(page, `surface-reader-${size.width}`);
    }
    expect(s.problems).toEqual([]);
  }, 120_000);

  it('lets a drag that ends on a notification still select text, not the side panels', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
    await dragSelect(page, FIRST);
    await page.keyboard.press('h');
    await page.keyboard.press('Control+z');
    const toast = page.locator('.toast').first();
    await toast.waitFor();
    const end = await boxOf(toast);
    const start = await page.locator('.source-text').evaluate((root) => {
      const r = document.createRange();
      const node = root.querySelector('[data-start]')!.firstChild!;
      r.setStart(node, 0);
      r.setEnd(node, 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + 1, y: b.top + b.height / 2 };
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.left) / 2, (start.y + end.top) / 2, { steps: 5 });
    await page.mouse.move(end.left + 20, (end.top + end.bottom) / 2, { steps: 5 });
    await page.mouse.up();
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(0);
    expect(selected).not.toMatch(/Annotations|Suggested figures|Undid|Inspector/);
    expect(selected).toContain('River Osk survey');
    await page.keyboard.press('Escape');
  });

  it('centres and flashes a quote reached from a claim’s evidence and a passage reached from a search hit', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1400, height: 900 });
    await dragSelect(page, DEEP);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Make claim' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('list', { name: 'Evidence' }).waitFor();
    const middleThird = async (what: string) => {
      const h = 900;
      const box = await boxOf(page.locator('.flash').first());
      expect(box.top, `${what}: top`).toBeGreaterThanOrEqual(h / 3);
      expect(box.bottom, `${what}: bottom`).toBeLessThanOrEqual((2 * h) / 3);
    };
    // From the claim's evidence, with the text scrolled away first.
    await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page
      .getByRole('row', { name: new RegExp(DEEP) })
      .getByRole('button')
      .first()
      .click();
    await inspector
      .getByRole('list', { name: 'Evidence' })
      .getByRole('button', { name: new RegExp(DEEP) })
      .click();
    await page.locator('.flash').first().waitFor();
    await middleThird('evidence');
    const mark = await boxOf(page.locator('.source-text mark', { hasText: DEEP }).first());
    expect(mark.top).toBeGreaterThanOrEqual(300);
    expect(mark.bottom).toBeLessThanOrEqual(600);

    // From a search hit on a passage.
    await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByLabel('Search query').fill('"salmon returns"');
    const hit = page
      .getByRole('list', { name: 'Search results' })
      .getByRole('listitem')
      .filter({ hasText: /^passage/ })
      .first();
    await hit.locator('mark').first().waitFor();
    await hit.locator('.search-snippet').click();
    await page.getByRole('heading', { level: 1, name: /River Osk/ }).waitFor();
    await page.locator('.flash').first().waitFor();
    await middleThird('search hit');
    expect(
      await page
        .locator('.flash')
        .first()
        .evaluate((el) => getComputedStyle(el).pointerEvents),
    ).toBe('none');
    await screenshot(page, 'surface-jump');
    expect(s.problems).toEqual([]);
  });

  it('makes a highlight, moves between highlights and deletes one with the keyboard alone', async () => {
    const { page } = s;
    await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
    const marks = page.locator('.source-text mark');
    const before = await marks.count();
    // Tab into the text.
    for (let i = 0; i < 150 && !(await page.evaluate(() => document.activeElement?.classList.contains('source-text'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source text');
    // The caret is where the last jump left it: go to the start of the text, down to the first paragraph, then select two words.
    await page.locator('.reader-caret').waitFor();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    const toolbar = page.getByRole('toolbar', { name: 'Selection actions' });
    await toolbar.waitFor();
    const chosen = (await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim();
    expect(chosen.split(/\s+/)).toHaveLength(2);
    await page.keyboard.press('h');
    await expect.poll(() => marks.count()).toBe(before + 1);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(chosen);

    // Move between highlights: the next one is the claim's evidence further down, then back.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(DEEP);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => inspector.locator('blockquote').textContent()).toBe(chosen);

    // Delete it: the confirmation takes focus on Cancel; Tab to Delete, Enter.
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog', { name: 'Delete this quote?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => marks.count()).toBe(before);
    await expect.poll(() => page.locator('.source-text mark', { hasText: chosen }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source text');

    // The annotations panel by keyboard: ↓ moves, E edits the note.
    const list = page.getByRole('list', { name: 'Annotations in document order' });
    await list.locator('.annotation-open').first().focus();
    await page.keyboard.press('e');
    await expect.poll(() => inspector.getByLabel('Note', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(s.problems).toEqual([]);
  });

  it('offers the same actions in a context menu on a highlight and on a selection', async () => {
    const { page } = s;
    await page.locator('.source-text mark', { hasText: DEEP }).first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Highlight actions' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(expect.arrayContaining(['Edit note', 'Add tag', 'New claim from this quote', 'Delete quote…']));
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await dragSelect(page, 'Brannock Beck');
    await page.locator('.source-text').click({
      button: 'right',
      position: await page.locator('.source-text').evaluate((root) => {
        const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        const b = root.getBoundingClientRect();
        return { x: r.left - b.left + r.width / 2, y: r.top - b.top + r.height / 2 };
      }),
    });
    const selMenu = page.getByRole('menu', { name: 'Selection actions' });
    await selMenu.waitFor();
    await selMenu.getByRole('menuitem', { name: 'Highlight green' }).click();
    await expect.poll(() => page.locator('.source-text mark.hl-green', { hasText: 'Brannock Beck' }).count()).toBe(1);
  });

  it('asks before deleting, with Cancel, away from the pointer, readable hovered in both themes', async () => {
    const { page } = s;
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await page.locator('.source-text mark', { hasText: 'Brannock Beck' }).click();
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const trigger = inspector.getByRole('button', { name: 'Delete quote' });
      const t = await boxOf(trigger);
      const pointer = { x: (t.left + t.right) / 2, y: (t.top + t.bottom) / 2 };
      await page.mouse.click(pointer.x, pointer.y);
      const dialog = page.getByRole('alertdialog', { name: 'Delete this quote?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
      const d = await boxOf(dialog);
      expect(pointer.x >= d.left && pointer.x <= d.right && pointer.y >= d.top && pointer.y <= d.bottom, 'the confirmation opened under the pointer').toBe(false);
      const confirm = dialog.getByRole('button', { name: 'Delete quote' });
      expect(await textContrast(confirm), `${theme}`).toBeGreaterThanOrEqual(4.5);
      await confirm.hover();
      expect(await textContrast(confirm), `${theme}, hovered`).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `surface-confirm-${theme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    }
    expect(await page.locator('.source-text mark', { hasText: 'Brannock Beck' }).count()).toBe(1);
    expect(s.problems).toEqual([]);
  });
});

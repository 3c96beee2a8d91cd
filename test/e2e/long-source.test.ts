/**
 * A long source in the real page: only the part near what is visible is in the
 * DOM, yet a jump to the last highlight lands on it, a selection whose start has
 * been scrolled far away still becomes the right quote, the keyboard caret
 * reaches the end; its suggested figures arrive a part at a time and "Dismiss
 * all" is one undo step; a long import shows its progress and can be cancelled.
 */
import { rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longText, sourceWith, writeNotebook } from '../bench/reader-data.ts';
import { screenshot, useSession } from './support/harness.ts';

const s = useSession();
const LONG = sourceWith(longText(400_000, 9), 'Long depot ledger', 300);
const TEXT = LONG.source.text;

async function openLong() {
  const { page } = s;
  await s.restartServer(async () => {
    await rm(s.notebookDir, { recursive: true, force: true });
    writeNotebook(s.notebookDir, [LONG]);
  });
  await page.goto(s.server.url);
  await page.getByRole('button', { name: LONG.source.title, exact: true }).click();
  await page.locator('.source-text mark').first().waitFor();
}

/** Characters of the source text in the DOM right now. */
const renderedChars = () => s.page.evaluate(() => document.querySelector('.source-text')!.textContent!.length);

describe('a long source', () => {
  it('keeps only the visible part in the DOM and still jumps to the last highlight', async () => {
    const { page } = s;
    await openLong();
    expect(await renderedChars()).toBeLessThan(TEXT.length / 10);
    const last = [...LONG.quotes].sort((a, b) => a.selectors[0].start - b.selectors[0].start).pop()!;
    // The annotations panel is windowed too: End goes to its last row, and the text follows.
    await page.locator('.annotation-open').first().focus();
    await page.keyboard.press('End');
    const mark = page.locator(`.source-text mark[data-quotes~="${last.id}"]`).first();
    await mark.waitFor();
    await expect
      .poll(() =>
        mark.evaluate((m) => {
          const r = m.getBoundingClientRect();
          const p = document.querySelector('.reader-pane')!.getBoundingClientRect();
          return r.top >= p.top && r.bottom <= p.bottom;
        }),
      )
      .toBe(true);
    expect(await mark.textContent()).toBe(TEXT.slice(last.selectors[0].start, Math.min(last.selectors[0].end, Number(await mark.getAttribute('data-start')) + (await mark.textContent())!.length)));
    expect(await renderedChars()).toBeLessThan(TEXT.length / 10);
    await screenshot(page, 'long-source-end');
  });

  it('makes the right quote of a selection whose start was scrolled far out of view', async () => {
    const { page } = s;
    await openLong();
    const start = TEXT.indexOf('Output', 200);
    // Start a selection near the top, scroll a long way down, extend it there (as a drag with autoscroll does).
    const anchorKept = await page.evaluate(async (at) => {
      const seg = [...document.querySelectorAll('.source-text [data-start]')].filter((e) => Number(e.getAttribute('data-start')) <= at).pop()!;
      const sel = window.getSelection()!;
      sel.setBaseAndExtent(seg.firstChild!, at - Number(seg.getAttribute('data-start')), seg.firstChild!, at - Number(seg.getAttribute('data-start')) + 5);
      const pane = document.querySelector('.reader-pane') as HTMLElement;
      for (let i = 0; i < 6; i++) {
        pane.scrollTop += pane.clientHeight;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      const anchor = sel.anchorNode!;
      // Six screens down, the block the selection started in is far outside the rendered window.
      if (document.querySelector('.source-text')!.textContent!.length > 60_000) throw new Error('the window grew');
      const segs = [...document.querySelectorAll('.source-text [data-start]')];
      const visible = segs.find((e) => e.getBoundingClientRect().top > pane.getBoundingClientRect().top + 100)!;
      sel.setBaseAndExtent(sel.anchorNode!, sel.anchorOffset, visible.firstChild!, Math.min(10, visible.textContent!.length));
      document.querySelector('.source-text')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return { connected: anchor.isConnected, end: Number(visible.getAttribute('data-start')) + Math.min(10, visible.textContent!.length) };
    }, start);
    expect(anchorKept.connected).toBe(true);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight yellow' }).click();
    const listQuotes = () =>
      page.evaluate(async () => {
        const token = sessionStorage.getItem('notebook.token')!;
        const res = await fetch('api/listQuotes', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: '{}' });
        return (await res.json()).value as { exact: string; selectors: { start: number; end: number }[] }[];
      });
    await expect.poll(async () => (await listQuotes()).length).toBe(LONG.quotes.length + 1);
    const known = new Set(LONG.quotes.map((q) => q.selectors[0].start));
    const quotes = (await listQuotes()).filter((q) => !known.has(q.selectors[0]!.start) || q.selectors[0]!.start === start);
    const made = quotes.find((q) => q.selectors[0]!.start === start);
    expect(made, 'a quote starting where the selection started').toBeTruthy();
    expect(made!.exact).toBe(TEXT.slice(start, made!.selectors[0]!.end));
    expect(made!.selectors[0]!.end).toBeGreaterThan(start + 5_000);
  });

  it('moves the keyboard caret to the very end and back', async () => {
    const { page } = s;
    await openLong();
    await page.locator('.source-text').focus();
    await page.keyboard.press('Control+End');
    await page.locator('.reader-caret').waitFor();
    const tail = TEXT.slice(-30);
    await expect.poll(() => page.evaluate(() => document.querySelector('.source-text')!.textContent!)).toContain(tail);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.getByRole('toolbar', { name: 'Selection actions' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.evaluate(() => (document.querySelector('.reader-pane') as HTMLElement).scrollTop)).toBeLessThan(100);
  });

  it('shows suggested figures as they are found and dismisses them all in one undo step', async () => {
    const { page } = s;
    await openLong();
    const panel = page.getByRole('complementary', { name: 'Suggested figures' });
    const dismissAll = panel.getByRole('button', { name: /^Dismiss all/ });
    await expect.poll(() => dismissAll.isEnabled(), { timeout: 60_000 }).toBe(true);
    const total = Number((await dismissAll.textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);
    // Windowed: far fewer rows than figures.
    expect(await panel.locator('.suggestion').count()).toBeLessThan(200);
    await screenshot(page, 'long-source-suggestions');
    await dismissAll.click();
    await panel.getByText('No open suggestions in this source.').waitFor({ timeout: 30_000 });
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Undo', exact: true })
          .getAttribute('title')
          .then((t) => t ?? ''),
      )
      .toMatch(/^Undo dismiss/i);
    await page.keyboard.press('Control+z');
    await expect.poll(() => dismissAll.textContent(), { timeout: 60_000 }).toBe(`Dismiss all ${total.toLocaleString('en')}`);
  });

  it('shows an import’s progress and stops it on Cancel, saying what was and was not imported', async () => {
    const { page } = s;
    await openLong();
    await page
      .getByRole('button', { name: /^Library/ })
      .first()
      .click();
    const a = join(s.notebookDir, '..', `first-${Date.now()}.txt`);
    const b = join(s.notebookDir, '..', `second-${Date.now()}.txt`);
    writeFileSync(a, `First file\n\n${longText(11 * 1024 * 1024, 21)}`);
    writeFileSync(b, `Second file\n\n${longText(11 * 1024 * 1024, 22)}`);
    // Hold the first import call until Cancel has been pressed, so the test does not race it.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let calls = 0;
    await page.route('**/api/importFiles', async (route) => {
      calls++;
      await held;
      await route.continue();
    });
    await page.getByLabel('Choose files to import').setInputFiles([a, b]);
    const card = page.getByRole('group', { name: 'Import progress' });
    await card.getByText(/^Importing first-/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-progress');
    await card.getByRole('button', { name: 'Cancel import' }).click();
    release();
    await page.getByText(/Import cancelled: 1 source imported before the cancel stays \(undo with Ctrl\+Z\); 1 file not imported\./).waitFor({ timeout: 30_000 });
    await card.waitFor({ state: 'detached' });
    expect(calls).toBe(1);
    await page.unroute('**/api/importFiles');
    await expect.poll(() => page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: 'First file', exact: true }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: 'Second file', exact: true }).count()).toBe(0);
    await rm(a, { force: true });
    await rm(b, { force: true });
  });

  it('paints the beginning of a long source before the rest has arrived, then the whole text', async () => {
    const { page } = s;
    await s.restartServer(async () => {
      await rm(s.notebookDir, { recursive: true, force: true });
      writeNotebook(s.notebookDir, [LONG]);
    });
    await page.goto(s.server.url);
    // Hold the rest of the text until the beginning has been seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const asked: unknown[] = [];
    await page.route('**/api/getSourceText', async (route) => {
      asked.push(route.request().postDataJSON());
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: LONG.source.title, exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /Loading the rest of the text \(\d+% shown\)/ });
    await status.waitFor();
    expect(await page.locator('.source-text').textContent()).toContain(TEXT.slice(0, 200));
    expect(asked).toHaveLength(1);
    release();
    await status.waitFor({ state: 'detached' });
    await page.unroute('**/api/getSourceText');
    // The last words of the text are reachable: scrolled to the end, they are in the DOM.
    await expect
      .poll(async () => {
        await page.locator('.reader-pane').evaluate((p) => (p.scrollTop = p.scrollHeight));
        return page.locator('.source-text').textContent();
      })
      .toContain(TEXT.slice(-120));
  });
});

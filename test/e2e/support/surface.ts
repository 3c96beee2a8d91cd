/**
 * Measuring the reading surface in the page: boxes of the selection, the
 * toolbar, the text column and notifications, whether two boxes meet, and the
 * contrast of a text colour on its background (WCAG relative luminance), all
 * computed from the page's own layout and styles.
 */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT, openEmptyNotebook } from './harness.ts';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const RIVER = join(ROOT, 'test/fixtures/surface/river-survey.txt');
export const RIVER_TITLE = 'River Osk survey finds fewer eels and warmer water';

/** The three window sizes the surface must work at. */
export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1400, height: 900 },
  { width: 1920, height: 1080 },
] as const;

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box: the element is not visible');
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

/** The line boxes of the page's current text selection. */
export function selectionBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return [];
    return [...sel.getRangeAt(0).getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  });
}

/** The contrast ratio of an element's text colour on its own background colour, from computed styles. */
export function textContrast(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(el);
    const a = lum(style.color);
    const b = lum(style.backgroundColor);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

/** An empty notebook with the river survey imported and open in the Reader. */
export async function openRiver(page: Page, url: string): Promise<void> {
  await openEmptyNotebook(page, url);
  await page.getByLabel('Choose files to import').setInputFiles(RIVER);
  await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: RIVER_TITLE, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: RIVER_TITLE }).waitFor();
}

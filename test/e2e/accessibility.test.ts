/**
 * Accessibility and the README's pictures. axe-core runs in the page on every
 * view (welcome, Library, Reader with its annotations panel, a context menu and
 * a delete confirmation open, Claims, Tags, Search, Review, Briefing, Help, the
 * quick switcher) in the light and the dark theme: no serious or critical
 * violation. The Reader is then photographed at 1024×700, 1400×900 and
 * 1920×1080 in both themes (test/artifacts/screenshots), and the README's two
 * screenshots are taken from the sample notebook (assets/screenshots).
 *
 * axe's source is injected as a script tag, so this file's browser context
 * bypasses the page's CSP (which allows only the app's own scripts); nothing
 * else differs from the other tests' sessions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, screenshot, useSession } from './support/harness.ts';
import { SIZES } from './support/surface.ts';

const s = useSession();
let context: BrowserContext;
let page: Page;
let axeSource = '';

beforeAll(async () => {
  axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  context = await s.browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'light', bypassCSP: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => s.problems.push(`pageerror: ${e.message}`));
});
afterAll(async () => {
  await context?.close();
});

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Serious and critical violations axe finds in the page as it is now. */
async function violations(): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

const setTheme = (theme: 'light' | 'dark') => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

/** Every finding, named by view and theme, so one run shows them all. */
const found: string[] = [];

async function check(view: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(theme);
    // Let transitions (the flash of a jump, hover colours) settle so colours are measured as they stay.
    await page.waitForTimeout(300);
    for (const v of await violations()) found.push(`${view}, ${theme}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  }
  await setTheme('light');
}

describe('accessibility of every view', () => {
  it('has no serious or critical axe violations anywhere, in either theme', async () => {
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /Open the sample notebook/ }).waitFor();
    await check('welcome');
    await page.getByRole('button', { name: /Open the sample notebook/ }).click();
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button').first().waitFor();
    await check('library');

    await sources.locator('.source-title').first().click();
    await page.locator('.source-text mark').first().waitFor();
    await page.getByRole('list', { name: 'Annotations in document order' }).locator('.annotation-open').first().click();
    await check('reader with a quote in the inspector');
    await page.locator('.source-text mark').first().click({ button: 'right' });
    await page.getByRole('menu', { name: 'Highlight actions' }).waitFor();
    await check('highlight context menu');
    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Delete quote' }).click();
    await page.getByRole('alertdialog').waitFor();
    await check('delete confirmation');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

    for (const [nav, ready] of [
      ['Claims', () => page.locator('.claims-table tbody tr').first().waitFor()],
      ['Tags', () => page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor()],
      ['Review', () => page.getByRole('heading', { level: 1, name: 'Review' }).waitFor()],
      ['Briefing', () => page.getByRole('heading', { level: 1, name: 'Briefing' }).waitFor()],
      ['Help', () => page.getByRole('heading', { level: 1, name: 'Help' }).waitFor()],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(`^${nav}`) }).click();
      await ready();
      await check(nav);
    }
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.locator('.claims-table tbody tr').first().getByRole('button').first().click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Statement').waitFor();
    await check('claim in the inspector');

    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByLabel('Search query').fill('hydropower');
    await page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
    await check('search results');

    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Quick switcher' }).waitFor();
    await check('quick switcher');
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
    expect(s.problems).toEqual([]);
  }, 120_000);

  it('photographs the Reader with its annotations panel at three sizes in both themes, and takes the README pictures', async () => {
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('list', { name: 'Sources' }).locator('.source-title').first().click();
    await page.locator('.source-text mark').first().waitFor();
    await page.getByRole('list', { name: 'Annotations in document order' }).locator('.annotation-open').first().click();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(theme);
        await page.waitForTimeout(2000); // the jump's flash fades first
        await screenshot(page, `reader-${size.width}x${size.height}-${theme}`);
      }
    }
    await setTheme('light');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(2000);
    await page.screenshot({ path: join(ROOT, 'assets/screenshots/reader.png') });

    // Claims with the flagged conflict and the inspector.
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.locator('.claims-table .flag-conflict').first().waitFor();
    await page
      .locator('.claims-table tr', { has: page.locator('.flag-conflict') })
      .first()
      .getByRole('button')
      .first()
      .click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Conflicts' }).waitFor();
    await page.screenshot({ path: join(ROOT, 'assets/screenshots/claims.png') });
    expect(s.problems).toEqual([]);
  }, 120_000);
});

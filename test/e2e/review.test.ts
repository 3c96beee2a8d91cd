/**
 * The claim assistant and anchor review in a real browser against the real
 * server: suggested figures are accepted (a claim citing the sentence) or
 * dismissed for good; two claims with incompatible figures are flagged in the
 * table and inspector, listed under Conflicts, and cleared with "Not a
 * conflict"; importing a new version of a source sends drifted quotes to Review
 * (count badge, flags on the claim, reader badges), where a fuzzy one is accepted
 * after seeing its word diff and original context, one orphaned quote is pinned
 * to the old version and another re-selected in the Reader.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, dragSelect, openEmptyNotebook, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const LOAN = 'only if the council approves a second loan of around 95 million euros';
const SEDIMENT = 'sediment could contain heavy metals';
const MORE = 'Vellmar handled more than 70% of the region’s container traffic.';
const ABOUT = 'Vellmar handled about 46% of the region’s container traffic.';

/** The next version of the article: one quote reworded (fuzzy), one sentence replaced (orphaned). */
async function writeNewVersion(dir: string): Promise<string> {
  let text = await readFile(join(FIXTURES, 'harbour-dredging.txt'), 'utf8');
  text = text.replace(LOAN, 'only if the regional council signs off on a second loan of around 95 million euros');
  text = text.replace(/Environmental groups[^\n]*/, 'Environmental groups welcomed a promise to publish the disposal plan in full.');
  text = text.replace('The Port of Vellmar said on Tuesday', 'The Port of Vellmar confirmed on Tuesday');
  const path = join(dir, 'harbour-dredging-v2.txt');
  await writeFile(path, text);
  return path;
}

const s = useSession();

describe('suggestions, conflicts and anchor review', () => {
  it('accepts and dismisses suggested figures, rules out a conflict, and reviews quotes that drifted in a new version', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    const sources = page.getByRole('list', { name: 'Sources' });
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });

    // Suggested figures beside the reader: accept one, dismiss another.
    const panel = page.getByRole('complementary', { name: 'Suggested figures' });
    const nine = panel.getByRole('listitem', { name: 'Suggested figure almost 9%' });
    await expect.poll(() => nine.textContent()).toContain('container throughput rising almost 9%');
    expect(await nine.locator('mark').textContent()).toBe('almost 9%');
    await screenshot(page, 'reader-suggestions');
    await panel.getByRole('button', { name: 'Accept almost 9%' }).click();
    await expect.poll(() => inspector.getByLabel('Statement').inputValue()).toContain('container throughput rising almost 9%');
    await nine.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Dismiss roughly 30%' }).click();
    await panel.getByRole('listitem', { name: 'Suggested figure roughly 30%' }).waitFor({ state: 'detached' });
    // It stays dismissed after a reload (the reader reopens on the same source).
    await page.reload();
    await panel.getByRole('listitem', { name: 'Suggested figure about 412 million euros' }).waitFor();
    expect(await panel.getByRole('listitem', { name: 'Suggested figure roughly 30%' }).count()).toBe(0);

    // Quotes that the next version will move: one cited by a claim.
    await dragSelect(page, LOAN);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Make claim' }).click();
    await expect.poll(() => inspector.getByLabel('Statement').inputValue()).toBe(LOAN);
    await dragSelect(page, SEDIMENT);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight yellow' }).click();
    await expect.poll(() => page.locator('.source-text mark', { hasText: SEDIMENT }).count()).toBe(1);
    await dragSelect(page, 'above the legal limit');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight green' }).click();
    await expect.poll(() => page.locator('.source-text mark', { hasText: 'above the legal limit' }).count()).toBe(1);

    // Two claims whose figures cannot both hold.
    await page.getByRole('button', { name: /^Claims/ }).click();
    for (const statement of [MORE, ABOUT]) {
      await page.getByLabel('New claim statement').fill(statement);
      await page.getByRole('button', { name: 'Add claim' }).click();
      await page.getByRole('row', { name: new RegExp('^' + statement.slice(0, 30)) }).waitFor();
    }
    const moreRow = page.getByRole('row', { name: /^Vellmar handled more than 70%/ });
    await expect.poll(() => moreRow.textContent()).toContain('conflicts with “Vellmar handled about 46%');
    await expect.poll(() => inspector.getByRole('region', { name: 'Conflicts' }).textContent()).toContain('Vellmar handled more than 70%');
    await page.getByRole('button', { name: 'Conflicts (1)' }).click();
    const conflicts = page.getByRole('list', { name: 'Conflicts' });
    await expect.poll(() => conflicts.textContent()).toContain(MORE);
    expect(await conflicts.textContent()).toContain(ABOUT);
    expect(await conflicts.textContent()).toContain('more than 70%');
    await screenshot(page, 'claims-conflicts');
    await conflicts.getByRole('button', { name: /^Not a conflict/ }).click();
    await page.getByRole('heading', { name: 'No conflicts' }).waitFor();
    await page.getByRole('button', { name: 'All claims' }).click();
    await expect.poll(() => moreRow.textContent()).not.toContain('conflicts with');

    // A new version of the source: the reworded quote is fuzzy, the removed one orphaned.
    await page.getByRole('button', { name: /^Library/ }).click();
    await sources.getByLabel(`Choose the new version of ${TITLE}`).setInputFiles(await writeNewVersion(s.notebookDir));
    const toast = page.locator('.toast', { hasText: 'New version of' });
    await expect.poll(() => toast.textContent()).toMatch(/1 fuzzy, 2 orphaned/);
    await page.getByRole('button', { name: /^Review.*3 to review/ }).waitFor();
    await sources.getByRole('button', { name: `3 quotes of ${TITLE} to review` }).waitFor();

    // The claim citing the drifted quote is flagged in the table and the quick switcher.
    await page.getByRole('button', { name: /^Claims/ }).click();
    const loanRow = page.getByRole('row', { name: new RegExp('^' + LOAN.slice(0, 30)) });
    await expect.poll(() => loanRow.textContent()).toContain('1 evidence to review');
    await page.keyboard.press('Control+K');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByLabel('Search sources, quotes, claims and tags').fill('second loan');
    await expect.poll(() => switcher.getByRole('option', { name: /claim/ }).first().textContent()).toContain('needs review');
    await page.keyboard.press('Escape');

    // The reader's badges stand out and lead to Review.
    await page.getByRole('button', { name: /^Library/ }).click();
    await sources.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('button', { name: /1 fuzzy · review/ }).waitFor();
    await screenshot(page, 'reader-drifted');
    await page.getByRole('button', { name: /2 orphaned · review/ }).click();

    // Review: the fuzzy quote shows its word diff and original context, then is accepted.
    const fuzzy = page.getByRole('listitem', { name: /^Review “only if the council approves/ });
    await fuzzy.waitFor();
    expect(await fuzzy.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('regional')]));
    expect((await fuzzy.locator('del').allTextContents()).join(' ')).toContain('approves');
    await fuzzy.getByRole('button', { name: 'Show original context' }).click();
    const context = fuzzy.getByRole('figure', { name: 'Original context' });
    await expect.poll(() => context.locator('mark').textContent()).toBe(LOAN);
    expect(await context.textContent()).toContain('A spokesperson now says');
    await screenshot(page, 'review');
    await fuzzy.getByRole('button', { name: 'Accept' }).click();
    await fuzzy.waitFor({ state: 'detached' });

    // One orphaned quote is pinned to the version it was made on.
    const pinned = page.getByRole('listitem', { name: /^Review “above the legal limit/ });
    await pinned.getByRole('button', { name: 'Pin to old version' }).click();
    await pinned.waitFor({ state: 'detached' });

    // The other is re-selected in the reader.
    const orphan = page.getByRole('listitem', { name: /^Review “sediment could contain/ });
    expect(await orphan.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await orphan.getByRole('button', { name: 'Re-select' }).click();
    await page.locator('.reselect-banner', { hasText: 'Re-selecting' }).waitFor();
    // The toasts sit over the end of the text, where the new passage is.
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await dragSelect(page, 'publish the disposal plan in full');
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Use as new text' }).click();
    await expect.poll(() => page.locator('.source-text mark', { hasText: 'publish the disposal plan in full' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Review/ }).click();
    await page.getByRole('heading', { name: 'All quotes are anchored' }).waitFor();
    await page.getByRole('button', { name: /^Claims/ }).click();
    await expect.poll(() => loanRow.textContent()).not.toContain('to review');

    expect(s.problems).toEqual([]);
  }, 60_000);
});

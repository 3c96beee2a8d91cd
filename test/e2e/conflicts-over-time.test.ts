/**
 * The product's headline case in a real browser: one source says a country holds
 * "almost 70%" of the global hash rate, a newer one that its share "fell to about
 * 46% in April" and "stood at 75% in September 2019". Accepting the figures shows
 * one conflict (70% vs 46%) in the Conflicts view, on both claims and in the
 * briefing; the 2019 figure is an earlier value on the timeline, never a conflict.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, openEmptyNotebook, screenshot, useSession } from './support/harness.ts';

const NEWER = 'Miners scatter as China\u2019s grip on Bitcoin hashing loosens';
const UNDATED = 'Mining pools: who holds the hashing power';

const s = useSession();

describe('conflicts and changes over time', () => {
  it('flags almost 70% against about 46%, and shows 75% in September 2019 as an earlier value', async () => {
    const { page } = s;
    await openEmptyNotebook(page, s.server.url);
    await page.getByLabel('Choose files to import').setInputFiles([join(FIXTURES, 'mining-pools-note.txt'), join(FIXTURES, 'hash-rate-shift.html')]);
    const sources = page.getByRole('list', { name: 'Sources' });
    const panel = page.getByRole('complementary', { name: 'Suggested figures' });
    const inspector = page.getByRole('complementary', { name: 'Inspector' });

    await sources.getByRole('button', { name: UNDATED, exact: true }).click();
    await panel.getByRole('button', { name: 'Accept almost 70%' }).click();
    await page.getByRole('button', { name: /^Library/ }).click();
    await sources.getByRole('button', { name: NEWER.replace('\u2019', "'"), exact: true }).click();
    await panel.getByRole('button', { name: 'Accept about 46%' }).click();
    await panel.getByRole('button', { name: 'Accept 75%' }).click();
    await panel.getByRole('listitem', { name: 'Suggested figure 75%' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.getByRole('button', { name: 'Conflicts (1)' }).click();
    const conflicts = page.getByRole('list', { name: 'Conflicts' });
    await expect.poll(() => conflicts.textContent()).toContain('cannot both hold');
    expect(await conflicts.textContent()).toContain('almost 70%');
    expect(await conflicts.textContent()).toContain('about 46%');
    expect(await conflicts.textContent()).not.toContain('75%');
    const timeline = page.getByRole('list', { name: 'Figures over time' });
    await expect.poll(() => timeline.textContent()).toContain('75% in September 2019');
    await screenshot(page, 'conflicts-over-time');

    // On both claims.
    await page.getByRole('button', { name: 'All claims' }).click();
    for (const name of [/almost 70%/, /about 46%/]) {
      await page.getByRole('row', { name }).getByRole('button').first().click();
      await expect.poll(() => inspector.getByRole('region', { name: 'Conflicts' }).textContent()).toContain('cannot both hold');
    }
    await page.getByRole('row', { name: /: 75%/ }).getByRole('button').first().click();
    expect(await inspector.getByRole('region', { name: 'Conflicts' }).count()).toBe(0);
    await expect.poll(() => inspector.getByRole('region', { name: 'Over time' }).textContent()).toContain('later figure');

    // In the briefing.
    await page.getByRole('button', { name: /^Briefing/ }).click();
    const preview = page.getByRole('article', { name: 'Briefing preview' });
    await expect.poll(() => preview.textContent()).toContain('cannot both hold');
    expect(await preview.textContent()).toContain('75% in September 2019, then');
  });
});

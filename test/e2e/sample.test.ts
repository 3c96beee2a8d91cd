/**
 * The sample notebook end to end: a first-run user opens it from the welcome
 * screen of the real renderer, served by the real browser-mode server, and finds
 * the highlights in the Reader, the claims in the Claims view, and the one
 * conflicting figure flagged on the claims that disagree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSampleSpec } from '../../electron/service/sample.ts';
import type { SampleSpec } from '../../electron/service/sample.ts';
import { screenshot, useSession } from './support/harness.ts';

const s = useSession();
let spec: SampleSpec;

beforeAll(async () => {
  spec = await readSampleSpec();
});

/** The two claims the sample links as contradicting each other: the conflicting figures. */
function conflictingStatements(): [string, string] {
  const link = spec.links.find((l) => l.relation === 'contradicts')!;
  const statement = (key: string) => spec.claims.find((c) => c.key === key)!.statement;
  return [statement(link.from), statement(link.to)];
}

describe('the sample notebook in the browser', () => {
  it('opens from the welcome screen with its highlights, claims and conflicting figure in place', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /Open the sample notebook/ }).click();

    // Library: every sample article.
    const sources = page.getByRole('list', { name: 'Sources' });
    for (const source of spec.sources) await sources.getByRole('button', { name: source.meta.title!, exact: true }).waitFor();
    await screenshot(page, 'sample-library');

    // Reader: the first article's highlights, in their colors.
    const first = spec.sources[0]!;
    await sources.getByRole('button', { name: first.meta.title!, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: first.meta.title! }).waitFor();
    const marks = page.locator('.source-text mark');
    await expect.poll(() => marks.count()).toBe(first.quotes.length);
    for (const q of first.quotes) {
      await expect.poll(() => page.locator(`.source-text mark.hl-${q.color}`, { hasText: q.exact }).count(), { message: q.exact }).toBeGreaterThan(0);
    }
    await screenshot(page, 'sample-reader');

    // Claims: every claim listed; the two that disagree carry the conflict flag.
    await page.getByRole('button', { name: /^Claims/ }).click();
    for (const c of spec.claims)
      await page
        .getByRole('row', { name: new RegExp(escapeRegExp(c.statement.slice(0, 40))) })
        .first()
        .waitFor();
    const [a, b] = conflictingStatements();
    const rowA = page.getByRole('row').filter({ has: page.getByRole('button', { name: a, exact: true }) });
    await expect.poll(() => rowA.locator('.flag-conflict').textContent()).toContain(b.slice(0, 20));
    expect(await page.locator('.claims-table .flag-conflict').count()).toBe(2);

    // The claim's inspector names the conflicting claim and why.
    await rowA.getByRole('button', { name: a, exact: true }).click();
    const conflicts = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Conflicts' });
    await expect.poll(() => conflicts.textContent()).toContain(b.slice(0, 40));
    await expect.poll(() => conflicts.textContent()).toMatch(/almost 40%.*more than 55%|more than 55%.*almost 40%/i);
    await screenshot(page, 'sample-claim-conflict');

    // The Conflicts tab lists exactly that one pair.
    await page.getByRole('button', { name: 'Conflicts (1)' }).click();
    const list = page.getByRole('list', { name: 'Conflicts' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: a, exact: true }).waitFor();
    await list.getByRole('button', { name: b, exact: true }).waitFor();
    await screenshot(page, 'sample-conflicts');

    expect(s.problems).toEqual([]);
  }, 60_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

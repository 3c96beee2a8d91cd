/**
 * The service owns every edit, and every open page follows it: with the page open
 * on a notebook, a highlight made in the page costs exactly one API request (its
 * changes are pushed back), a quote made from the command line — sent to the
 * running host — appears in the page without a reload, and `notebook undo` from
 * the command line takes it away again.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, dragSelect, screenshot, useSession } from './support/harness.ts';

const TITLE = 'Port of Vellmar dredging plan stalls as costs climb';
const IN_PAGE = 'cost about 412 million euros';
const FROM_CLI = 'container throughput rising almost 9%';

const s = useSession();

/** Runs the real `notebook` command (a separate process, as a script would) and returns its exit code and output. */
function notebook(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'electron/cli/notebook.mjs'), '--notebook', s.notebookDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('live changes', () => {
  it('makes a highlight in one request, shows a quote made on the command line at once, and takes it away on `notebook undo`', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
    await page.getByLabel('Choose files to import').setInputFiles(join(FIXTURES, 'harbour-dredging.txt'));
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const sourceId = (await notebook(['sources', '--json'])).stdout;
    const id = (JSON.parse(sourceId) as { sources: { id: string; title: string }[] }).sources.find((x) => x.title === TITLE)!.id;

    // One highlight, one request: count every API call from the click until the page has settled.
    const requests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) requests.push(path);
    });
    await dragSelect(page, IN_PAGE);
    await page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name: 'Highlight green' }).click();
    await page.locator('.source-text mark.hl-green').filter({ hasText: 'million euros' }).waitFor();

    // From the command line, while the page is open: the CLI sends the quote to the running host.
    const quoted = await notebook(['quote', id, '--exact', FROM_CLI, '--color', 'blue', '--json']);
    expect(quoted.stderr).toBe('');
    expect(quoted.code).toBe(0);
    const cliMark = page.locator('.source-text mark.hl-blue').filter({ hasText: 'throughput' });
    await cliMark.waitFor();
    await expect
      .poll(() =>
        page
          .locator('.source-text mark.hl-blue')
          .allTextContents()
          .then((t) => t.join('')),
      )
      .toBe(FROM_CLI);
    await screenshot(page, 'reader-live-cli-quote');

    // Undo from the command line reaches the notebook's last edit — the CLI's quote — and the page follows.
    const undone = await notebook(['undo']);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(/quote/i);
    await cliMark.waitFor({ state: 'detached' });
    await expect(page.locator('.source-text mark.hl-green').count()).resolves.toBeGreaterThan(0);
    // One highlight, one request, and no reload afterwards: the page's own requests were only the highlight's.
    expect(requests).toEqual(['/api/createQuote']);
  });
});

/**
 * Highlight latency in the real page: from the click on "Highlight yellow" in the
 * selection toolbar to the frame that shows the new highlight, in headless
 * Chromium against the browser-mode server, on an empty notebook (one source)
 * and on one of 10,000 sources and 100,000 quotes, side by side in one run. Also
 * counts the API requests each highlight makes (one: the edit; its changes are
 * pushed). Targets (issue 12): the large notebook within 1.5× the empty one, and
 * p95 under 50 ms.
 *
 * Run: npx tsx test/bench/highlight.ts [--scale 0.1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { startServer } from '../../electron/server/server.ts';
import { CHROMIUM, DIST, ensureRendererBuilt } from '../e2e/support/harness.ts';
import { generate } from './storage.ts';
import { percentile, table } from './stats.ts';

const HIGHLIGHTS = 30;

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** Opens `sourceId` in the Reader, then makes HIGHLIGHTS highlights one after another, timing each. */
async function measure(page: Page, url: string, sourceId: string): Promise<{ ms: number[]; requests: number[]; loadMs: number }> {
  const t0 = Date.now();
  await page.goto(url);
  // Straight to the Reader on the source: the place a reload returns to.
  await page.evaluate((id) => sessionStorage.setItem('notebook.place', JSON.stringify({ view: 'reader', sourceId: id })), sourceId);
  await page.reload();
  await page.waitForSelector('.source-text');
  const loadMs = Date.now() - t0;
  let apiRequests = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) {
      apiRequests++;
      if (process.env.BENCH_DEBUG) console.log(new URL(r.url()).pathname);
    }
  });
  const ms: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    // Select the i-th sentence-sized stretch (not yet highlighted) and release the mouse there: the toolbar appears.
    await page.evaluate((n) => {
      const root = document.querySelector('.source-text')!;
      const text = root.textContent ?? '';
      const start = 950 + n * 25;
      const locate = (offset: number): [Node, number] => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const len = t.textContent?.length ?? 0;
          if (offset < seen + len) return [t, offset - seen];
          seen += len;
        }
        throw new Error(`offset ${offset} past the end of ${text.length}`);
      };
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(start + 20));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, i);
    await page.waitForSelector('.selection-toolbar [aria-label="Highlight yellow"]');
    const before = apiRequests;
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const root = document.querySelector('.source-text')!;
          const ids = () => new Set([...root.querySelectorAll('mark[data-quotes]')].flatMap((m) => (m.getAttribute('data-quotes') ?? '').split(' ')));
          const known = ids();
          const t = performance.now();
          const observer = new MutationObserver(() => {
            if ([...ids()].some((id) => !known.has(id))) {
              observer.disconnect();
              // The frame that shows it: the next animation frame after the DOM changed.
              requestAnimationFrame(() => resolve(performance.now() - t));
            }
          });
          observer.observe(root, { childList: true, subtree: true, attributes: true });
          (document.querySelector('.selection-toolbar [aria-label="Highlight yellow"]') as HTMLElement).click();
        }),
    );
    ms.push(elapsed);
    if (process.env.BENCH_DEBUG) console.log('highlight', i, elapsed.toFixed(1));
    // Let anything the highlight triggers settle before counting its requests.
    await page.waitForTimeout(50);
    requests.push(apiRequests - before);
  }
  return { ms, requests, loadMs };
}

export async function main(): Promise<void> {
  const scale = Number(arg('--scale') ?? '1');
  const SOURCES = Math.max(10, Math.round(10_000 * scale));
  await ensureRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), 'nb-highlight-bench-'));
  console.log(`\n## Highlight latency in Chromium: click → painted highlight, ${HIGHLIGHTS} highlights each, empty notebook vs ${SOURCES.toLocaleString('en')} sources × 10 quotes`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rows: (string | number)[][] = [];
    const results: Record<string, number[]> = {};
    for (const [label, n] of [
      ['1 source, 10 quotes', 1],
      [`${SOURCES.toLocaleString('en')} sources, ${(SOURCES * 10).toLocaleString('en')} quotes`, SOURCES],
    ] as const) {
      const dir = join(root, `nb-${n}`);
      const all = generate(dir, n, 10);
      const server = await startServer({ notebookDir: dir, port: 0, staticDir: DIST });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        // tsx keeps function names with a __name helper that the page does not have.
        await context.addInitScript('globalThis.__name = (f) => f;');
        const page = await context.newPage();
        page.setDefaultTimeout(120_000);
        const r = await measure(page, server.url, all[Math.floor(all.length / 2)]!.source.id);
        results[label] = r.ms;
        rows.push([label, percentile(r.ms, 50), percentile(r.ms, 95), Math.max(...r.ms), r.loadMs, Math.max(...r.requests)]);
      } finally {
        await context.close();
        await server.close();
      }
    }
    const [small, large] = Object.values(results) as [number[], number[]];
    rows.push(['large ÷ empty', percentile(large, 50) / percentile(small, 50), percentile(large, 95) / percentile(small, 95), '', '', '']);
    console.log(table(['notebook', 'p50 ms', 'p95 ms', 'max ms', 'open ms', 'API requests per highlight'], rows));
    console.log('Targets: large within 1.5× the empty notebook; p95 under 50 ms; one API request per highlight.');
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * The reader and the page at scale, in headless Chromium against the browser-mode
 * server, each figure beside a baseline measured in the same run:
 *   - opening a 1 MB source with 2,000 highlights (click in the Library → the frame
 *     showing its text), and scrolling it end to end (a screenful per frame; frame
 *     time p95, target ≤ 16.7 ms), beside the same text and highlights as plain
 *     static HTML in a page of its own (no app: what the browser alone costs);
 *   - time to first paint of an 8 MB source (target ≤ 300 ms), beside fetching and
 *     parsing that source's JSON in the page (the floor: the bytes must arrive);
 *   - opening the page on a notebook of 10,000 sources and 100,000 quotes (load →
 *     the Library's first rows painted), beside fetching and parsing its snapshot.
 *
 * Frame times come from requestAnimationFrame with the frame-rate limit off, so
 * a frame lasts as long as its work. Run: npx tsx test/bench/reader.ts [--scale 0.1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../electron/server/server.ts';
import { CHROMIUM, DIST, ensureRendererBuilt } from '../e2e/support/harness.ts';
import { longText, sourceWith, writeNotebook } from './reader-data.ts';
import type { GeneratedSource } from './reader-data.ts';
import { generate } from './storage.ts';
import { fmt, percentile, table } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const RUNS = 3;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  return page;
}

/**
 * Clicks a source's title in the Library and returns the ms until the frame after its
 * text is in the reader (`whole`: after all of it is, the rest of a long text included).
 */
async function openFromLibrary(page: Page, url: string, title: string, whole = false): Promise<number> {
  await page.goto(url);
  // The page returns to the place it left (the Reader): go to the Library from there.
  await page.waitForFunction(() => {
    const place = JSON.parse(sessionStorage.getItem('notebook.place') ?? 'null') as { view: string } | null;
    return place?.view !== 'reader' || document.querySelector('.reader-pane') !== null;
  });
  await page
    .getByRole('button', { name: /^Library/ })
    .first()
    .click();
  await page.getByRole('button', { name: title, exact: true }).waitFor();
  return page.evaluate(
    ({ t, whole }) =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button.source-title')].find((b) => b.textContent === t) as HTMLElement;
        const start = performance.now();
        const ready = () => (document.querySelector('.source-text')?.textContent?.length ?? 0) > 0 && !(whole && document.querySelector('.reader-rest'));
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
    { t: title, whole },
  );
}

/** Scrolls the element matching `selector` from top to bottom a screenful per frame; returns each frame's duration. */
async function scrollFrames(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    (sel) =>
      new Promise<number[]>((resolve) => {
        const pane = document.querySelector(sel) as HTMLElement;
        pane.scrollTop = 0;
        const frames: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (last) frames.push(now - last);
          last = now;
          if (pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 1) return resolve(frames);
          pane.scrollTop += pane.clientHeight * 0.9;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(() => requestAnimationFrame(tick));
      }),
    selector,
  );
}

/** The same text with its highlights as static HTML: paragraphs and marks in a scrolling box, no script. */
function staticHtml(g: GeneratedSource): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const text = g.source.text;
  const marks = g.quotes.map((q) => q.selectors[0]).sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    html += esc(text.slice(at, m.start)) + '<mark>' + esc(text.slice(m.start, m.end)) + '</mark>';
    at = m.end;
  }
  html += esc(text.slice(at));
  return `<!doctype html><style>body{margin:0}#pane{height:100vh;overflow:auto}#t{white-space:pre-wrap;max-width:70ch;margin:0 auto;font:17px/1.6 serif}</style><div id="pane"><div id="t">${html}</div></div>`;
}

/** Fetches an API method from inside the page and parses its answer: the floor under anything the page shows of it. */
async function fetchAndParse(page: Page, method: string, args: object): Promise<number> {
  return page.evaluate(
    async ({ method, args }) => {
      const token = sessionStorage.getItem('notebook.token')!;
      const start = performance.now();
      const res = await fetch(`api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: JSON.stringify(args) });
      JSON.parse(await res.text());
      return performance.now() - start;
    },
    { method, args },
  );
}

/** Reloads the page and returns the ms from navigation start until the Library's first rows are painted. */
async function pageOpen(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.evaluate(() => sessionStorage.removeItem('notebook.place'));
  await page.reload();
  await page.locator('.source-list .source-card').first().waitFor();
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

const median = (xs: number[]) => percentile(xs, 50);

export async function main(): Promise<void> {
  const scale = Number(arg('--scale') ?? '1');
  const SOURCES = Math.max(10, Math.round(10_000 * scale));
  await ensureRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), 'nb-reader-bench-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const only = arg('--only');
  try {
    if (only !== 'page') await readerBench(browser, root);
    if (only !== 'reader') await pageBench(browser, root, SOURCES);
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function readerBench(browser: Browser, root: string): Promise<void> {
  {
    console.log(`\n## Reader in Chromium: a 1 MB source with 2,000 highlights, an 8 MB source (medians of ${RUNS} runs)`);
    const oneMb = sourceWith(longText(1_000_000, 3), 'One megabyte report', 2_000);
    const eightMb = sourceWith(longText(8_000_000, 5), 'Eight megabyte report', 0);
    const dir = join(root, 'long');
    writeNotebook(dir, [oneMb, eightMb]);
    const server = await startServer({ notebookDir: dir, port: 0, staticDir: DIST });
    try {
      const page = await newPage(browser);
      const open1: number[] = [];
      const open8: number[] = [];
      const floor8: number[] = [];
      const whole8: number[] = [];
      let frames: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        open1.push(await openFromLibrary(page, server.url, oneMb.source.title));
        if (i === 0) frames = await scrollFrames(page, '.reader-pane');
        open8.push(await openFromLibrary(page, server.url, eightMb.source.title));
        // Another source first: the page reopens the one it left, and a source already open is not fetched again.
        await openFromLibrary(page, server.url, oneMb.source.title);
        whole8.push(await openFromLibrary(page, server.url, eightMb.source.title, true));
        floor8.push(await fetchAndParse(page, 'getSource', { id: eightMb.source.id }));
      }
      // The baseline: the same text and highlights as static HTML, no app.
      const plain = await newPage(browser);
      const staticOpen: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = Date.now();
        await plain.setContent(staticHtml(oneMb), { waitUntil: 'load' });
        await plain.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        staticOpen.push(Date.now() - t);
      }
      const staticFrames = await scrollFrames(plain, '#pane');
      await plain.context().close();
      await page.context().close();
      console.log(
        table(
          ['measure', 'the app', 'baseline', 'baseline is', 'target'],
          [
            ['open 1 MB, 2,000 highlights (ms)', median(open1), median(staticOpen), 'static HTML page', ''],
            [`scroll 1 MB end to end, frame p95 (ms; ${frames.length} frames)`, percentile(frames, 95), percentile(staticFrames, 95), 'static HTML page', '≤ 16.7'],
            ['scroll 1 MB, frame max (ms)', Math.max(...frames), Math.max(...staticFrames), 'static HTML page', ''],
            ['first paint of 8 MB (ms)', median(open8), median(floor8), 'fetch + parse its JSON', '≤ 300'],
            ['  all 8 MB in the reader (ms)', median(whole8), median(floor8), 'fetch + parse its JSON', ''],
          ],
        ),
      );
    } finally {
      await server.close();
    }
  }
}

async function pageBench(browser: Browser, root: string, SOURCES: number): Promise<void> {
  {
    console.log(`\n## Page open in Chromium: ${SOURCES.toLocaleString('en')} sources × 10 quotes (load → Library painted, medians of ${RUNS} runs)`);
    const big = join(root, 'big');
    generate(big, SOURCES, 10);
    const server2 = await startServer({ notebookDir: big, port: 0, staticDir: DIST });
    try {
      const page = await newPage(browser);
      const open: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        open.push(await pageOpen(page, server2.url));
        floor.push(await fetchAndParse(page, 'getSnapshot', {}));
      }
      const rows = await page.locator('.source-list .source-card').count();
      await page.context().close();
      console.log(
        table(
          ['measure', 'the app', 'baseline', 'baseline is', 'ratio'],
          [[`page open (ms; ${rows} rows in the DOM)`, median(open), median(floor), 'fetch + parse the snapshot', `${fmt(median(open) / median(floor))}×`]],
        ),
      );
    } finally {
      await server2.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * End-to-end harness: makes sure the renderer is built, starts the real
 * browser-mode server (electron/server) on a temporary notebook, and drives a
 * headless system Chromium through playwright-core.
 *
 * Chromium is required, not optional: when /usr/bin/chromium is missing the
 * tests FAIL with instructions (CI installs it), they are never skipped.
 *
 * The renderer is rebuilt here when dist/renderer is missing or older than any
 * file under renderer/, so `vitest run test/e2e` works on its own; two test
 * files starting at once share one build through a lock directory.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer } from '../../../electron/server/server.ts';
import type { RunningServer } from '../../../electron/server/server.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist/renderer');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test/artifacts/screenshots');
export const FIXTURES = join(ROOT, 'test/fixtures/articles');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(p) : (await stat(p)).mtimeMs);
  }
  return newest;
}

async function buildIsCurrent(): Promise<boolean> {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = (await stat(index)).mtimeMs;
  return built >= (await newestMtime(join(ROOT, 'renderer')));
}

export async function ensureRendererBuilt(): Promise<void> {
  if (await buildIsCurrent()) return;
  const lock = join(ROOT, 'dist/.renderer-build.lock');
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  for (let i = 0; i < 600; i++) {
    try {
      await mkdir(lock);
    } catch {
      // Another test file is building: wait for it, then re-check.
      await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(lock) && (await buildIsCurrent())) return;
      continue;
    }
    try {
      if (await buildIsCurrent()) return;
      const { build } = await import('vite');
      const cwd = process.cwd();
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      const env = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      process.chdir(ROOT); // the config's root is relative to the project folder
      try {
        await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), mode: 'production', logLevel: 'warn' });
      } finally {
        process.chdir(cwd);
        process.env.NODE_ENV = env;
      }
      return;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  throw new Error('timed out waiting for another renderer build');
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
  }
}

export interface Session {
  server: RunningServer;
  notebookDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * Every page error and console error seen so far. Nothing is filtered: with
   * the Markdown renderer as written, DOMPurify logs no CSP report under this
   * CSP, so any console error is a real problem.
   */
  problems: string[];
  /**
   * Stops the server and starts a new one on the same notebook (new port and
   * token, so the page must go to the new `server.url`; the page is left on
   * about:blank meanwhile). The running service
   * caches verified texts, so a change made on disk (by `whileStopped`) is
   * only seen after this.
   */
  restartServer(whileStopped?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  requireChromium();
  await ensureRendererBuilt();
  const notebookDir = await mkdtemp(join(tmpdir(), 'nb-e2e-'));
  let server = await startServer({ notebookDir, port: 0, staticDir: DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  return {
    get server() {
      return server;
    },
    notebookDir,
    browser,
    context,
    page,
    problems,
    async restartServer(whileStopped) {
      // The page belongs to the server being stopped: leave it first, or its event stream and
      // any request in flight fail (console errors) against the closed port while it is down.
      await page.goto('about:blank');
      await server.close();
      await whileStopped?.();
      server = await startServer({ notebookDir, port: 0, staticDir: DIST });
    },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await rm(notebookDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Selects `phrase` inside the reader's text with a real mouse drag: press just
 * inside the left edge of its first character, move in steps, release just
 * inside the right edge of its last one. The phrase may cross highlights but
 * must sit on one line of text; it is scrolled into view first.
 */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  // The Reader renders after its source loads; on a busy machine that can trail the
  // click that opened it. Wait until the text holds the phrase before measuring it.
  await page.waitForFunction((needle) => (document.querySelector('.source-text')?.textContent ?? '').includes(needle), phrase);
  const box = await page.evaluate((needle) => {
    const root = document.querySelector('.source-text');
    if (!root) throw new Error('no reader text');
    const at = (root.textContent ?? '').indexOf(needle);
    if (at < 0) throw new Error(`phrase not in the reader text: ${needle}`);
    // The phrase may span several segments (text nodes): find the node and offset of a character.
    const locate = (offset: number): [Node, number] => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent?.length ?? 0;
        if (offset < seen + len) return [n, offset - seen];
        seen += len;
      }
      throw new Error('offset past the end');
    };
    const charRect = (offset: number) => {
      const [node, i] = locate(offset);
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect();
    };
    // The phrase may be below the fold (a long text in its own scrolling pane): bring it to the middle of
    // its scrolling box first. Not scrollIntoView on the segment, which may be the whole text.
    const first = charRect(at);
    let host = locate(at)[0].parentElement;
    while (host && !(host.scrollHeight > host.clientHeight && /auto|scroll/.test(getComputedStyle(host).overflowY))) host = host.parentElement;
    const frame = host ? host.getBoundingClientRect() : { top: 0, height: window.innerHeight };
    (host ?? document.scrollingElement!).scrollTop += first.top + first.height / 2 - (frame.top + frame.height / 2);
    const a = charRect(at);
    const b = charRect(at + needle.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/**
 * Opens the app on its (empty) notebook and takes the first-run screen's
 * "Start with an empty notebook", landing in the empty Library.
 */
export async function openEmptyNotebook(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /^Start with an empty notebook/ }).click();
  await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
}

/**
 * One session for the whole test file: started before its tests, closed after them.
 * Returns a stand-in that forwards to the live session, so tests read `s.page`,
 * `s.server.url` … as usual.
 */
export function useSession(): Session {
  let current: Session | undefined;
  beforeAll(async () => {
    current = await startSession();
  }, 60_000);
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Session, {
    get(_target, key) {
      if (!current) throw new Error('the browser session has not started (useSession must be called at the top of the test file)');
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/**
 * Commits an autosaved field at once (Ctrl+Enter, as a researcher would instead
 * of waiting for the pause) and waits until the field says "Saved".
 */
export async function saveField(field: Locator): Promise<void> {
  await field.press('Control+Enter');
  await field.locator('xpath=ancestor::*[@data-autosave][1]').locator('.save-saved').waitFor();
}

/**
 * Stands in for the Electron preload's menu bridge (call before the page loads), so a
 * test can fire a File-menu action with `fireMenu`, as the app's menu does.
 */
export async function standInMenuBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { notebookApp: unknown; __menu?: (action: string) => void };
    w.notebookApp = { onMenu: (listener: (action: string) => void) => ((w.__menu = listener), () => {}) };
  });
}

/** Fires a menu action through the bridge `standInMenuBridge` installed. */
export async function fireMenu(page: Page, action: string): Promise<void> {
  await page.evaluate((a) => (window as unknown as { __menu: (action: string) => void }).__menu(a), action);
}

/**
 * The PDF reader of the import table: pdfjs-dist (loaded at first use) gives each
 * page's positioned text; layout.ts puts it in reading order, furniture.ts removes
 * running headers and footers and sets footnotes apart, assemble.ts joins the text,
 * and the page map labels every offset with its page.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { NotebookError } from '../../../shared/result.ts';
import type { PageMap } from '../../../shared/model/pages.ts';
import { normalizeText } from '../../../shared/text/normalize.ts';
import type { BinaryRead } from '../importer.ts';
import { assemble } from './assemble.ts';
import type { PageText } from './assemble.ts';
import { bodySizeOf, findFurniture, splitFootnotes } from './furniture.ts';
import { linesOf, paragraphsOf, readingOrder } from './layout.ts';
import type { Line, TextRun } from './layout.ts';
import { readPdfMeta } from './metadata.ts';
import type { RawPdfMetadata } from './metadata.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
const load = createRequire(import.meta.url);
let pdfjs: Pdfjs | undefined;

/**
 * pdfjs without a worker thread: its worker code runs in this thread when it is
 * found on globalThis.pdfjsWorker, which works the same from the sources, the CLI
 * bundle (pdfjs stays in node_modules) and vitest. Pages are read one at a time with
 * a turn of the event loop between them, so other requests are served meanwhile.
 */
function loadPdfjs(): Pdfjs {
  if (!pdfjs) {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= load('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const restore = hasCanvas() ? null : withoutCanvas();
    try {
      pdfjs = load('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
    } finally {
      restore?.();
    }
  }
  return pdfjs;
}

/** Whether pdfjs's optional rendering package (@napi-rs/canvas, 32 MB of native code) is installed. */
function hasCanvas(): boolean {
  try {
    load.resolve('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

/**
 * Reading text needs none of @napi-rs/canvas, but pdfjs builds a DOMMatrix when it
 * loads and warns (console.warn) when it cannot load the package: without it (an app
 * packaged without the native module), stand-ins for the three classes it would
 * take from there, and its one warning about the package left out (while it loads).
 */
function withoutCanvas(): () => void {
  const g = globalThis as Record<string, unknown>;
  g['DOMMatrix'] ??= class {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
  g['ImageData'] ??= class {};
  g['Path2D'] ??= class {};
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot load "@napi-rs/canvas"'))) warn(...args);
  };
  return () => (console.warn = warn);
}

/**
 * pdfjs's data files, read from its package folder (inside the app's asar too): the
 * CMaps that map the character codes of CJK fonts not embedded in the file to text.
 */
function resources(): { cMapUrl: string; cMapPacked: boolean; standardFontDataUrl: string } {
  const root = dirname(load.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Page numbers as a short list: "3, 7–9, 12". */
export function pageList(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return out.join(', ');
}

/** One-line reasons for a PDF pdfjs cannot open. */
function openFailure(name: string, e: unknown): NotebookError {
  const kind = (e as { name?: string })?.name;
  if (kind === 'PasswordException')
    return new NotebookError('unsupported_file', `${name}: the PDF is encrypted with a password; save an unprotected copy (for example, print it to PDF) and import that`);
  const detail = ((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 120);
  return new NotebookError('unsupported_file', `${name}: not a readable PDF (damaged or truncated: ${detail})`);
}

/** The runs of one page, from pdfjs's text content (font size from the text matrix). */
function runsOf(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const it of items) {
    const item = it as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a, b, , , e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || item.height || 10;
    runs.push({ str: item.str, x: e, y: f, width: item.width ?? 0, size });
  }
  return runs;
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<BinaryRead & { pages: PageMap }> {
  const lib = loadPdfjs();
  const task = lib.getDocument({ data: new Uint8Array(bytes), ...resources(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      throw openFailure(name, e);
    }
    const pageLines: Line[][] = [];
    const noText: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      await nextTurn();
      let lines: Line[];
      try {
        const page = await doc.getPage(n);
        lines = linesOf(runsOf((await page.getTextContent()).items));
        page.cleanup();
      } catch (e) {
        throw openFailure(name, e);
      }
      if (lines.length === 0) noText.push(n);
      pageLines.push(lines);
    }
    if (noText.length === doc.numPages)
      throw new NotebookError(
        'unsupported_file',
        `${name}: the PDF has no text layer on any of its ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} (a scan?); it needs OCR before it can be imported`,
      );
    const furniture = findFurniture(pageLines);
    const bodySize = bodySizeOf(pageLines.map((lines, i) => lines.filter((_l, k) => !furniture.removed[i]!.has(k))));
    const pages: PageText[] = pageLines.map((lines, i) => {
      const { body, notes } = splitFootnotes(
        lines.filter((_l, k) => !furniture.removed[i]!.has(k)),
        bodySize,
      );
      return { body: paragraphsOf(readingOrder(body)), notes: paragraphsOf(readingOrder(notes)) };
    });
    const assembled = assemble(pages);
    canonical(assembled);
    const notes: string[] = [];
    const labels = ((await doc.getPageLabels().catch(() => null)) as string[] | null) ?? null;
    const map = pageMap(assembled, labels, furniture.printed, furniture.offset, doc.numPages, notes);
    if (noText.length)
      notes.push(
        `PDF page${noText.length === 1 ? '' : 's'} ${pageList(noText)} (of ${doc.numPages}) ha${noText.length === 1 ? 's' : 've'} no text layer and need${noText.length === 1 ? 's' : ''} OCR: ${noText.length === 1 ? 'its' : 'their'} text is not imported`,
      );
    if (furniture.kinds.length)
      notes.push(
        `running headers and footers left out of the text: ${furniture.kinds
          .slice(0, 3)
          .map((k) => `“${k.text.slice(0, 60)}” (${k.pages} pages)`)
          .join('; ')}${furniture.kinds.length > 3 ? `; and ${furniture.kinds.length - 3} more` : ''}`,
      );
    const footnotePages = pages.filter((p) => p.notes.length).length;
    if (footnotePages) notes.push(`footnotes of ${footnotePages} page${footnotePages === 1 ? '' : 's'} follow the body text, each cited with its page`);
    const raw = await doc.getMetadata().catch(() => null);
    const meta = readPdfMeta({ info: (raw?.info ?? {}) as Record<string, unknown>, xmp: (raw?.metadata as RawPdfMetadata['xmp']) ?? null });
    return {
      text: assembled.text,
      title: meta.title ?? '',
      authors: meta.authors,
      publisher: null,
      published: meta.published,
      publishedRaw: meta.publishedRaw,
      url: meta.doi ? `https://doi.org/${meta.doi}` : null,
      notes,
      pages: map,
    };
  } finally {
    await task.destroy();
  }
}

/**
 * The importer stores the text normalized (normalize.ts); lines are trimmed, spaced
 * and NFC already, so this is a check, except where a line began with a combining
 * mark: then the text is normalized here and each page start moved with it.
 */
function canonical(a: { text: string; starts: number[] }): void {
  const text = normalizeText(a.text);
  if (text === a.text) return;
  a.starts = a.starts.map((s) => Math.min(text.length, normalizeText(a.text.slice(0, s) + '\u0000').length - 1));
  a.text = text;
}

/**
 * The page map: labels from the PDF's /PageLabels, else the numbers printed in its
 * running headers and footers, else the position; one note when the first two disagree.
 */
function pageMap(a: { starts: number[]; pages: number[] }, labels: string[] | null, printed: (number | null)[], offset: number | null, count: number, notes: string[]): PageMap {
  const printedLabel = (i: number): string => String(offset !== null && i + 1 + offset >= 1 ? i + 1 + offset : i + 1);
  const usable = labels && labels.length === count && labels.some((l) => l.trim() !== '');
  if (usable && offset !== null) {
    const clash = printed.findIndex((p, i) => p !== null && labels[i] !== String(p));
    if (clash >= 0) {
      notes.push(
        `the PDF's page labels and its printed page numbers disagree (PDF page ${clash + 1} is labelled “${labels[clash]!.slice(0, 20)}” but prints ${printed[clash]}); citations use the labels; to cite the printed numbers: notebook edit SOURCE --page-offset ${offset}`,
      );
    }
  }
  const origin: PageMap['origin'] = usable ? 'labels' : offset !== null ? 'printed' : 'position';
  const label = (i: number): string => (origin === 'labels' ? labels![i]!.slice(0, 40) : origin === 'printed' ? printedLabel(i) : String(i + 1));
  return { starts: a.starts, pages: a.pages.map((p) => p + 1), labels: a.pages.map(label), origin };
}

/**
 * Page maps of paged sources (PDF): where each page starts in the normalized text and
 * the label a citation prints for it, and the page a quote's range falls on.
 */
import { z } from 'zod';

/** Most pages a page map holds (a 2,000-page PDF fits with room to spare). */
export const MAX_PAGES = 20_000;
/** Where a map's labels came from: the PDF's own /PageLabels, numbers printed in its headers and footers, or position (1..n). */
export const PAGE_LABEL_ORIGINS = ['labels', 'printed', 'position'] as const;

/**
 * A page map: `starts[i]` is the offset (UTF-16 code units into the normalized text)
 * where page `pages[i]` (1-based page of the file) begins and `labels[i]` its label.
 * Starts are non-decreasing; a page may appear twice (its body, then its footnotes
 * after the body text). `offset`, set by the researcher, replaces the labels: page k
 * of the file is then cited as k + offset.
 */
export const PageMapSchema = z
  .strictObject({
    starts: z.array(z.number().int().nonnegative()).max(MAX_PAGES),
    pages: z.array(z.number().int().positive()).max(MAX_PAGES),
    labels: z.array(z.string().max(40)).max(MAX_PAGES),
    origin: z.enum(PAGE_LABEL_ORIGINS),
    offset: z.number().int().min(-100_000).max(100_000).optional(),
  })
  .refine((m) => m.starts.length === m.labels.length && m.starts.length === m.pages.length, { message: 'a page map needs one page and one label per start' })
  .refine((m) => m.starts.every((s, i) => i === 0 || s >= m.starts[i - 1]!), { message: 'page starts must be in order' });
export type PageMap = z.infer<typeof PageMapSchema>;

/** The label printed for entry `i` of the map (the researcher's offset wins over the stored labels). */
export function labelAt(map: PageMap, i: number): string {
  return map.offset === undefined ? map.labels[i]! : String(map.pages[i]! + map.offset);
}

/** Index of the map entry holding `offset` (the last start at or before it). */
function entryAt(map: PageMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a range lies: its first and last page of the file, and the labels to cite. */
export interface PageSpan {
  first: number;
  last: number;
  firstLabel: string;
  lastLabel: string;
}

/** The pages the range [start, end) covers, or null without a map. */
export function pageSpan(map: PageMap | undefined, start: number, end: number): PageSpan | null {
  if (!map || map.starts.length === 0) return null;
  const a = entryAt(map, start);
  const b = entryAt(map, Math.max(start, end - 1));
  return { first: map.pages[a]!, last: map.pages[b]!, firstLabel: labelAt(map, a), lastLabel: labelAt(map, b) };
}

/** The locator a citation prints: "14", or "83–84" across pages (en dash). */
export function pageLocator(span: PageSpan): string {
  return span.firstLabel === span.lastLabel ? span.firstLabel : `${span.firstLabel}–${span.lastLabel}`;
}

/** "p. 14" or "pp. 83–84": the page citation when no citation style prints it. */
export function pageCitation(span: PageSpan): string {
  return span.firstLabel === span.lastLabel ? `p. ${span.firstLabel}` : `pp. ${span.firstLabel}–${span.lastLabel}`;
}

/**
 * The quote's position as a W3C FragmentSelector on the PDF (RFC 3778 `page=N`,
 * pages of the file counted from 1): `page=14` or `page=83-84`.
 */
export function pageSelector(span: PageSpan): { type: 'FragmentSelector'; conformsTo: 'http://tools.ietf.org/rfc/rfc3778'; value: string } {
  return { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: span.first === span.last ? `page=${span.first}` : `page=${span.first}-${span.last}` };
}

/** The page map of the version `sha256` of a source (its current text or an earlier version), if it has one. */
export function pageMapOf(source: { sha256: string; pages?: PageMap; versions: readonly { sha256: string; pages?: PageMap }[] }, sha256: string): PageMap | undefined {
  return source.sha256 === sha256 ? source.pages : source.versions.find((v) => v.sha256 === sha256)?.pages;
}

/**
 * The pages of a quote: its selectors point into the version `anchor.sha256`, whose
 * page map places them; so a quote re-anchored on a corrected PDF reads the new
 * version's pages, and a pinned one keeps its old version's.
 */
export function quotePageSpan(
  source: { sha256: string; pages?: PageMap; versions: readonly { sha256: string; pages?: PageMap }[] } | undefined,
  quote: { selectors: readonly [{ start: number; end: number }, unknown]; anchor: { sha256: string } },
): PageSpan | null {
  if (!source) return null;
  const [pos] = quote.selectors;
  return pageSpan(pageMapOf(source, quote.anchor.sha256), pos.start, pos.end);
}

const ORIGIN_WORDS: Record<PageMap['origin'], string> = { labels: "the PDF's page labels", printed: 'the page numbers printed on the pages', position: 'the position in the file' };

/** One line on a page map: "300 pages, cited i … 288 (the PDF's page labels)" or "… (page k cited as k + 1646)". */
export function describePages(map: PageMap | undefined): string | null {
  if (!map || map.pages.length === 0) return null;
  const count = Math.max(...map.pages);
  const first = labelAt(map, 0);
  const last = labelAt(map, map.pages.lastIndexOf(count));
  const how = map.offset === undefined ? ORIGIN_WORDS[map.origin] : `page k cited as k ${map.offset < 0 ? '−' : '+'} ${Math.abs(map.offset)}`;
  return `${count} page${count === 1 ? '' : 's'}, cited ${first} … ${last} (${how})`;
}

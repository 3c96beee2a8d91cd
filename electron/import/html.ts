/**
 * Reading an HTML page: keep the article, drop scripts, navigation and footers, and
 * take title, authors, publisher, date and URL from the page's metadata.
 * Mozilla's Readability (Firefox Reader View) finds the article; linkedom gives it
 * a DOM in plain Node without jsdom's weight. Both load at the first HTML import
 * (see lazy.ts). When Readability finds no article (short pages), the body minus
 * chrome elements is used instead.
 */
import { lazy, linkedom } from './lazy.ts';
import { isoDate } from './fit-metadata.ts';

const readability = lazy<typeof import('@mozilla/readability')>('@mozilla/readability');
const parseHTML = (html: string) => linkedom().parseHTML(html);

export interface HtmlArticle {
  text: string;
  title: string | null;
  authors: string[];
  publisher: string | null;
  published: string | null;
  /** The page's date as written, when it had one (a date that is not real is left out of `published`). */
  publishedRaw: string | null;
  url: string | null;
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'DD', 'DT', 'TABLE', 'UL', 'OL', 'HEADER', 'MAIN']);
const DROP = 'script, style, noscript, template, nav, footer, aside, form, iframe, svg, button, [role=navigation], [aria-hidden=true]';

type El = { tagName?: string; nodeType: number; textContent: string | null; childNodes: ArrayLike<El> };

/** Block-aware text of an element: paragraphs separated by blank lines, inline whitespace collapsed. */
export function blockText(root: El): string {
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
    line = '';
  };
  const walk = (n: El) => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n.tagName ?? '').toUpperCase();
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}

type LinkedDocument = ReturnType<typeof import('linkedom').parseHTML>['document'];

function meta(doc: LinkedDocument, ...selectors: string[]): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content') ?? doc.querySelector(s)?.getAttribute('datetime');
    if (v?.trim()) return v.trim();
  }
  return null;
}

export function readHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const doc = document;
  const metaTitle = meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? doc.querySelector('title')?.textContent?.trim() ?? null;
  const authorMeta = meta(doc, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]');
  const publisher = meta(doc, 'meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="application-name"]');
  const publishedRaw = meta(doc, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]', 'time[datetime]');
  const published = isoDate(publishedRaw);
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'meta[property="og:url"]');

  let text = '';
  let byline: string | null = null;
  let articleTitle: string | null = null;
  try {
    const clone = parseHTML(html).document;
    clone.querySelectorAll(DROP).forEach((n: { remove(): void }) => n.remove());
    const article = new (readability().Readability)(clone as never, { charThreshold: 200 }).parse();
    if (article?.content) {
      text = blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as El);
      byline = article.byline?.trim() || null;
      articleTitle = article.title?.trim() || null;
    }
  } catch {
    // Readability gives up on some pages; the fallback below still reads them.
  }
  if (text.trim().length < 80) {
    doc.querySelectorAll(`${DROP}, header`).forEach((n: { remove(): void }) => n.remove());
    const body = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
    text = body ? blockText(body as unknown as El) : '';
  }
  const authors = (authorMeta ?? byline?.replace(/^by\s+/i, '') ?? '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((a) => a.trim())
    .filter((a) => a && a.length < 120);
  return { text, title: metaTitle ?? articleTitle, authors, publisher, published, publishedRaw, url: url && /^https?:\/\//i.test(url) ? url : null };
}

/**
 * The standalone HTML briefing: the same Markdown as the .md export, rendered by the
 * one configured marked instance (briefingMarked, options in shared/export/markdown.ts),
 * sanitized, and wrapped in a full document with print-friendly CSS and a strict CSP
 * (no scripts, no network; the inline stylesheet is allowed by its hash). marked and
 * the sanitizer load at the first HTML export (see ../import/lazy.ts), never at
 * start-up.
 *
 * The sanitizer is sanitize-html: it needs no DOM (htmlparser2 underneath), and it
 * re-serializes what it keeps — every text and attribute value escaped, every
 * element of the allow-list closed — so the page a browser parses holds only the
 * few elements and attributes a briefing uses. A check per attribute value keeps
 * footnote ids and links to their exact shapes. The Markdown is already escaped, so
 * this is the second line of defence. (DOMPurify over jsdom did the same job 10–15×
 * slower on a 1,000-claim briefing; see README "Library choices".)
 */
import { createHash } from 'node:crypto';
import type { Marked } from 'marked';
import type sanitize from 'sanitize-html';
import { BRIEFING_MARKED } from '../../shared/export/markdown.ts';
import { lazy } from '../import/lazy.ts';
import { escapeHtml } from '../../shared/export/escape.ts';

const sanitizer = lazy<typeof sanitize>('sanitize-html');
const marked = lazy<typeof import('marked')>('marked');
let instance: Marked | undefined;

/** The briefing renderer. Use its `lexer` to inspect a briefing and `parse` to render it. */
export function briefingMarked(): Marked {
  return (instance ??= new (marked().Marked)(BRIEFING_MARKED));
}

/** Renders briefing Markdown to an HTML fragment. */
export function renderBriefingHtml(markdown: string): string {
  return briefingMarked().parse(markdown, { async: false });
}

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'blockquote',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'br',
  'hr',
  'a',
  'sup',
  'section',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
/** Elements whose content is dropped with them, not kept as text: code, styles, embedded documents. */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'xmp', 'noembed', 'noframes', 'select'];
const FOOTNOTE_ID = /^fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/;
const ATTRIBUTES: Record<string, (value: string, tag: string) => boolean> = {
  id: (v) => FOOTNOTE_ID.test(v),
  class: (v) => /^(footnotes|footnote-ref|footnote-back)$/.test(v),
  href: (v, tag) => tag === 'a' && (/^#fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/.test(v) || /^https?:\/\/[^\s"'<>]+$/i.test(v)),
  'aria-label': () => true,
  start: (v, tag) => tag === 'ol' && /^\d{1,9}$/.test(v),
  align: (v) => /^(left|right|center)$/.test(v),
};

/** Keeps only the attributes whose values pass their check; http(s) links open without an opener or referrer. */
function checkAttributes(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const kept: sanitize.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const check = ATTRIBUTES[name];
    if (check?.(value, tagName)) kept[name] = value;
  }
  if (tagName === 'a' && /^https?:/i.test(kept['href'] ?? '')) kept['rel'] = 'noopener noreferrer';
  return { tagName, attribs: kept };
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { '*': Object.keys(ATTRIBUTES), a: ['rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: { '*': ['footnotes', 'footnote-ref', 'footnote-back'] },
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { '*': checkAttributes },
  parseStyleAttributes: false,
};

/** Sanitizes an HTML fragment down to the briefing's allow-list. */
export function sanitizeHtml(fragment: string): string {
  return sanitizer()(fragment, OPTIONS);
}

/** Print-friendly: serif body, quotes set off, footnotes small, links show their URL when printed. */
export const BRIEFING_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.8em; margin-bottom: 0.3em; }
h2 { font-size: 1.35em; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; margin-top: 1.8em; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
blockquote { margin: 0.6em 0 0.9em; padding: 0.1em 0 0.1em 1em; border-left: 3px solid #888; color: #222; }
sup a, .footnote-back { text-decoration: none; }
.footnotes { font-size: 0.9em; }
a { color: #1a4f8b; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  blockquote, li { break-inside: avoid; }
  a { color: inherit; }
}
`.trimStart();

/** The briefing Markdown as one self-contained HTML file. */
export function renderHtmlDocument(markdown: string, title: string): string {
  const body = sanitizeHtml(renderBriefingHtml(markdown));
  const styleHash = createHash('sha256').update(BRIEFING_CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BRIEFING_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

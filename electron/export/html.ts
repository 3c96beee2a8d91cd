/**
 * The standalone HTML briefing: the same Markdown as the .md export, rendered by the
 * one configured marked instance (shared/export/markdown.ts), sanitized with
 * DOMPurify, and wrapped in a full document with print-friendly CSS and a strict CSP
 * (no scripts, no network; the inline stylesheet is allowed by its hash).
 *
 * DOMPurify needs a real DOM: on the Node side that is jsdom (linkedom lacks the
 * DOM accessors DOMPurify checks). On top of DOMPurify's own rules, the briefing's
 * allow-list keeps only the few elements and attributes a briefing uses, and a hook
 * checks attribute values (footnote ids and links). The Markdown is already escaped,
 * so this is the second line of defence.
 */
import { createHash } from 'node:crypto';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { renderBriefingHtml } from '../../shared/export/markdown.ts';

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 'code', 'pre', 'br', 'hr',
  'a', 'sup', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const FOOTNOTE_ID = /^fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/;
const ATTRIBUTES: Record<string, (value: string, tag: string) => boolean> = {
  id: (v) => FOOTNOTE_ID.test(v),
  class: (v) => /^(footnotes|footnote-ref|footnote-back)$/.test(v),
  href: (v, tag) => tag === 'a' && (/^#fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/.test(v) || /^https?:\/\/[^\s"'<>]+$/i.test(v)),
  'aria-label': () => true,
  start: (v, tag) => tag === 'ol' && /^\d{1,9}$/.test(v),
  align: (v) => /^(left|right|center)$/.test(v),
};

/** One DOMPurify over one jsdom window, configured once (creating a window costs ~50 ms). */
let purifier: ReturnType<typeof createDOMPurify> | null = null;
function purify(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier;
  const p = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const check = ATTRIBUTES[data.attrName];
    data.keepAttr = !!check && check(data.attrValue, node.nodeName.toLowerCase());
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
  });
  purifier = p;
  return p;
}

/** Sanitizes an HTML fragment down to the briefing's allow-list. */
export function sanitizeHtml(fragment: string): string {
  return purify().sanitize(fragment, { ALLOWED_TAGS, ALLOWED_ATTR: Object.keys(ATTRIBUTES), ALLOW_DATA_ATTR: false, KEEP_CONTENT: true });
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

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

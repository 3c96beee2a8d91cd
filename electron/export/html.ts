/**
 * The standalone HTML briefing: the same Markdown as the .md export, rendered by the
 * one configured marked instance (shared/export/markdown.ts), sanitized, and wrapped
 * in a full document with print-friendly CSS and a strict CSP (no scripts, no network;
 * the inline stylesheet is allowed by its hash).
 *
 * Sanitizing: DOMPurify 3.4 does not run on linkedom's window (it needs
 * document.implementation, NodeFilter and DOM accessors linkedom does not provide; with
 * shims it strips everything), and jsdom is not installed. So the fragment is parsed
 * with linkedom and filtered by an allowlist of the few elements and attributes a
 * briefing uses. The Markdown is already escaped, so this is the second line of defence.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { renderBriefingHtml } from '../../shared/export/markdown.ts';

const ALLOWED = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 'code', 'pre', 'br', 'hr',
  'a', 'sup', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
/** Removed with their content (everything else unknown is unwrapped, keeping its text). */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'noscript', 'form', 'input', 'textarea', 'select', 'button', 'link', 'meta', 'base', 'frame', 'frameset', 'img', 'video', 'audio', 'source', 'canvas', 'title', 'head']);
const FOOTNOTE_ID = /^fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/;
const ATTRIBUTES: Record<string, (value: string, tag: string) => boolean> = {
  id: (v) => FOOTNOTE_ID.test(v),
  class: (v) => /^(footnotes|footnote-ref|footnote-back)$/.test(v),
  href: (v, tag) => tag === 'a' && (/^#fn(?:ref)?-[A-Za-z0-9_-]{1,64}$/.test(v) || /^https?:\/\/[^\s"'<>]+$/i.test(v)),
  'aria-label': () => true,
  start: (v, tag) => tag === 'ol' && /^\d{1,9}$/.test(v),
  align: (v) => /^(left|right|center)$/.test(v),
};

interface El {
  nodeType: number;
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<El>;
  parentNode: El | null;
  removeAttribute(name: string): void;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  insertBefore(node: El, ref: El): void;
  removeChild(node: El): void;
}

/** Filters an HTML fragment down to the briefing's allowlist. */
export function sanitizeHtml(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="sanitize-root"></div></body></html>`);
  const root = document.getElementById('sanitize-root') as unknown as El & { innerHTML: string };
  root.innerHTML = fragment;
  clean(root);
  return root.innerHTML;
}

function clean(parent: El): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) continue;
    if (node.nodeType !== 1) {
      parent.removeChild(node); // comments, processing instructions, CDATA
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (DROPPED.has(tag)) {
      parent.removeChild(node);
      continue;
    }
    clean(node);
    if (!ALLOWED.has(tag)) {
      for (const child of Array.from(node.childNodes)) parent.insertBefore(child, node);
      parent.removeChild(node);
      continue;
    }
    for (const { name, value } of Array.from(node.attributes)) {
      const ok = ATTRIBUTES[name.toLowerCase()];
      if (!ok || !ok(value, tag)) node.removeAttribute(name);
    }
    if (tag === 'a' && /^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
  }
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

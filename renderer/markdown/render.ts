/**
 * The ONE place Markdown becomes HTML. Notes are user-written but may be pasted
 * from anywhere, so every rendering goes through DOMPurify before it reaches the
 * page, and the Markdown component below is the only user of
 * dangerouslySetInnerHTML in the renderer.
 *
 * Raw HTML inside Markdown is escaped rather than passed through (the `html`
 * renderer override): a note is prose, not a web page, and escaping keeps a
 * pasted `<script>` visible as text instead of silently vanishing. DOMPurify stays
 * as the second wall in case marked ever emits something unexpected. Links keep
 * only http(s)/mailto targets and open nothing by themselves (the app has no
 * navigation), images are dropped because the CSP blocks remote ones anyway.
 * GFM footnotes (briefing citations) come from the small extension in footnotes.ts.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { footnotes } from './footnotes.ts';
import { escapeHtml } from '../../shared/export/escape.ts';

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});
marked.use(footnotes);

const SAFE_URL = /^(?:https?:|mailto:)/i;

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!SAFE_URL.test(href)) node.removeAttribute('href');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Markdown → sanitized HTML string. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false }) as string;
  return purifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id'],
  });
}

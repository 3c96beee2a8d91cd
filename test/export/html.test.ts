import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { BRIEFING_CSS, renderBriefingHtml, renderHtmlDocument, sanitizeHtml } from '../../electron/export/html.ts';
import { blockquote } from '../../shared/export/escape.ts';

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers, dangerous URLs and unknown elements', () => {
    const out = sanitizeHtml(
      '<p onclick="x()">hi <img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:alert(1)">bad</a> <a href="#fn-2">ok</a></p>' +
        '<iframe src="https://evil.example"></iframe><svg><g onload="alert(1)"></g></svg><span style="color:red">kept text</span><!-- note -->',
    );
    expect(out).toBe('<p>hi <a>bad</a> <a href="#fn-2">ok</a></p>kept text');
  });

  it('keeps the footnote markup and http links a briefing uses', () => {
    const html = '<section class="footnotes"><ol><li id="fn-1"><p>x <a href="#fnref-1" class="footnote-back">↩</a></p></li></ol></section><p><a href="https://e.example/a">e</a></p>';
    expect(sanitizeHtml(html)).toBe(html.replace('<a href="https://e.example/a">', '<a href="https://e.example/a" rel="noopener noreferrer">'));
  });
});

describe('sanitizeHtml on hostile markup', () => {
  const ALLOWED = new Set([
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
  ]);
  const ATTRS = new Set(['id', 'class', 'href', 'aria-label', 'start', 'align', 'rel']);
  /** Every element and attribute a parser finds in the output, as `tag` and `tag@attr=value`. */
  const parsed = (html: string): string[] => {
    const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
    const out: string[] = [];
    for (const el of document.getElementById('root')!.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      out.push(tag);
      for (const a of el.attributes) out.push(`${tag}@${a.name}=${a.value}`);
    }
    return out;
  };

  it.each([
    ['JaVaScRiPt:alert(1)'],
    ['java&#x09;script:alert(1)'],
    ['&#106;avascript:alert(1)'],
    [' javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['https://x.example/"onmouseover="alert(1)'],
    ['#fn-1" onclick="alert(1)'],
  ])('drops the link target %s', (href) => {
    const out = sanitizeHtml(`<p><a href='${href}'>x</a></p>`);
    expect(out).toBe('<p><a>x</a></p>');
  });

  it('keeps only footnote ids and classes, list starts that are numbers, and link targets of the two shapes', () => {
    expect(sanitizeHtml('<li id="fn-a_1">x</li><li id="main">y</li><li id="fn-1 x">z</li>')).toBe('<li id="fn-a_1">x</li><li>y</li><li>z</li>');
    expect(sanitizeHtml('<p class="footnotes">a</p><p class="footnotes evil">b</p><p class="x">c</p>')).toBe('<p class="footnotes">a</p><p>b</p><p>c</p>');
    expect(sanitizeHtml('<ol start="3"><li>a</li></ol><ol start="3x"><li>b</li></ol><ul start="3"><li>c</li></ul>')).toBe('<ol start="3"><li>a</li></ol><ol><li>b</li></ol><ul><li>c</li></ul>');
    expect(sanitizeHtml('<a href="https://ok.example/a?b=1&amp;c=2" target="_blank" style="color:red" rel="opener">ok</a>')).toBe(
      '<a href="https://ok.example/a?b=1&amp;c=2" rel="noopener noreferrer">ok</a>',
    );
  });

  it('drops scripts, styles and embedded documents with their content, and keeps other text escaped', () => {
    const out = sanitizeHtml(
      '<svg><script>alert(1)</script><text>in svg</text></svg><style>body{display:none}</style><noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>' +
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>' +
        '<template><img src=x onerror=alert(1)></template><textarea><img src=x></textarea>' +
        '<p>&lt;script&gt; stays text</p><!--<img src=x onerror=alert(1)>--><![CDATA[<img src=x onerror=alert(1)>]]>',
    );
    expect(out).not.toMatch(/<(?!\/?p>)/);
    expect(out).toContain('<p>&lt;script&gt; stays text</p>');
    expect(parsed(out).every((e) => e === 'p')).toBe(true);
  });

  it('closes what it opens: unbalanced markup comes out balanced', () => {
    expect(sanitizeHtml('<p><strong>bold <em>both')).toBe('<p><strong>bold <em>both</em></strong></p>');
    // A stray </p> is an empty paragraph, as browsers read it.
    expect(sanitizeHtml('</p></blockquote>text<p>')).toBe('<p></p>text<p></p>');
  });

  it('whatever the input, the output holds only allowed elements and attributes and is already sanitized', () => {
    const piece = fc.oneof(
      fc.constantFrom('<', '>', '"', "'", '=', '/', '&', '&#', ';', ' ', '\n', '<!--', '-->', '<![CDATA[', ']]>', 'javascript:', 'https://e.example/', '#fn-1'),
      fc.constantFrom('p', 'a', 'script', 'style', 'img', 'svg', 'math', 'noscript', 'iframe', 'ol', 'li', 'table', 'textarea', 'template', 'title'),
      fc.constantFrom(' href=', ' id=', ' class=', ' onerror=', ' onclick=', ' start=', ' style=', ' src=', ' rel=', ' align='),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const out = sanitizeHtml(pieces.join(''));
        expect(sanitizeHtml(out)).toBe(out);
        for (const e of parsed(out)) {
          const [tag, attr] = e.split('@') as [string, string | undefined];
          expect(ALLOWED.has(tag), e).toBe(true);
          if (attr !== undefined) {
            const name = attr.slice(0, attr.indexOf('='));
            expect(ATTRS.has(name), e).toBe(true);
            expect(name.startsWith('on'), e).toBe(false);
            if (name === 'href') expect(attr.slice(5), e).toMatch(/^(#fn(ref)?-|https?:\/\/)/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderHtmlDocument', () => {
  it('wraps the briefing in a full document with inline print CSS allowed only by its hash', () => {
    const doc = renderHtmlDocument('# Title\n\n> quote[^1]\n\n[^1]: Cite.\n', 'A <b>title</b>');
    expect(doc.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const hash = createHash('sha256').update(BRIEFING_CSS).digest('base64');
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(doc).toContain(`<style>${BRIEFING_CSS}</style>`);
    expect(doc).toContain('@media print');
    expect(doc).toContain('<title>A &lt;b&gt;title&lt;/b&gt;</title>');
    expect(doc).toContain('<li id="fn-1">');
  });

  it('shows hostile quotes as text, never as markup', () => {
    const doc = renderHtmlDocument(`${blockquote('<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:x)')}\n`, 't');
    expect(doc).not.toMatch(/<script|<img|href="javascript/);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [a](javascript:x)');
  });
});

describe('the briefing renderer', () => {
  it('prints raw HTML in Markdown as text instead of passing it through', () => {
    const html = renderBriefingHtml('<script>alert(1)</script>\n\nText with <b>inline</b> HTML.\n');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

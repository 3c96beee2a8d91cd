import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { BRIEFING_CSS, renderHtmlDocument, sanitizeHtml } from '../../electron/export/html.ts';
import { blockquote } from '../../shared/export/escape.ts';
import { renderBriefingHtml } from '../../shared/export/markdown.ts';

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

/**
 * Reading a Markdown file: the stored text is what a reader sees — headings,
 * paragraphs and list items as plain lines — so a quote never has to include `**`
 * or link syntax. marked's lexer does the parsing (loaded at the first Markdown
 * import, see lazy.ts); YAML front matter gives metadata.
 */
import type { Token } from 'marked';
import { lazy } from './lazy.ts';

const marked = lazy<typeof import('marked')>('marked');

export interface MarkdownDoc {
  text: string;
  title: string | null;
  authors: string[];
  published: string | null;
  url: string | null;
}

function inline(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      if (t.type === 'br') return '\n';
      if ('tokens' in t && Array.isArray(t.tokens)) return inline(t.tokens as Token[], 'text' in t ? String(t.text) : '');
      if (t.type === 'escape' || t.type === 'text' || t.type === 'codespan') return unescapeEntities(String((t as { text: string }).text));
      if (t.type === 'image') return String((t as { text: string }).text);
      return 'text' in t ? String(t.text) : '';
    })
    .join('');
}

function unescapeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function blocks(tokens: Token[], out: string[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
      case 'paragraph':
        out.push(inline(t.tokens, t.text));
        break;
      case 'text':
        out.push(inline((t as { tokens?: Token[] }).tokens, t.text));
        break;
      case 'list':
        for (const item of t.items as { tokens: Token[] }[]) {
          const inner: string[] = [];
          blocks(item.tokens, inner);
          out.push('• ' + inner.join(' '));
        }
        break;
      case 'blockquote':
        blocks(t.tokens ?? [], out);
        break;
      case 'code':
        out.push(t.text);
        break;
      case 'table':
        for (const row of [t.header, ...t.rows] as { text: string }[][]) out.push(row.map((c) => c.text).join(' | '));
        break;
      case 'html':
        break; // raw HTML blocks in Markdown are layout, not article text
      default:
        break;
    }
  }
}

export function readMarkdown(md: string): MarkdownDoc {
  const front: Record<string, string> = {};
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(md);
  let body = md;
  if (fm) {
    body = md.slice(fm[0].length);
    for (const line of fm[1]!.split('\n')) {
      const m = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
      if (m) front[m[1]!.toLowerCase()] = m[2]!.replace(/^["']|["']$/g, '').trim();
    }
  }
  const tokens = new (marked().Lexer)().lex(body);
  const out: string[] = [];
  blocks(tokens, out);
  const firstHeading = tokens.find((t) => t.type === 'heading');
  const authors = (front['author'] ?? front['authors'] ?? '').split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean);
  return {
    text: out
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n\n'),
    title: front['title'] ?? (firstHeading && 'text' in firstHeading ? String(firstHeading.text) : null),
    authors,
    published: front['date'] ?? null,
    url: front['url'] ?? null,
  };
}

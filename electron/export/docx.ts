/**
 * The briefing as a Word document (the docx library): the same Markdown as the .md
 * export, read by the one briefing renderer's lexer (briefingMarked) and written as
 * headings, paragraphs, lists, indented quotes and real Word footnotes, one per
 * citation, with the bibliography as its own section. docx loads at the first DOCX export.
 */
import type { Tokens } from 'marked';
import { briefingMarked } from './html.ts';
import type { FootnoteItem, FootnotesToken, FootnoteRefToken } from '../../shared/export/markdown.ts';

type Docx = typeof import('docx');
type Run = InstanceType<Docx['TextRun']> | InstanceType<Docx['FootnoteReferenceRun']> | InstanceType<Docx['ExternalHyperlink']>;
type Para = InstanceType<Docx['Paragraph']>;

interface Style {
  bold?: boolean;
  italics?: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** marked leaves character references (`&#32;` for a kept space) in text tokens: Word wants the characters. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? all;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Renders the briefing Markdown as a .docx file's bytes. */
export async function renderDocx(markdown: string, title: string): Promise<Buffer> {
  const d: Docx = await import('docx');
  const tokens = briefingMarked().lexer(markdown);
  // Footnote labels in the order of their definitions become Word footnote ids 1, 2, …
  const defs = tokens.filter((t): t is FootnotesToken => t.type === 'footnotes').flatMap((t) => t.items);
  const ids = new Map<string, number>(defs.map((f, i) => [f.label, i + 1]));

  const inline = (list: readonly Tokens.Generic[] | undefined, style: Style = {}): Run[] => {
    const out: Run[] = [];
    for (const t of list ?? []) {
      if (t.type === 'footnoteRef') {
        const id = ids.get((t as FootnoteRefToken).label);
        if (id !== undefined) out.push(new d.FootnoteReferenceRun(id));
      } else if (t.type === 'strong') out.push(...inline(t.tokens, { ...style, bold: true }));
      else if (t.type === 'em') out.push(...inline(t.tokens, { ...style, italics: true }));
      else if (t.type === 'link') {
        const href = String((t as Tokens.Link).href);
        const runs = inline(t.tokens, style).filter((r): r is InstanceType<Docx['TextRun']> => r instanceof d.TextRun);
        if (/^https?:\/\//i.test(href)) out.push(new d.ExternalHyperlink({ link: href, children: runs }));
        else out.push(...runs);
      } else if (t.type === 'br') out.push(new d.TextRun({ break: 1 }));
      else if (t.tokens?.length) out.push(...inline(t.tokens, style));
      else out.push(new d.TextRun({ text: decode(String(t.text ?? t.raw ?? '')), ...style }));
    }
    return out;
  };

  const blocks = (list: readonly Tokens.Generic[], quote = false): Para[] => {
    const out: Para[] = [];
    const indent = quote ? { left: 720 } : undefined;
    for (const t of list) {
      if (t.type === 'heading') {
        const level = [d.HeadingLevel.TITLE, d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3][Math.min((t as Tokens.Heading).depth, 4) - 1]!;
        out.push(new d.Paragraph({ heading: level, children: inline(t.tokens) }));
      } else if (t.type === 'paragraph' || t.type === 'text') {
        out.push(new d.Paragraph({ children: inline(t.tokens ?? [t], quote ? { italics: false } : {}), indent, ...(quote ? { style: 'Quote' } : {}) }));
      } else if (t.type === 'blockquote') out.push(...blocks(t.tokens ?? [], true));
      else if (t.type === 'list') {
        for (const item of (t as Tokens.List).items) {
          out.push(new d.Paragraph({ bullet: { level: 0 }, children: (item.tokens as Tokens.Generic[]).flatMap((x) => inline(x.tokens ?? [x])) }));
        }
      } else if (t.type === 'footnotes' || t.type === 'space' || t.type === 'html' || t.type === 'hr') continue;
      else if (t.tokens?.length) out.push(...blocks(t.tokens, quote));
    }
    return out;
  };

  const footnotes: Record<number, { children: Para[] }> = {};
  defs.forEach((f: FootnoteItem, i) => (footnotes[i + 1] = { children: [new d.Paragraph({ children: inline(f.tokens) })] }));
  const doc = new d.Document({
    title,
    creator: 'Research Notebook',
    lastModifiedBy: 'Research Notebook',
    footnotes,
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720 } } }] },
    sections: [{ children: blocks(tokens) }],
  });
  return d.Packer.toBuffer(doc);
}

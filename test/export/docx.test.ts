/**
 * The DOCX briefing: parsed back (mammoth for the text, the package's XML for the
 * footnotes), it has one real Word footnote per citation, each quote exactly, and the
 * bibliography.
 */
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import { FIXTURE_DATE, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

async function fixture(format: 'docx' | 'md'): Promise<string> {
  const fx = buildFixtureNotebook();
  const r = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format, style: 'chicago', includeUnverified: false, date: FIXTURE_DATE, title: 'Autumn briefing' });
  if (!r.ok) throw new Error('fixture export failed');
  return r.content;
}

describe('DOCX briefing', () => {
  it('has one Word footnote per citation, with the citation text, every quote and the bibliography', async () => {
    const bytes = Buffer.from(await fixture('docx'), 'base64');
    const md = await fixture('md');
    const citations = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => m[2]!);
    expect(citations.length).toBe(9);

    const files = unzipSync(new Uint8Array(bytes));
    const footnotesXml = strFromU8(files['word/footnotes.xml']!);
    const documentXml = strFromU8(files['word/document.xml']!);
    // Word's own separator footnotes have ids -1 and 0; ours are numbered from 1.
    const ids = [...footnotesXml.matchAll(/<w:footnote\b[^>]*w:id="(-?\d+)"/g)].map((m) => Number(m[1])).filter((id) => id >= 1);
    expect(ids).toEqual(citations.map((_, i) => i + 1));
    const refs = [...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(ids);

    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const fx = buildFixtureNotebook();
    for (const q of fx.notebook.quotes()) for (const line of q.exact.split('\n')) expect(text).toContain(line);
    expect(text).toContain('Bibliography');
    expect(text).toContain('Okafor, Dana, and Tomas Rietveld');
    // mammoth reads the footnotes back as notes, one per citation, with the citation's text.
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const notes = [...html.matchAll(/<li id="footnote-(\d+)">(.*?)<\/li>/g)];
    expect(notes).toHaveLength(citations.length);
    expect(notes[0]![2]).toContain('Northern Grid Office');
    expect(notes[0]![2]).toMatch(/para\. \d/);
  });
});

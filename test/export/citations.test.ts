import { describe, expect, it } from 'vitest';
import { formatCitations, formatLocatedCitations, toBibtex, toCslJsonString } from '../../electron/export/citations.ts';
import { toCslJson, toCslName } from '../../shared/export/csl.ts';
import type { SourceId, SourceMeta } from '../../shared/model/records.ts';

const base: SourceMeta = {
  id: 's_00000000aa' as SourceId,
  title: 'Smelter *output* [revised] climbs',
  authors: ['Maria Lopez', 'Copper Desk'],
  publisher: 'The Valley Ledger',
  published: '2024-03-05',
  url: 'https://ledger.example/smelter_output',
  accessed: '2024-04-01',
  fileName: 'smelter.txt',
  format: 'txt',
  encoding: 'utf-8',
  sha256: 'a'.repeat(64),
  length: 100,
  importedAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  versions: [],
  suggestions: { accepted: [], dismissed: [] },
};
const web: SourceMeta = { ...base, id: 's_00000000bb' as SourceId, title: 'Harvest outlook', authors: [], publisher: null, published: null, url: null };

describe('toCslJson', () => {
  it('splits people into given and family names and keeps organisations whole', () => {
    expect(toCslName('Maria Lopez')).toEqual({ given: 'Maria', family: 'Lopez' });
    expect(toCslName('Lopez, Maria')).toEqual({ given: 'Maria', family: 'Lopez' });
    expect(toCslName('Ines de la Cruz')).toEqual({ given: 'Ines', family: 'de la Cruz' });
    expect(toCslName('Copper Desk')).toEqual({ literal: 'Copper Desk' });
    expect(toCslName('Reuters')).toEqual({ literal: 'Reuters' });
    expect(toCslName('Ministry of Mines & Energy')).toEqual({ literal: 'Ministry of Mines & Energy' });
  });

  it('maps metadata to CSL-JSON fields and dates to date-parts', () => {
    expect(toCslJson(base)).toEqual({
      id: base.id,
      type: 'article-newspaper',
      title: base.title,
      author: [{ given: 'Maria', family: 'Lopez' }, { literal: 'Copper Desk' }],
      'container-title': 'The Valley Ledger',
      issued: { 'date-parts': [[2024, 3, 5]] },
      URL: base.url,
      accessed: { 'date-parts': [[2024, 4, 1]] },
    });
    expect(toCslJson({ ...web, published: '2023-07' })).toMatchObject({ type: 'webpage', issued: { 'date-parts': [[2023, 7]] } });
    expect(toCslJson(web)).not.toHaveProperty('author');
  });
});

describe('MLA 9 as its handbook prints it', () => {
  it('names the outlet once and cites a paragraph as "par. N"', () => {
    const entry = formatCitations([base], 'mla').get(base.id)!.bibliography;
    expect(entry.match(/The Valley Ledger/g)).toHaveLength(1);
    const located = [...formatLocatedCitations([base], 'mla', [{ sourceId: base.id, paragraph: 8 }]).values()];
    expect(located).toEqual(['(Lopez and Copper Desk, par. 8)']);
  });
});

describe('formatCitations', () => {
  it('formats APA, Chicago and MLA differently, as Markdown without HTML', () => {
    const out = (['apa', 'chicago', 'mla'] as const).map((style) => formatCitations([base, web], style).get(base.id)!);
    expect(new Set(out.map((c) => c.bibliography)).size).toBe(3);
    expect(new Set(out.map((c) => c.inline)).size).toBe(3);
    for (const c of out) {
      expect(c.bibliography).not.toMatch(/<(?!https?:)[a-z/]/i);
      expect(c.bibliography).toContain('*The Valley Ledger*');
      expect(c.bibliography).toContain('<https://ledger.example/smelter_output>');
      expect(c.bibliography).toContain('\\*output\\*');
      expect(c.inline).toContain('Lopez');
    }
    expect(out[0]!.inline).toBe('(Lopez \\& Copper Desk, 2024)');
    expect(out[1]!.inline).toBe('(Lopez and Copper Desk 2024)');
    expect(out[2]!.inline).toBe('(Lopez and Copper Desk)');
  });

  it('puts a paragraph locator into the in-text citation', () => {
    expect(formatCitations([base], 'apa', new Map([[base.id, '3']])).get(base.id)!.inline).toBe('(Lopez \\& Copper Desk, 2024, para. 3)');
  });

  it('also offers the bundled Harvard and Vancouver styles', () => {
    expect(formatCitations([base], 'harvard').get(base.id)!.bibliography).toContain('Available at:');
    expect(formatCitations([base], 'vancouver').get(base.id)!.bibliography).toMatch(/^1\\\. Lopez M/);
  });
});

describe('reference exports', () => {
  it('writes CSL-JSON that parses back to the same items', () => {
    expect(JSON.parse(toCslJsonString([base, web]))).toEqual([toCslJson(base), toCslJson(web)]);
  });

  it('writes BibTeX with one entry per source', () => {
    const bib = toBibtex([base, web]);
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(bib).toContain('title = {Smelter *output* [revised] climbs}');
    expect(bib).toContain('author = {Lopez, Maria and {Copper Desk}}');
  });
});

describe('citation style files', () => {
  it('are read the same from a file URL (sources) and from the data: URL Vite inlines into the bundled main process', async () => {
    const { STYLE_FILES, readStyle } = await import('../../electron/export/citations.ts');
    const fromFile = readStyle(STYLE_FILES.chicago);
    expect(fromFile).toMatch(/<title>Chicago Manual of Style 17th edition \(author-date\)<\/title>/);
    const inlined = new URL(`data:application/octet-stream;base64,${Buffer.from(fromFile).toString('base64')}`);
    expect(readStyle(inlined)).toBe(fromFile);
  });
});

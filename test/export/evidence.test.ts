/**
 * The evidence table: CSV and XLSX from the same rows, read back cell for cell (the
 * XLSX with read-excel-file); cells a spreadsheet would run as formulas are neutralised.
 */
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import type { ExportFormat } from '../../electron/export/index.ts';
import { quoteParagraphs } from '../../shared/export/briefing.ts';
import { EVIDENCE_COLUMNS, evidenceRows, neutralizeCell, toCsv } from '../../shared/export/evidence.ts';
import type { Claim, Quote, QuoteId } from '../../shared/model/records.ts';
import { C, FIXTURE_DATE, Q, S, articleText, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

async function exportFixture(format: ExportFormat): Promise<string> {
  const fx = buildFixtureNotebook();
  const r = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format, style: 'apa', includeUnverified: false, date: FIXTURE_DATE });
  if (!r.ok) throw new Error('fixture export failed');
  return r.content;
}

/** A minimal RFC 4180 reader, for reading the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

function fixtureRows(): string[][] {
  const fx = buildFixtureNotebook();
  const quotes = new Map<QuoteId, Quote>([...fx.notebook.quotes()].map((q) => [q.id, q]));
  const texts = new Map(Object.entries(S).map(([k, id]) => [id, articleText(k as keyof typeof S)]));
  return evidenceRows({ claims: [...fx.notebook.claims()], quotes, sources: new Map([...fx.notebook.sources()].map((s) => [s.id, s])), paragraphs: quoteParagraphs(quotes.values(), texts) });
}

describe('evidence table', () => {
  it('has one row per claim × quote, with the figure and its band, the locator and the verification', () => {
    const rows = fixtureRows();
    expect(rows[0]).toEqual([...EVIDENCE_COLUMNS]);
    const fx = buildFixtureNotebook();
    const links = [...fx.notebook.claims()].reduce((n, c) => n + Math.max(1, c.evidence.length), 0);
    expect(rows).toHaveLength(1 + links);
    const q1 = rows.find((r) => r[11] === Q.q1)!;
    expect(q1[4]).toBe(fx.notebook.getQuote(Q.q1)!.exact);
    expect(q1[6]).toMatch(/^para\. \d+$/);
    expect(q1[9]).toBe('yes');
    const c3 = rows.find((r) => r[10] === C.c3)!;
    // The figure as the briefing prints it (band and date when the claim has them).
    expect(c3[2]).toBe('nearly 1.8 TWh');
    expect(rows.filter((r) => r[10] === C.c5).every((r) => r[2] === '15%')).toBe(true);
  });

  it('neutralises cells that a spreadsheet would run as formulas, and only those', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeCell(v)).toBe(`'${v}`);
    for (const v of ['Output fell', '12%', ' =1', '']) expect(neutralizeCell(v)).toBe(v);
    const fx = buildFixtureNotebook();
    const claim = fx.notebook.getClaim(C.c1)! as Claim;
    const hostile: Claim = { ...claim, statement: '=cmd|"/c calc"!A1', note: '@SUM(1)', tags: ['-x'] };
    const quotes = new Map<QuoteId, Quote>([...fx.notebook.quotes()].map((q) => [q.id, { ...q, exact: `+${q.exact}` }]));
    const rows = evidenceRows({ claims: [hostile], quotes, sources: new Map(), paragraphs: new Map() });
    for (const r of rows.slice(1)) {
      expect(r[0]).toBe(`'=cmd|"/c calc"!A1`);
      expect(r[4]!.startsWith("'+")).toBe(true);
      expect(r[7]!.startsWith("'-x")).toBe(true);
      for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('CSV: the rows read back exactly, after a UTF-8 byte-order mark', async () => {
    const csv = await exportFixture('evidence-csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual(fixtureRows());
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines']])).toBe('\uFEFF"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('XLSX: read back with read-excel-file, every cell equal and a string', async () => {
    const bytes = Buffer.from(await exportFixture('evidence-xlsx'), 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const sheet = await readSheet(bytes);
    const expected = fixtureRows();
    expect(sheet.length).toBe(expected.length);
    // read-excel-file gives null for an empty cell.
    expect(sheet.map((r) => r.map((c) => (c === null ? '' : c)))).toEqual(expected);
    for (const r of sheet) for (const c of r) expect(c === null || typeof c === 'string').toBe(true);
  });
});

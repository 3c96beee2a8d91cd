/**
 * The evidence table: one row per piece of evidence (claim × quote), for a spreadsheet.
 * Every cell is text, and a cell a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) is neutralised with a leading apostrophe, so a
 * hostile quote cannot run anything when the file is opened. Pure; CSV here, XLSX on
 * the Node side (electron/export/spreadsheet.ts) from the same rows.
 */
import { bandText, formatPeriod } from '../claims/quantity.ts';
import type { Claim, Quantity, Quote, QuoteId, SourceId, SourceMeta } from '../model/records.ts';
import { pageCitation, quotePageSpan } from '../model/pages.ts';

/** Where the quote is: "p. 14" / "pp. 83–84" in a paged source (PDF), else "para. N". */
function locatorOf(source: SourceMeta | undefined, q: Quote, para: number | undefined): string {
  const span = quotePageSpan(source, q);
  return span ? pageCitation(span) : para === undefined ? '' : `para. ${para}`;
}

export const EVIDENCE_COLUMNS = ['Claim', 'Status', 'Figure', 'Relation', 'Quote', 'Source', 'Locator', 'Tags', 'Note', 'Verified', 'Claim ID', 'Quote ID'] as const;

export interface EvidenceInput {
  claims: readonly Claim[];
  quotes: ReadonlyMap<QuoteId, Quote>;
  sources: ReadonlyMap<SourceId, SourceMeta>;
  /** The paragraph each quote starts in (see quoteParagraphs). */
  paragraphs: ReadonlyMap<QuoteId, number>;
  /** Quotes that failed the integrity check (included at the author's request). */
  unverified?: ReadonlySet<QuoteId>;
}

/** A cell a spreadsheet would take for a formula gets a leading apostrophe (shown as text, the apostrophe hidden). */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A figure as the briefing prints it, without Markdown: "nearly 1.8 TWh (1.7–1.8 TWh), as of 2024". */
export function figureText(q: Quantity | null | undefined): string {
  if (!q) return '';
  const band = bandText(q);
  return `${q.raw}${band ? ` (${band})` : ''}${q.asOf ? `, as of ${formatPeriod(q.asOf)}` : ''}`;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** Header row, then one row per evidence link (a claim without evidence gets one row of its own); cells neutralised. */
export function evidenceRows(input: EvidenceInput): string[][] {
  const rows: string[][] = [[...EVIDENCE_COLUMNS]];
  for (const claim of input.claims) {
    const claimCells = [claim.statement, claim.status, figureText(claim.quantity)];
    const evidence = claim.evidence.filter((e) => input.quotes.has(e.quoteId));
    if (evidence.length === 0) rows.push([...claimCells, '', '', '', '', claim.tags.join('; '), oneLine(claim.note), '', claim.id, '']);
    for (const e of evidence) {
      const q = input.quotes.get(e.quoteId)!;
      const source = input.sources.get(q.sourceId);
      const para = input.paragraphs.get(q.id);
      const note = [q.note, claim.note].map(oneLine).filter(Boolean).join(' — ');
      rows.push([
        ...claimCells,
        e.relation,
        q.exact,
        source ? `${source.title}${source.authors.length ? ` (${source.authors.join(', ')})` : ''}` : q.sourceId,
        locatorOf(source, q, para),
        uniq([...claim.tags, ...q.tags]).join('; '),
        note,
        input.unverified?.has(q.id) ? 'no: it no longer matches its source' : 'yes',
        claim.id,
        q.id,
      ]);
    }
  }
  return rows.map((r) => r.map(neutralizeCell));
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so spreadsheet programs read the text as UTF-8). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

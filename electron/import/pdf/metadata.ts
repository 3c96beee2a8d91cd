/**
 * A PDF's bibliographic metadata from its info dictionary and XMP packet: title,
 * authors, date and DOI (XMP first, as it is the richer and more often maintained).
 */

export interface PdfMeta {
  title: string | null;
  authors: string[];
  /** As written (an ISO date or a PDF date string), for fitMetadata's note when it cannot be read. */
  publishedRaw: string | null;
  published: string | null;
  doi: string | null;
}

/** What pdfjs's getMetadata gives: the info dictionary and the parsed XMP (names lowercased). */
export interface RawPdfMetadata {
  info: Record<string, unknown>;
  xmp: { get(name: string): unknown; getRaw(): string } | null;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>&]+[^\s"<>&.,;)])/;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** "D:20240517…" or an ISO date → "2024-05-17" (or the year / year-month it names). */
export function pdfDate(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(?:D:)?(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return y!;
  if (d && (Number(d) < 1 || Number(d) > 31)) return `${y}-${mo}`;
  return [y, mo, d].filter(Boolean).join('-');
}

/** "Ana Ruiz; Bo Lind" / "Ana Ruiz, Bo Lind and Cy Tan" → names (a lone "Ruiz, Ana" stays one name). */
export function splitAuthors(raw: string): string[] {
  const parts = raw.includes(';') ? raw.split(';') : raw.split(/\s+(?:and|&)\s+|,(?=\s*\S+\s+\S)/);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function readPdfMeta(raw: RawPdfMetadata): PdfMeta {
  const x = (name: string): unknown => raw.xmp?.get(name) ?? null;
  const xTitle = x('dc:title');
  const title = str(Array.isArray(xTitle) ? xTitle[0] : xTitle) ?? str(raw.info['Title']);
  const xCreators = x('dc:creator');
  const authors = Array.isArray(xCreators) && xCreators.some((c) => str(c)) ? xCreators.map(str).filter((c): c is string => c !== null) : splitAuthors(str(raw.info['Author']) ?? '');
  const dateRaw = str(x('prism:publicationdate')) ?? str(x('prism:coverdate')) ?? str(x('dc:date')) ?? str(raw.info['CreationDate']) ?? str(x('xmp:createdate'));
  const doiSources = [str(x('prism:doi')), str(x('dc:identifier')), str(raw.info['doi']), str(raw.info['Subject']), str(raw.info['Keywords']), raw.xmp?.getRaw() ?? null];
  let doi: string | null = null;
  for (const s of doiSources) {
    const m = s ? DOI.exec(s) : null;
    if (m) {
      doi = m[1]!;
      break;
    }
  }
  return { title, authors: authors.slice(0, 100), publishedRaw: dateRaw, published: pdfDate(dateRaw), doi };
}

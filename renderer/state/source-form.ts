/** The source metadata form: a source's fields as strings, back to an edit, and what is wrong with a field as typed. */
import { excerpt } from './wording.ts';

export interface SourceForm {
  title: string;
  authors: string;
  publisher: string;
  published: string;
  url: string;
  accessed: string;
}

/** The metadata form's strings for a source (authors comma-separated, nulls as empty). */
export function sourceToForm(s: { title: string; authors: string[]; publisher: string | null; published: string | null; url: string | null; accessed: string | null }): SourceForm {
  return { title: s.title, authors: s.authors.join(', '), publisher: s.publisher ?? '', published: s.published ?? '', url: s.url ?? '', accessed: s.accessed ?? '' };
}

/** Back from the form: empty optional fields become null (cleared), authors split on commas and semicolons. */
export function formToSourceEdit(f: SourceForm): {
  title: string;
  authors: string[];
  publisher: string | null;
  published: string | null;
  url: string | null;
  accessed: string | null;
} {
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  return {
    title: f.title.trim(),
    authors: f.authors
      .split(/[;,]/)
      .map((a) => a.trim())
      .filter(Boolean),
    publisher: opt(f.publisher),
    published: opt(f.published),
    url: opt(f.url),
    accessed: opt(f.accessed),
  };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What is wrong with a source detail as typed, in the researcher's words, or null when it can be saved. */
export function sourceFieldProblem(key: keyof SourceForm, value: string): string | null {
  const v = value.trim();
  if (key === 'title' && !v) return 'A source needs a title.';
  if ((key === 'published' || key === 'accessed') && v && !PARTIAL_DATE.test(v)) {
    return `Write the date as a year, a month or a day: 2025, 2025-04 or 2025-04-02 (“${excerpt(v, 20)}” is not one of those).`;
  }
  if ((key === 'published' || key === 'accessed') && v) {
    const [, m, d] = v.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return `There is no month ${m}: months run from 01 to 12, as in 2025-04 for April 2025.`;
    if (d !== undefined && (d < 1 || d > 31)) return `There is no day ${d} in a month: write 2025-04-02 for 2 April 2025.`;
  }
  return null;
}

/**
 * What is wrong with a page offset as typed (a PDF's page k cited as k + N), or null.
 * Empty means "the page labels found at import".
 */
export function pageOffsetProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (!/^[+-]?\d{1,6}$/.test(v)) return `Write the offset as a whole number, such as 1646 when the PDF's first page is printed 1647 (“${excerpt(v, 20)}” is not one).`;
  return Math.abs(Number(v)) > 100_000 ? 'An offset is at most 100000 pages either way.' : null;
}

/**
 * Metadata read from a web page or Markdown front matter is the page author's, not
 * the researcher's: it is fitted to the notebook's record limits (shared/model/
 * records.ts) instead of failing the import — a list or a text cut to its limit, a
 * date that does not exist and a URL too long to be usable left out — and every cut
 * is named in a note the import reports.
 */
import { isCalendarDate } from '../../shared/model/records.ts';

export const META_LIMITS = { title: 1000, authors: 100, author: 300, publisher: 500, url: 4000 } as const;

export interface Metadata {
  title: string;
  authors: string[];
  publisher: string | null;
  published: string | null;
  url: string | null;
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/**
 * Reduces a timestamp such as 2021-05-24T10:00:00Z to a date (2021-05-24); null for
 * anything that is not a real date of a four-digit year (10000-01-01, 2024-13-01).
 */
export function isoDate(v: string | null): string | null {
  if (!v) return null;
  const t = v.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(t);
  let date: string | null = null;
  if (m) date = [m[1], m[2], m[3]].filter(Boolean).join('-');
  else if (!/^[+-]?\d{5,}/.test(t)) {
    const d = new Date(t);
    date = Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  return date !== null && isCalendarDate(date) ? date : null;
}

/** The metadata within the limits, and one note per thing cut or left out. */
export function fitMetadata(m: Metadata, rawDate: string | null): { meta: Metadata; notes: string[] } {
  const notes: string[] = [];
  const L = META_LIMITS;
  let authors = m.authors;
  if (authors.length > L.authors) {
    notes.push(`the file names ${authors.length} authors; the first ${L.authors} were kept`);
    authors = authors.slice(0, L.authors);
  }
  const long = authors.filter((a) => a.length > L.author).length;
  if (long) notes.push(`${long} author name${long === 1 ? ' was' : 's were'} longer than ${L.author} characters and cut to that length`);
  authors = authors.map((a) => cut(a, L.author));
  if (m.title.length > L.title) notes.push(`the title was longer than ${L.title} characters and was cut to that length`);
  if (m.publisher && m.publisher.length > L.publisher) notes.push(`the publisher was longer than ${L.publisher} characters and was cut to that length`);
  if (m.url && m.url.length > L.url) notes.push(`the URL was longer than ${L.url} characters and was left out (a cut URL would not lead anywhere)`);
  if (rawDate && m.published === null) notes.push(`the date "${cut(rawDate, 40)}" is not a real date and was left out`);
  return {
    meta: { title: cut(m.title, L.title), authors, publisher: m.publisher && cut(m.publisher, L.publisher), published: m.published, url: m.url && m.url.length > L.url ? null : m.url },
    notes,
  };
}

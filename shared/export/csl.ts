/**
 * CSL-JSON for a source: the input format of every citation processor (citeproc-js
 * via citation-js here) and of reference managers (Zotero, Pandoc). Pure, so the
 * renderer can show the same metadata that the exported .json carries.
 *
 * Author strings are typed by users as "Maria Lopez", "Lopez, Maria" or an
 * organisation ("Grid Monitoring Office"). Splitting an organisation into given/family
 * would print "Office, G. M.", so anything that looks like an organisation stays a
 * `literal` name.
 */
import type { SourceMeta } from '../model/records.ts';

export interface CslName {
  given?: string;
  family?: string;
  literal?: string;
}
export interface CslDate {
  'date-parts': number[][];
}
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
}

/** Words that mark an author string as an organisation rather than a person. */
const ORGANISATION_WORDS = new Set([
  'agency',
  'association',
  'authority',
  'board',
  'bureau',
  'commission',
  'committee',
  'company',
  'corporation',
  'council',
  'department',
  'desk',
  'editors',
  'foundation',
  'group',
  'inc',
  'inc.',
  'institute',
  'international',
  'ltd',
  'ltd.',
  'ministry',
  'news',
  'office',
  'organisation',
  'organization',
  'press',
  'reporters',
  'service',
  'society',
  'staff',
  'team',
  'university',
  'wire',
  'llc',
  'plc',
  'gmbh',
  'network',
  'center',
  'centre',
  'bank',
  'fund',
  'federation',
  'union',
]);
/** Lower-case name particles that belong to the family name ("Ana de la Cruz", "Jan van der Berg"). */
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'dos', 'das', 'bin', 'al']);

export function looksLikeOrganisation(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return true; // a single word is a newsroom or agency far more often than a mononymous person
  if (/[&\d@/]/.test(name)) return true;
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()))) return true;
  return words.length > 4;
}

/** Splits one author string into a CSL name. */
export function toCslName(raw: string): CslName {
  const name = raw.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma > 0 && !looksLikeOrganisation(name.replace(',', ' '))) {
    return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  }
  if (looksLikeOrganisation(name)) return { literal: name };
  const words = name.split(' ');
  // Family name = the last word plus any lower-case particles just before it.
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  return { family: words.slice(i).join(' '), given: words.slice(0, i).join(' ') };
}

/** "2024", "2024-03" or "2024-03-05" → CSL date-parts. */
export function toCslDate(date: string): CslDate {
  return { 'date-parts': [date.split('-').map((p) => Number(p))] };
}

export function toCslJson(source: SourceMeta): CslItem {
  const item: CslItem = {
    id: source.id,
    type: source.publisher ? 'article-newspaper' : 'webpage',
    title: source.title,
  };
  if (source.authors.length) item.author = source.authors.map(toCslName);
  // The notebook's "publisher" is the outlet (the newspaper or site): the article's container. It is not
  // also given as the publisher, or styles that print both (MLA) name the outlet twice.
  if (source.publisher) item['container-title'] = source.publisher;
  if (source.published) item.issued = toCslDate(source.published);
  if (source.url) item.URL = source.url;
  if (source.accessed) item.accessed = toCslDate(source.accessed);
  return item;
}

/** The sources as a CSL-JSON file (an array of items), for Zotero, Pandoc and friends. */
export function toCslJsonString(sources: readonly SourceMeta[]): string {
  return JSON.stringify(sources.map(toCslJson), null, 2) + '\n';
}

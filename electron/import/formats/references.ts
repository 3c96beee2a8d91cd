/**
 * Reference files as Zotero exports them — BibTeX/BibLaTeX (.bib), RIS (.ris) and
 * CSL-JSON (.json) — read into the notebook's source fields: title, authors
 * ("Given Family"), publisher, date, URL and DOI. citation-js (bibtex and ris
 * plugins, loaded at first use) reads the first two; CSL-JSON is read directly.
 */
import { NotebookError } from '../../../shared/result.ts';
import { isCalendarDate } from '../../../shared/model/records.ts';
import { isoDate } from '../fit-metadata.ts';
import { lazy } from '../lazy.ts';
import { baseName } from '../importer.ts';
import { doiIn } from './metadata.ts';

export interface Reference {
  /** The entry's citation key or id, to name it in the plan. */
  key: string;
  title: string;
  authors: string[];
  publisher: string | null;
  published: string | null;
  url: string | null;
  doi: string | null;
}

type CslName = { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string };
type CslDate = { 'date-parts'?: unknown[][]; raw?: string; literal?: string };
type CslItem = Record<string, unknown> & {
  id?: unknown;
  'citation-key'?: unknown;
  title?: unknown;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  publisher?: unknown;
  'container-title'?: unknown;
  URL?: unknown;
  DOI?: unknown;
};

const core = lazy<typeof import('@citation-js/core')>('@citation-js/core');
const bibtexPlugin = lazy<unknown>('@citation-js/plugin-bibtex');
const risPlugin = lazy<unknown>('@citation-js/plugin-ris');

export const REFERENCE_TYPES = { bib: 'BibTeX', ris: 'RIS', json: 'CSL-JSON' } as const;
export const MAX_REFERENCES = 10_000;

const str = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '');

function nameOf(n: CslName): string {
  if (n.literal) return str(n.literal);
  return [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].map(str).filter(Boolean).join(' ');
}

function dateOf(d: CslDate | undefined): string | null {
  const parts = d?.['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length) {
    const [y, m, day] = parts.map((p) => Number(p));
    const date = [String(y).padStart(4, '0'), m && String(m).padStart(2, '0'), m && day && String(day).padStart(2, '0')].filter(Boolean).join('-');
    return isCalendarDate(date) ? date : null;
  }
  return isoDate(str(d?.raw) || str(d?.literal) || null);
}

function toReference(item: CslItem, i: number): Reference {
  const names = item.author?.length ? item.author : (item.editor ?? []);
  const url = str(item.URL);
  return {
    key: str(item['citation-key']) || (typeof item.id === 'string' && !item.id.startsWith('temp_id_') ? item.id : '') || `entry ${i + 1}`,
    title: str(item.title),
    authors: Array.isArray(names) ? names.map(nameOf).filter(Boolean) : [],
    publisher: str(item.publisher) || str(item['container-title']) || null,
    published: dateOf(item.issued),
    url: /^https?:\/\//i.test(url) ? url : null,
    doi: doiIn(str(item.DOI)),
  };
}

/** The references in a .bib, .ris or .json file's text; a file that is none of them gets one line. */
export function readReferences(fileName: string, text: string): Reference[] {
  const name = baseName(fileName);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() as keyof typeof REFERENCE_TYPES | undefined;
  const fail = (why: string) => new NotebookError('unsupported_file', `${name}: ${why}`);
  if (!ext || !(ext in REFERENCE_TYPES)) throw fail(`unsupported reference file type${ext ? ` .${ext}` : ''}; import .bib (BibTeX), .ris (RIS) or .json (CSL-JSON) files`);
  const kind = REFERENCE_TYPES[ext];
  let items: CslItem[];
  if (ext === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw fail(`not valid JSON (${(e as Error).message.split('\n')[0]!.slice(0, 100)})`);
    }
    const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : [];
    if (!list.length || !list.every((x) => x && typeof x === 'object' && !Array.isArray(x))) throw fail('not a CSL-JSON file (expected a list of reference objects)');
    items = list as CslItem[];
  } else {
    (ext === 'bib' ? bibtexPlugin : risPlugin)();
    try {
      items = new (core().Cite)(text, { forceType: ext === 'bib' ? '@biblatex/text' : '@ris/file' }).data as CslItem[];
    } catch (e) {
      throw fail(`not a readable ${kind} file (${(e as Error).message.split('\n')[0]!.slice(0, 100)})`);
    }
  }
  if (!items.length) throw fail(`no references found in the ${kind} file`);
  if (items.length > MAX_REFERENCES) throw fail(`the file holds ${items.length} references; the limit is ${MAX_REFERENCES} per import`);
  return items.map(toReference);
}

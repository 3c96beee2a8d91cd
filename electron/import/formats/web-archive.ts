/**
 * Saved web pages: MHTML (a browser's "save as single file", read by mhtml-to-html)
 * and WARC captures (read by warcio). The archived page goes through the HTML
 * reader (html.ts: the article's text, title, authors, date); its original address
 * is the source's URL and the capture time its accessed date.
 */
import { NotebookError } from '../../../shared/result.ts';
import { decodeBytes } from '../decode.ts';
import { isoDate } from '../fit-metadata.ts';
import { readHtml } from '../html.ts';
import { lazy } from '../lazy.ts';
import type { BinaryRead, BinaryReader } from '../importer.ts';

/** What is used of mhtml-to-html 2.1 (its types are not reachable through its package exports). */
interface MhtmlResource {
  contentType: string;
  data: string;
}
interface Mhtml {
  headers: Record<string, string>;
  frames: Record<string, MhtmlResource>;
  resources: Record<string, MhtmlResource>;
  index: string;
}
interface MhtmlLib {
  parse(data: Uint8Array): Mhtml;
  convert(mhtml: Mhtml, config: { fetchMissingResources: boolean; enableScripts: boolean }): Promise<{ data: string; title?: string }>;
}
const mhtmlLib = lazy<MhtmlLib>('mhtml-to-html');
const warcio = lazy<typeof import('warcio')>('warcio');

/** Most bytes of an archived page the reader takes (a WARC's payload may be compressed). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

const fail = (fileName: string, why: string) => new NotebookError('unsupported_file', `${fileName}: ${why}`);
const firstLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .slice(0, 120);
const webUrl = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u.trim()) ? u.trim() : null);

function fromPage(html: string, url: string | null, captured: string | null, fallbackTitle: string | null): BinaryRead {
  const a = readHtml(html);
  return {
    text: a.text,
    title: a.title ?? fallbackTitle ?? '',
    authors: a.authors,
    publisher: a.publisher,
    published: a.published,
    publishedRaw: a.publishedRaw,
    url: a.url ?? url,
    accessed: isoDate(captured),
  };
}

export const readMhtml: BinaryReader = async (bytes, fileName) => {
  const lib = mhtmlLib();
  let parsed: Mhtml;
  let html: string;
  let title: string | undefined;
  try {
    parsed = lib.parse(bytes);
  } catch (e) {
    throw fail(fileName, `not a readable MHTML file (${firstLine(e)})`);
  }
  const index = parsed.index ? (parsed.frames[parsed.index] ?? parsed.resources[parsed.index]) : undefined;
  if (!index || !/html/i.test(index.contentType)) throw fail(fileName, 'the MHTML file holds no archived page');
  try {
    ({ data: html, title } = await lib.convert(parsed, { fetchMissingResources: false, enableScripts: false }));
  } catch (e) {
    throw fail(fileName, `the archived page could not be read (${firstLine(e)})`);
  }
  const h = parsed.headers;
  return fromPage(html, webUrl(h['snapshot-content-location']) ?? webUrl(h['content-location']) ?? webUrl(parsed.index), h['date'] ?? null, title ?? null);
};

export const readWarc: BinaryReader = async (bytes, fileName) => {
  const { WARCParser } = warcio();
  try {
    for await (const record of new WARCParser([bytes])) {
      const type = record.warcType;
      const status = record.httpHeaders?.statusCode;
      const contentType = (type === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcContentType) ?? '';
      const isPage = (type === 'response' && Number(status) >= 200 && Number(status) < 300) || type === 'resource';
      if (!isPage || !/html/i.test(contentType)) {
        await record.skipFully();
        continue;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of record) {
        size += chunk.length;
        if (size > MAX_PAGE_BYTES) throw fail(fileName, `the archived page unpacks to more than ${MAX_PAGE_BYTES / 1048576} MB; refused`);
        chunks.push(chunk);
      }
      const { text: html } = decodeBytes(Buffer.concat(chunks), fileName);
      return fromPage(html, webUrl(record.warcTargetURI), record.warcDate ?? null, null);
    }
  } catch (e) {
    if (e instanceof NotebookError) throw e;
    throw fail(fileName, `not a readable WARC file (${firstLine(e)})`);
  }
  throw fail(fileName, 'the WARC file holds no archived web page (no response record with an HTML page)');
};

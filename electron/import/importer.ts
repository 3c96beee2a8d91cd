/**
 * From a file (name + bytes) to a normalized text with its metadata. Decoding,
 * format readers and normalization happen here, once; everything after import sees
 * only the canonical text (see shared/text/normalize.ts).
 */
import { NotebookError } from '../../shared/result.ts';
import { importLimitOf } from '../../shared/api/contract.ts';
import type { SourceFormat } from '../../shared/model/records.ts';
import { normalizeText } from '../../shared/text/normalize.ts';
import { decodeBytes } from './decode.ts';
import { readHtml } from './html.ts';
import { fitMetadata, isoDate } from './fit-metadata.ts';
import { readMarkdown } from './markdown.ts';
import { readPdf } from './pdf/read.ts';
import type { PageMap } from '../../shared/model/pages.ts';
import { readDocx } from './formats/docx.ts';
import { readEpub } from './formats/epub.ts';
import { readOdt } from './formats/odt.ts';
import { readMhtml, readWarc } from './formats/web-archive.ts';

export interface ImportedText {
  text: string;
  format: SourceFormat;
  encoding: string;
  title: string;
  authors: string[];
  publisher: string | null;
  published: string | null;
  url: string | null;
  /** When the text was read from its address (a web archive's capture time); the import date otherwise. */
  accessed?: string | null;
  fileName: string | null;
  /** What was cut or left out of the file's metadata to fit the notebook's limits (fit-metadata.ts), one line each. */
  notes: string[];
  /** Where each page starts in `text` (paged formats: PDF). */
  pages?: PageMap;
}

/**
 * What a binary format's reader gives back: the text (normalized here afterwards) and
 * whatever metadata the file itself carries. Text formats (txt, md, html) are decoded
 * and read below; binary ones (PDF, DOCX, …) register a reader in BINARY_READERS.
 */
export type BinaryRead = Omit<ImportedText, 'format' | 'encoding' | 'fileName' | 'notes'> & { encoding?: string; notes?: string[]; publishedRaw?: string | null };
export type BinaryReader = (bytes: Uint8Array, fileName: string) => Promise<BinaryRead>;

/** File extension → the source format it is read as. */
const FORMATS: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
  epub: 'epub',
  odt: 'odt',
  mhtml: 'mhtml',
  mht: 'mhtml',
  warc: 'warc',
};
/** Readers of the binary formats, by source format (each loads its library lazily). */
const BINARY_READERS: Partial<Record<SourceFormat, BinaryReader>> = { pdf: readPdf, docx: readDocx, epub: readEpub, odt: readOdt, mhtml: readMhtml, warc: readWarc };

export function formatOf(fileName: string): SourceFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const format = ext ? FORMATS[ext] : undefined;
  if (!format) {
    const known = Object.keys(FORMATS)
      .filter((e) => e !== 'text' && e !== 'markdown' && e !== 'htm' && e !== 'xhtml' && e !== 'mht')
      .map((e) => `.${e}`);
    throw new NotebookError('unsupported_file', `${baseName(fileName)}: unsupported file type${ext ? ` .${ext}` : ''}; import ${known.slice(0, -1).join(', ')} or ${known.at(-1)} files`);
  }
  return format;
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * A readable title from a file name: "inner-mongolia_report.txt" → "Inner Mongolia Report".
 * Title case, because file names of articles are mostly headlines and place names,
 * and a citation reads better with "Inner Mongolia" than "Inner mongolia".
 */
function titleFromFileName(fileName: string): string {
  const stem = baseName(fileName)
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stem ? stem.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase()) : 'Untitled';
}

/** A plain text's title: its first line when that line looks like a headline. */
function titleFromText(text: string): string | null {
  const first = text.split('\n', 1)[0]!.trim();
  const isHeadline = first.length > 0 && first.length <= 150 && !/[.!?:;,]$/.test(first) && text.startsWith(first + '\n\n');
  return isHeadline ? first : null;
}

/**
 * Plain texts mark paragraphs two ways: a blank line between them, or (in texts
 * saved from web pages and word processors) one line per paragraph. Paragraph
 * numbers are citation locators, so the second kind is turned into the first. A
 * hard-wrapped text (lines of ~70 characters, as in e-mails) must not become one
 * paragraph per line: only texts without blank lines whose lines average more than
 * 200 characters are treated as one-paragraph-per-line.
 */
export function paragraphsFromLines(text: string): string {
  if (text.includes('\n\n')) return text;
  const lines = text.split('\n');
  if (lines.length < 2 || text.length / lines.length <= 200) return text;
  return lines.filter((l) => l.trim()).join('\n\n');
}

export async function readSourceFile(fileName: string, bytes: Uint8Array): Promise<ImportedText> {
  const name = baseName(fileName);
  const format = formatOf(name);
  const binary = BINARY_READERS[format];
  if (binary) {
    if (bytes.length > importLimitOf(name))
      throw new NotebookError('unsupported_file', `${name}: the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${importLimitOf(name) / 1048576} MB`);
    const { publishedRaw, encoding, notes, ...read } = await binary(bytes, name);
    const result: ImportedText = { ...read, format, encoding: encoding ?? 'binary', fileName: name, text: normalizeText(read.text), notes: notes ?? [] };
    return finish(result, publishedRaw ?? null, name);
  }
  const { text: raw, encoding } = decodeBytes(bytes, name);
  const base = { format, encoding, fileName: name, authors: [] as string[], publisher: null as string | null, published: null as string | null, url: null as string | null, notes: [] as string[] };
  let result: ImportedText;
  let rawDate: string | null = null;
  if (format === 'html') {
    const a = readHtml(raw);
    const text = normalizeText(a.text);
    result = { ...base, text, title: a.title ?? titleFromText(text) ?? titleFromFileName(name), authors: a.authors, publisher: a.publisher, published: a.published, url: a.url };
    rawDate = a.publishedRaw;
  } else if (format === 'md') {
    const m = readMarkdown(normalizeText(raw));
    const text = normalizeText(m.text);
    result = { ...base, text, title: m.title ?? titleFromFileName(name), authors: m.authors, published: isoDate(m.published), url: m.url };
    rawDate = m.published;
  } else {
    const text = paragraphsFromLines(normalizeText(raw));
    result = { ...base, text, title: titleFromText(text) ?? titleFromFileName(name) };
  }
  return finish(result, rawDate, name);
}

/** Every format's last step: refuse an empty text, fit the metadata to the notebook's limits. */
function finish(result: ImportedText, rawDate: string | null, name: string): ImportedText {
  if (!result.text.trim()) throw new NotebookError('unsupported_file', `${name}: no readable text found in the file`);
  if (!result.title.trim()) result.title = titleFromText(result.text) ?? titleFromFileName(name);
  const { meta, notes } = fitMetadata(result, rawDate);
  return { ...result, ...meta, notes: [...result.notes, ...notes] };
}

export function readPastedText(raw: string, title?: string): ImportedText {
  const text = normalizeText(raw);
  if (!text) throw new NotebookError('invalid_argument', 'the pasted text is empty');
  return {
    text,
    format: 'txt',
    encoding: 'utf-8',
    title: title?.trim() || titleFromText(text) || text.slice(0, 60).replace(/\s+/g, ' ') + (text.length > 60 ? '…' : ''),
    authors: [],
    publisher: null,
    published: null,
    url: null,
    fileName: null,
    notes: [],
  };
}

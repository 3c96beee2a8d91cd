/**
 * Dublin Core metadata as DOCX (docProps/core.xml), ODT (meta.xml) and EPUB (the
 * OPF package) carry it, read into the importer's fields; and the XML parser they
 * share (linkedom's, no DTD processing: zip.ts refuses entity declarations first).
 */
import { linkedom } from '../lazy.ts';
import { isoDate } from '../fit-metadata.ts';
import type { BinaryRead } from '../importer.ts';
import type { Node } from './blocks.ts';

export type XmlElement = Node & { getElementsByTagName(name: string): ArrayLike<XmlElement>; querySelectorAll?(s: string): ArrayLike<XmlElement> };

export function parseXml(xml: string): XmlElement {
  return new (linkedom().DOMParser)().parseFromString(xml, 'text/xml') as unknown as XmlElement;
}

/** Every element named `name` with or without a namespace prefix (dc:title, opf:title, title). */
export function elements(doc: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of Array.from(n.childNodes) as XmlElement[]) {
      if (c.nodeType !== 1) continue;
      const tag = c.tagName ?? '';
      if (names.includes(tag) || names.includes(tag.replace(/^.*:/, ''))) out.push(c);
      walk(c);
    }
  };
  walk(doc);
  return out;
}

const text = (e: XmlElement | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;

/** A DOI in an identifier ("doi:10.1234/x", "https://doi.org/10.1234/x"), or null. */
export function doiIn(s: string | null | undefined): string | null {
  const m = s ? DOI.exec(s) : null;
  return m ? m[1]!.replace(/[.,;]+$/, '') : null;
}

export type DocMeta = Pick<BinaryRead, 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'publishedRaw'>;

/** The metadata of a Dublin Core block; a DOI becomes the source's address (https://doi.org/…), as citations give it. */
export function dublinCore(doc: XmlElement | null): DocMeta {
  if (!doc) return { title: '', authors: [], publisher: null, published: null, publishedRaw: null, url: null };
  const title = text(elements(doc, 'dc:title')[0]);
  // ODT's dc:creator and dc:date are the last editor and edit; its initial-creator and creation-date come first.
  const first = (...names: string[]) => names.map((n) => elements(doc, n)).find((l) => l.some((e) => text(e))) ?? [];
  const authors = [...new Set(first('meta:initial-creator', 'dc:creator').map(text).filter(Boolean))];
  const rawDate = text(first('dcterms:created', 'meta:creation-date', 'dc:date')[0]) || null;
  const publisher = text(elements(doc, 'dc:publisher')[0]) || null;
  const doi =
    elements(doc, 'dc:identifier')
      .map((e) => doiIn(text(e)))
      .find(Boolean) ?? null;
  return { title, authors, publisher, published: isoDate(rawDate), publishedRaw: rawDate, url: doi ? `https://doi.org/${doi}` : null };
}

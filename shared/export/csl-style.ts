/**
 * Checking a CSL style file a user brings (their outlet's or journal's style) before it
 * reaches the CSL processor: a size cap, no DOCTYPE or entity declarations (no entity
 * expansion, no external entities), well-formed XML, a CSL `<style>` root with a
 * `<citation>` and a `<bibliography>`; and what it says about itself (title, licence).
 * Pure, so the same rules hold wherever the file arrives.
 */

export const MAX_STYLE_BYTES = 1024 * 1024;
export const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

export interface CslStyleInfo {
  title: string;
  /** The style's own id (usually its Zotero repository URL), if it gives one. */
  styleId: string | null;
  /** The `<rights>` text (the licence), and the licence URL when given. */
  rights: string | null;
  license: string | null;
  /** The style's default-locale attribute, if any. */
  defaultLocale: string | null;
}

export type CslCheck = { ok: true; info: CslStyleInfo } | { ok: false; error: string };

const NAME = /[A-Za-z_][\w.:-]*/y;

interface Element {
  name: string;
  attrs: string;
  children: Element[];
  text: string;
}

/** Parses XML into elements, or says in one line why it is not well-formed. */
function parseXml(xml: string): Element | string {
  const root: Element = { name: '#document', attrs: '', children: [], text: '' };
  const stack: Element[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) stack[stack.length - 1]!.text += xml.slice(i, textEnd);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return 'a comment is never closed';
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return 'a CDATA section is never closed';
      stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return 'an XML declaration is never closed';
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      return 'it declares a DOCTYPE or entities, which a style file never needs';
    } else {
      const closing = xml[lt + 1] === '/';
      NAME.lastIndex = lt + (closing ? 2 : 1);
      const m = NAME.exec(xml);
      if (!m) return `a tag at character ${lt} has no name`;
      const gt = findTagEnd(xml, NAME.lastIndex);
      if (gt < 0) return `the tag <${m[0]}> is never closed`;
      const inner = xml.slice(NAME.lastIndex, gt);
      if (closing) {
        const open = stack.pop();
        if (!open || open === root || open.name !== m[0]) return `</${m[0]}> does not close the open <${open && open !== root ? open.name : '…'}>`;
        if (stack.length === 0) return 'unbalanced tags';
      } else {
        const selfClosing = inner.endsWith('/');
        const el: Element = { name: m[0], attrs: selfClosing ? inner.slice(0, -1) : inner, children: [], text: '' };
        if (stack.length === 1 && root.children.length > 0) return 'there is more than one root element';
        stack[stack.length - 1]!.children.push(el);
        if (!selfClosing) stack.push(el);
      }
      i = gt + 1;
    }
  }
  if (stack.length > 1) return `<${stack[stack.length - 1]!.name}> is never closed`;
  if (root.text.trim() !== '') return 'there is text outside the root element';
  return root.children[0] ?? 'it holds no XML element';
}

/** The `>` ending a tag that starts before `from`, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return -1;
    else if (c === '>') return i;
  }
  return -1;
}

function attr(el: Element, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(el.attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const oneLine = (text: string): string => decodeEntities(text).replace(/\s+/g, ' ').trim();

/** Checks a style file's text; the error is a sentence fragment: "… is not a usable style: <error>". */
export function checkCslStyle(xml: string): CslCheck {
  let bytes = 0; // UTF-8 length: a surrogate pair (4 bytes) counts 2 + 2
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  if (bytes > MAX_STYLE_BYTES) return { ok: false, error: `it is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_STYLE_BYTES / 1024 / 1024} MB a style file may be` };
  if (xml.includes('\0')) return { ok: false, error: 'it holds NUL characters, so it is not a text file' };
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) return { ok: false, error: 'it declares a DOCTYPE or entities, which a style file never needs' };
  const root = parseXml(xml.replace(/^\uFEFF/, ''));
  if (typeof root === 'string') return { ok: false, error: `it is not well-formed XML: ${root}` };
  if (localName(root.name) !== 'style') return { ok: false, error: `its root element is <${root.name}>, not a CSL <style>` };
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : null;
  if (attr(root, prefix ? `xmlns:${prefix}` : 'xmlns') !== CSL_NAMESPACE) return { ok: false, error: `its <style> is not in the CSL namespace ${CSL_NAMESPACE}` };
  const child = (el: Element, name: string) => el.children.find((c) => localName(c.name) === name);
  if (!child(root, 'citation')) return { ok: false, error: 'it has no <citation> element' };
  if (!child(root, 'bibliography')) return { ok: false, error: 'it has no <bibliography> element, so it cannot format a bibliography' };
  const info = child(root, 'info');
  const title = info && child(info, 'title');
  const rights = info && child(info, 'rights');
  const id = info && child(info, 'id');
  return {
    ok: true,
    info: {
      title: (title && oneLine(title.text)) || 'Untitled style',
      styleId: (id && oneLine(id.text)) || null,
      rights: (rights && oneLine(rights.text)) || null,
      license: (rights && attr(rights, 'license')) || null,
      defaultLocale: attr(root, 'default-locale'),
    },
  };
}

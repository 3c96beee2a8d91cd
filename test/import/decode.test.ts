import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../electron/import/decode.ts';
import { readSourceFile } from '../../electron/import/importer.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract.ts';

const SAMPLE = 'Prices rose “almost 70%” – the euro € figure — it’s final…';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 255;
    out[3 + i * 2] = bigEndian ? c & 255 : c >> 8;
  }
  return out;
}

describe('decoding a file', () => {
  it('reads UTF-8 with and without a BOM', async () => {
    const plain = new TextEncoder().encode(SAMPLE);
    expect(decodeBytes(plain, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 little- and big-endian with a BOM, including characters outside the BMP', async () => {
    const text = SAMPLE + ' 📈';
    expect(decodeBytes(utf16(text, false), 'a.txt')).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, true), 'a.txt')).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads legacy Windows-1252 curly quotes, the euro sign, dashes and ellipsis correctly', async () => {
    // “almost 70%” – € — ’ …  in Windows-1252: 0x93 0x94 0x96 0x80 0x97 0x92 0x85
    const bytes = new Uint8Array([0x93, ...Buffer.from('almost 70%'), 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x97, 0x20, 0x92, 0x85, 0x20, 0xe9]);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: '“almost 70%” – € — ’… é', encoding: 'windows-1252' });
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n...'), /PDF/],
    ['bytes with NULs', new Uint8Array([0x41, 0x00, 0x42, 0x43]), /binary/],
    ['a UTF-8 BOM followed by invalid UTF-8', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]), /invalid UTF-8/],
    ['UTF-16 with an odd number of bytes', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), /invalid UTF-16/],
    ['UTF-16 with a broken surrogate pair', new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]), /surrogate/],
    ['bytes that are neither UTF-8 nor Windows-1252', new Uint8Array([0x41, 0x81, 0x42]), /invalid text encoding/],
    ['control-character soup', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x41))), /binary/],
    ['only whitespace', new TextEncoder().encode(' \n\t \n'), /no text/],
  ])('refuses %s with a one-line reason', (_name, bytes, reason) => {
    let message = '';
    try {
      decodeBytes(bytes, 'x.txt');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(reason);
    expect(message).toMatch(/^x\.txt: /);
    expect(message).not.toContain('\n');
  });

  it('refuses a file over the size cap before decoding it', async () => {
    expect(() => decodeBytes(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.txt')).toThrow(/limit is 20 MB/);
  });

  it('refuses file types it cannot read', async () => {
    await expect(readSourceFile('report.rtf', new TextEncoder().encode('hello'))).rejects.toThrow(/unsupported file type \.rtf/);
  });
});

describe('reading formats', () => {
  it('takes a plain text title from a headline first line, and normalizes line endings', async () => {
    const r = await readSourceFile('a.txt', new TextEncoder().encode('Mines Shut Early\r\n\r\nOutput fell by almost 12%.\r\n'));
    expect(r.title).toBe('Mines Shut Early');
    expect(r.text).toBe('Mines Shut Early\n\nOutput fell by almost 12%.');
  });

  it('turns one-paragraph-per-line texts into blank-line paragraphs, but leaves hard-wrapped text alone', async () => {
    const long = (n: number) => `Paragraph ${n} says output rose by about ${n}% while ${'shipments and prices moved in opposite directions, analysts said. '.repeat(4)}`.trim();
    const perLine = [long(1), long(2), long(3)].join('\n');
    expect((await readSourceFile('a.txt', new TextEncoder().encode(perLine))).text).toBe([long(1), long(2), long(3)].join('\n\n'));
    const wrapped = 'Output rose by about 4% in May while\nshipments fell, analysts said, and\nprices held steady.';
    expect((await readSourceFile('b.txt', new TextEncoder().encode(wrapped))).text).toBe(wrapped);
  });

  it('falls back to the file name when the first line is a sentence', async () => {
    const r = await readSourceFile('/tmp/salt-flat_report.txt', new TextEncoder().encode('Output fell by almost 12% this year.'));
    expect(r.title).toBe('Salt Flat Report');
  });

  it('reads Markdown front matter and keeps the words, not the markup', async () => {
    const md = '---\ntitle: Grid Limits\nauthor: A. Writer, B. Writer\ndate: 2025-03-14\n---\n# Heading\n\nCut **about 2.4 GW** of [wind](http://x) output.\n\n- one in five\n';
    const r = await readSourceFile('g.md', new TextEncoder().encode(md));
    expect(r).toMatchObject({ title: 'Grid Limits', authors: ['A. Writer', 'B. Writer'], published: '2025-03-14', format: 'md' });
    expect(r.text).toBe('Heading\n\nCut about 2.4 GW of wind output.\n\n• one in five');
  });
});

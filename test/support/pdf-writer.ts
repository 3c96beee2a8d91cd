/**
 * A small PDF writer for test fixtures: pages of Helvetica text placed at given
 * positions, image-only pages, /PageLabels, an info dictionary, XMP metadata and a
 * (password-locked) /Encrypt dictionary. Output is PDF 1.4 with a correct xref.
 */

export interface PdfText {
  x: number;
  /** Baseline, from the page's bottom edge. */
  y: number;
  text: string;
  size?: number;
  /** Set in a CJK font that is not embedded (Type0, the predefined CMap UniJIS-UCS2-H): readers need the CMap files. */
  cjk?: boolean;
}

export interface PdfPage {
  texts: PdfText[];
  /** Draw a grey image over the page (a scanned page: no text layer when `texts` is empty). */
  image?: boolean;
}

export interface PdfLabelRange {
  /** 0-based index of the first page of the range. */
  startIndex: number;
  style?: 'D' | 'r' | 'R' | 'a' | 'A';
  prefix?: string;
  start?: number;
}

export interface PdfOptions {
  width?: number;
  height?: number;
  labels?: PdfLabelRange[];
  info?: { title?: string; author?: string; subject?: string; creationDate?: string };
  /** An XMP packet stored as the catalog's /Metadata stream. */
  xmp?: string;
  /** Add an /Encrypt dictionary whose user password is not empty: readers must ask for it. */
  encrypted?: boolean;
}

const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
/** The few non-Latin-1 characters fixtures use, as WinAnsiEncoding bytes. */
const WIN_ANSI: Record<string, string> = { '\u2014': '\x97', '\u2013': '\x96', '\u2018': '\x91', '\u2019': '\x92', '\u201c': '\x93', '\u201d': '\x94' };
const pdfString = (s: string): string => `(${esc(s).replace(/[\u2013\u2014\u2018\u2019\u201c\u201d]/g, (c) => WIN_ANSI[c]!)})`;

/** The PDF file's bytes. */
export function writePdf(pages: PdfPage[], options: PdfOptions = {}): Uint8Array {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  const objects: string[] = []; // objects[i] is object number i + 1
  const add = (body: string): number => objects.push(body);
  const reserve = (): number => objects.push('');

  const catalog = reserve();
  const pagesObj = reserve();
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const descriptor = add('<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
  );
  const cjk = add(`<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const grey = '80'.repeat(16 * 16);
  const image = add(
    `<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${grey.length + 1} >>\nstream\n${grey}>\nendstream`,
  );
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    if (page.image) ops.push(`q ${width - 72} 0 0 ${height - 72} 36 36 cm /Im1 Do Q`);
    for (const t of page.texts) {
      const shown = t.cjk ? `<${[...t.text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>` : pdfString(t.text);
      ops.push(`BT /${t.cjk ? 'F2' : 'F1'} ${t.size ?? 10} Tf ${t.x} ${t.y} Td ${shown} Tj ET`);
    }
    const content = ops.join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R /F2 ${cjk} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let extra = '';
  if (options.labels) {
    const nums = options.labels.map(
      (l) => `${l.startIndex} << ${l.style ? `/S /${l.style} ` : ''}${l.prefix !== undefined ? `/P ${pdfString(l.prefix)} ` : ''}${l.start !== undefined ? `/St ${l.start} ` : ''}>>`,
    );
    extra += ` /PageLabels << /Nums [${nums.join(' ')}] >>`;
  }
  if (options.xmp) extra += ` /Metadata ${add(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(options.xmp, 'utf8')} >>\nstream\n${options.xmp}\nendstream`)} 0 R`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${extra} >>`;
  let info: number | null = null;
  if (options.info) {
    const i = options.info;
    const fields = [
      i.title && `/Title ${pdfString(i.title)}`,
      i.author && `/Author ${pdfString(i.author)}`,
      i.subject && `/Subject ${pdfString(i.subject)}`,
      i.creationDate && `/CreationDate ${pdfString(i.creationDate)}`,
    ].filter(Boolean);
    info = add(`<< ${fields.join(' ')} >>`);
  }
  let encrypt: number | null = null;
  if (options.encrypted) encrypt = add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${'4f'.repeat(32)}> /U <${'55'.repeat(32)}> /P -3904 >>`);

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = `<${'0123456789abcdef'.repeat(2)}>`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Deterministic made-up words (no third-party text): a seeded generator of syllables. */
export function wordMaker(seed: number): () => string {
  const syll = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'quel', 'dor', 'fin', 'sa', 'bru', 'nek', 'pol', 'ista', 'mar', 'zu', 'ger', 'hal', 'wen', 'tor'];
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return () => {
    const n = 1 + (next() % 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syll[next() % syll.length];
    return w;
  };
}

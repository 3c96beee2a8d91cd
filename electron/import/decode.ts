/**
 * Turning a file's bytes into text, or a clear one-line refusal.
 *
 * Order matters: a BOM is authoritative (UTF-8, UTF-16 LE/BE); known binary
 * signatures and NUL bytes mean "not text"; strict UTF-8 is tried next. A file
 * that is mostly UTF-8 but holds a few bytes that are not (a damaged download, two
 * files pasted together) is refused, naming the line of the first bad byte: read
 * as Windows-1252 it would import as mojibake ("Ã©" for "é") without a word.
 * Anything else is read as Windows-1252, the legacy encoding of most old Western
 * text files; the source keeps that encoding and the Reader says it was guessed.
 * iconv-lite is used for Windows-1252 and UTF-16BE because Node's built-in decoder
 * (small-ICU builds) maps 0x80–0x9F to C1 controls instead of “ ” – — €.
 */
import { lazy } from './lazy.ts';

/** Loaded at the first UTF-16 or Windows-1252 file (lazy.ts): most imports are UTF-8. */
const iconv = lazy<typeof import('iconv-lite')>('iconv-lite');
import { NotebookError } from '../../shared/result.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract.ts';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document (export its text first)', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive or Office document (save it as .txt or .html first)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Windows executable', [0x4d, 0x5a]],
];

/** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const fail = (name: string, why: string) => new NotebookError('unsupported_file', `${name}: ${why}`);

export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) throw fail(name, 'the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw fail(name, `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  const decoded = decodeByBom(bytes, name) ?? decodeWithoutBom(bytes, name);
  checkLooksLikeText(decoded.text, name);
  return decoded;
}

function decodeByBom(b: Uint8Array, name: string): Decoded | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: strictUtf8(b.subarray(3), name), encoding: 'utf-8-bom' };
  const le = b[0] === 0xff && b[1] === 0xfe;
  const be = b[0] === 0xfe && b[1] === 0xff;
  if (!le && !be) return null;
  const body = b.subarray(2);
  if (body.length % 2 !== 0) throw fail(name, 'invalid UTF-16 text (odd number of bytes)');
  // Both directions go through iconv-lite (which never throws) and one surrogate check, so LE
  // and BE report a broken pair the same way.
  const text = iconv().decode(Buffer.from(body), le ? 'utf-16le' : 'utf-16be');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) throw fail(name, 'invalid UTF-16 text (broken surrogate pair)');
  return { text, encoding: le ? 'utf-16le' : 'utf-16be' };
}

function decodeWithoutBom(b: Uint8Array, name: string): Decoded {
  for (const [what, sig] of SIGNATURES) if (sig.every((x, i) => b[i] === x)) throw fail(name, `this is ${what}, not text`);
  if (b.includes(0)) throw fail(name, 'this looks like a binary file, not text (it contains NUL bytes)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: damaged UTF-8 is refused below, anything else is read as the legacy single-byte encoding.
  }
  const broken = brokenUtf8(b);
  if (broken) throw fail(name, `invalid UTF-8 text: the file is UTF-8 but byte 0x${broken.byte.toString(16)} on line ${broken.line} is not; save it again as UTF-8 and import it once more`);
  for (const x of b) if (CP1252_UNDEFINED.has(x)) throw fail(name, `invalid text encoding (byte 0x${x.toString(16)} is neither UTF-8 nor Windows-1252)`);
  return { text: iconv().decode(Buffer.from(b), 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * Where a file that is otherwise UTF-8 breaks: the first byte that starts no valid
 * sequence, when the file also holds at least one valid multi-byte sequence (a
 * real Windows-1252 text almost never does: its accented letters are single bytes
 * that UTF-8 cannot read). Null when the file has no valid multi-byte sequence.
 */
function brokenUtf8(b: Uint8Array): { byte: number; line: number } | null {
  let valid = 0;
  let first: { byte: number; line: number } | null = null;
  let line = 1;
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    if (x === 0x0a) line++;
    if (x < 0x80) {
      i++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok && n > 0) {
      // TextDecoder already refused the file, so the overlong and surrogate forms it rejects need no second check here.
      valid++;
      i += n;
    } else {
      first ??= { byte: x, line };
      i++;
    }
  }
  return valid > 0 && first ? first : null;
}

function strictUtf8(b: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    throw fail(name, 'invalid UTF-8 text (the file says UTF-8 but contains bytes that are not)');
  }
}

function checkLooksLikeText(text: string, name: string): void {
  // Tabs, line breaks and form feeds are normal in text; other C0/C1 controls are not.
  // A handful can come from a sloppy export; more than 1 in 200 characters means binary.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\u0080-\u009F]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > Math.max(2, text.length / 200)) throw fail(name, 'this looks like a binary file, not text');
  if (!text.trim()) throw fail(name, 'the file contains no text');
}

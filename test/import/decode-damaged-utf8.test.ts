/**
 * A UTF-8 file with a few broken bytes is refused with the line of the first one,
 * instead of importing silently as Windows-1252 mojibake; a real Windows-1252
 * file still imports, marked with the encoding that was guessed.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../electron/import/decode.ts';

const utf8 = (s: string) => [...new TextEncoder().encode(s)];

describe('a file that is UTF-8 except for a few bytes', () => {
  it('is refused, naming the byte and its line, in one line', () => {
    const bytes = new Uint8Array([...utf8('Caf\u00e9 owners said\nprices rose '), 0xe9, ...utf8(' again.\n')]);
    let message = '';
    try {
      decodeBytes(bytes, 'prices.txt');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('prices.txt: invalid UTF-8 text: the file is UTF-8 but byte 0xe9 on line 2 is not; save it again as UTF-8 and import it once more');
  });

  it('is refused when a multi-byte character was cut short', () => {
    const bytes = new Uint8Array([...utf8('Output \u2014 '), 0xe2, 0x80, 0x20, ...utf8('fell.')]);
    expect(() => decodeBytes(bytes, 'cut.txt')).toThrow(/^cut\.txt: invalid UTF-8 text: .* line 1 /);
  });
});

describe('a legacy Windows-1252 file', () => {
  it('still imports, and says which encoding was guessed', () => {
    const bytes = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' prices rose '), 0x96, ...utf8(' about 5%.')]);
    expect(decodeBytes(bytes, 'old.txt')).toEqual({ text: 'Caf\u00e9 prices rose \u2013 about 5%.', encoding: 'windows-1252' });
  });
});

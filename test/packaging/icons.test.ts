/**
 * The committed app icons (generated from assets/icons/icon.svg by
 * electron/builder/make-icons.mjs): every file is a well-formed image of the size
 * its name or container entry promises, so electron-builder never has to derive
 * or download anything.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

const ICONS = join(ROOT, 'assets/icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the app icons', () => {
  it('has a square PNG of each size electron-builder installs on Linux, named by its size', () => {
    const files = readdirSync(join(ICONS, 'png')).filter((f) => f.endsWith('.png'));
    const sizes = files.map((f) => Number(/^(\d+)x\1\.png$/.exec(f)?.[1])).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const f of files) {
      const n = Number(f.split('x')[0]);
      expect(pngSize(readFileSync(join(ICONS, 'png', f))), f).toEqual([n, n]);
    }
    expect(pngSize(readFileSync(join(ICONS, 'icon.png')))).toEqual([1024, 1024]);
  });

  it('has a Windows .ico whose directory points at PNGs of the sizes it declares, up to 256', () => {
    const ico = readFileSync(join(ICONS, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const declared = ico.readUInt8(e) || 256;
      const [length, offset] = [ico.readUInt32LE(e + 8), ico.readUInt32LE(e + 12)];
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([declared, declared]);
      sizes.push(declared);
    }
    expect(sizes).toContain(16);
    expect(sizes).toContain(256);
  });

  it('has a macOS .icns whose elements add up to the file and include the 1024-pixel image', () => {
    const icns = readFileSync(join(ICONS, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, [number, number]>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found.set(type, pngSize(icns.subarray(at + 8, at + length)));
      at += length;
    }
    expect(found.get('ic10')).toEqual([1024, 1024]);
    expect(found.get('ic07')).toEqual([128, 128]);
    expect(found.get('icp4')).toEqual([16, 16]);
  });
});

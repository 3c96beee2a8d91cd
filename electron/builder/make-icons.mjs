#!/usr/bin/env node
/**
 * Regenerates the app icons from the one source image, assets/icons/icon.svg:
 *
 *   assets/icons/icon.png          1024×1024 (the master raster)
 *   assets/icons/png/NxN.png       16…1024, the set electron-builder installs on Linux
 *   assets/icons/icon.ico          Windows: 16…256, PNG-compressed entries
 *   assets/icons/icon.icns         macOS: 16…1024 (with @2x), PNG-compressed entries
 *
 *   node electron/builder/make-icons.mjs [--chromium /usr/bin/chromium]
 *
 * The generated files are committed, so neither CI nor `npm run dist` runs this.
 * Rasterising uses the headless Chromium the end-to-end tests already need (through
 * playwright-core), so no image tool has to be installed. ICO and ICNS are simple
 * containers of PNGs (both formats accept PNG entries: Windows Vista+, macOS 10.7+),
 * written here directly rather than adding a dependency for ~40 lines.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ICONS = join(ROOT, 'assets/icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types holding PNG data, by pixel size (Apple's "icp4…ic14"). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** An ICO file: a 6-byte header, one 16-byte directory entry per image, then the PNGs. */
export function buildIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** An ICNS file: 'icns' + total length, then (type, 8 + length, data) per element, big-endian. */
export function buildIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

async function rasterise(svg, sizes, chromiumPath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out = new Map();
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${dataUrl}" width="${size}" height="${size}">`);
      await page.locator('img').evaluate((img) => img.decode());
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function main(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--chromium');
  const chromiumPath = at >= 0 ? argv[at + 1] : '/usr/bin/chromium';
  const svg = await readFile(join(ICONS, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);
  const png = await rasterise(svg, sizes, chromiumPath);
  await mkdir(join(ICONS, 'png'), { recursive: true });
  for (const size of PNG_SIZES) await writeFile(join(ICONS, 'png', `${size}x${size}.png`), png.get(size));
  await writeFile(join(ICONS, 'icon.png'), png.get(1024));
  await writeFile(join(ICONS, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  await writeFile(join(ICONS, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  process.stdout.write(`wrote ${PNG_SIZES.length} PNGs, icon.png, icon.ico and icon.icns to ${ICONS}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

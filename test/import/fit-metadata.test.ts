/**
 * A web page's or Markdown file's metadata is fitted to the notebook's limits, never
 * fatal: an impossible date is dropped (10000-01-01 used to be read as year 1000),
 * over-long fields are cut and named in a note, and the file imports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../electron/import/fit-metadata.ts';
import { readSourceFile } from '../../electron/import/importer.ts';
import { cli, openService, tempDir } from '../support/notebook.ts';
import { mkfifoSync } from './support/fifo.ts';

const PARA = '<p>The harbour board met on Tuesday and approved a dredging budget of about 12 million euros for the outer channel.</p>';
const page = (meta: string) => Buffer.from(`<!doctype html><html><head><title>Harbour board</title>${meta}</head><body><article><h1>Harbour board</h1>${PARA.repeat(6)}</article></body></html>`);

describe('dates in metadata', () => {
  it('keeps real dates and drops impossible ones instead of misreading them', async () => {
    expect(isoDate('2021-05-24T10:00:00Z')).toBe('2021-05-24');
    expect(isoDate('2021-05')).toBe('2021-05');
    expect(isoDate('May 24, 2021')).toBe('2021-05-24');
    for (const bad of ['10000-01-01', '10000-01-01T00:00:00Z', '+010000-01-01', '2024-13-01', '2024-02-30', '2021-5-24x', 'soon']) expect(isoDate(bad), bad).toBeNull();
  });

  it('a page dated in the year 10000 imports without a date, with a note', async () => {
    const r = await readSourceFile('date.html', page('<meta property="article:published_time" content="10000-01-01T00:00:00Z">'));
    expect(r.published).toBeNull();
    expect(r.notes).toEqual(['the date "10000-01-01T00:00:00Z" is not a real date and was left out']);
  });
});

describe('metadata over the limits', () => {
  it('is cut to the limits with a note for each cut', async () => {
    const meta = [
      '<meta name="author" content="Writer 1">',
      `<meta property="og:site_name" content="${'P'.repeat(600)}">`,
      `<link rel="canonical" href="https://example.org/${'a'.repeat(5000)}">`,
      `<meta property="og:title" content="${'T'.repeat(1200)}">`,
    ].join('');
    const r = await readSourceFile('long.html', page(meta));
    expect(r.publisher).toHaveLength(500);
    expect(r.url).toBeNull();
    expect(r.title).toHaveLength(1000);
    expect(r.notes).toEqual([
      'the title was longer than 1000 characters and was cut to that length',
      'the publisher was longer than 500 characters and was cut to that length',
      'the URL was longer than 4000 characters and was left out (a cut URL would not lead anywhere)',
    ]);
  });

  it('150 authors, or an author line of 400 characters in front matter, is kept to 100 authors of 300 characters', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `Writer ${i}`).join(', ');
    const many = await readSourceFile('many.md', Buffer.from(`---\ntitle: Notes\nauthor: ${names}\n---\n\nThe ferry ran 14 crossings a day.\n`));
    expect(many.authors).toHaveLength(100);
    expect(many.authors[99]).toBe('Writer 99');
    expect(many.notes).toEqual(['the file names 150 authors; the first 100 were kept']);
    const long = await readSourceFile('long.md', Buffer.from(`---\ntitle: Notes\nauthor: ${'A'.repeat(400)}\ndate: 2024-02-30\n---\n\nThe ferry ran 14 crossings a day.\n`));
    expect(long.authors[0]).toHaveLength(300);
    expect(long.published).toBeNull();
    expect(long.notes).toEqual(['1 author name was longer than 300 characters and cut to that length', 'the date "2024-02-30" is not a real date and was left out']);
  });

  it('imports through the contract with the notes in the result, and the notebook opens again', async () => {
    const dir = tempDir();
    const nb = await openService(dir);
    const r = await nb.call('importFile', { fileName: 'p.html', dataBase64: page(`<meta property="og:site_name" content="${'P'.repeat(600)}">`).toString('base64') });
    expect(r.notes).toEqual(['the publisher was longer than 500 characters and was cut to that length']);
    await nb.close();
    const again = await openService(dir);
    expect((await again.call('listSources', {}))[0].publisher).toHaveLength(500);
    await again.close();
  });
});

describe('reading files for an import', () => {
  it('refuses a pipe and a device without reading them (nothing hangs), and imports the good file beside them', async () => {
    const dir = tempDir();
    const files = tempDir();
    const fifo = join(files, 'pipe.txt');
    mkfifoSync(fifo);
    writeFileSync(join(files, 'good.txt'), 'The ferry ran 14 crossings a day.\n');
    const r = await cli(dir, ['import', join(files, 'good.txt'), fifo, '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^imported {2}s_\w+ {2}/);
    expect(r.stderr).toBe(
      `notebook: ${fifo}: not a regular file (a pipe, a device or a socket); save its content to a file and import that\nnotebook: /dev/zero: not a regular file (a pipe, a device or a socket); save its content to a file and import that\n`,
    );
  });

  it('checks every path first: a path over 1,000 characters is refused in one line, the others import', async () => {
    const dir = tempDir();
    const files = tempDir();
    writeFileSync(join(files, 'good.txt'), 'The ferry ran 14 crossings a day.\n');
    let deep = files;
    while (deep.length < 1100) deep = join(deep, 'd'.repeat(200));
    mkdirSync(deep, { recursive: true });
    const long = join(deep, 'long.txt');
    writeFileSync(long, 'The pier was 300 metres long.\n');
    const r = await cli(dir, ['import', join(files, 'good.txt'), long]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^imported {2}s_\w+ {2}Good/);
    expect(r.stderr).toMatch(/^notebook: \S{40}…\S{30}: the path is \d{4} characters long; the limit is 1000: move or rename the file\n$/);
    const listed = await cli(dir, ['sources', '--json']);
    expect(listed.json.sources).toHaveLength(1);
  });
});

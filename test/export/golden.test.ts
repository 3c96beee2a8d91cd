/**
 * Golden files: the fixture notebook exported in every format, compared byte for byte
 * with test/fixtures/export/golden/. After an intended change to the output, regenerate
 * them with
 *   UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/export/golden.test.ts
 * and review the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import type { ExportFormat, ExportStyle } from '../../electron/export/index.ts';
import { C, FIXTURE_DATE, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

const GOLDEN = new URL('../fixtures/export/golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A style file as a user brings one (written for the tests), with a licence line. */
const NEWSROOM_XML = readFileSync(new URL('../fixtures/export/styles/newsroom.csl', import.meta.url), 'utf8');
const NEWSROOM: ExportStyle = { id: sha256(NEWSROOM_XML), xml: NEWSROOM_XML };

const CASES: { file: string; format: ExportFormat; style: ExportStyle; locale?: string }[] = [
  { file: 'briefing-apa.md', format: 'md', style: 'apa' },
  { file: 'briefing-chicago.md', format: 'md', style: 'chicago' },
  { file: 'briefing-mla.md', format: 'md', style: 'mla' },
  { file: 'briefing-harvard.md', format: 'md', style: 'harvard' },
  { file: 'briefing-vancouver.md', format: 'md', style: 'vancouver' },
  { file: 'briefing-user-style.md', format: 'md', style: NEWSROOM },
  { file: 'briefing-user-style-de-DE.md', format: 'md', style: NEWSROOM, locale: 'de-DE' },
  { file: 'briefing-harvard-fr-FR.md', format: 'md', style: 'harvard', locale: 'fr-FR' },
  { file: 'briefing.html', format: 'html', style: 'apa' },
  { file: 'annotations.json', format: 'annotations', style: 'apa' },
  { file: 'sources.csl.json', format: 'csl', style: 'apa' },
  { file: 'sources.bib', format: 'bibtex', style: 'apa' },
  { file: 'evidence.csv', format: 'evidence-csv', style: 'apa' },
];

async function exportFixture(format: ExportFormat, style: ExportStyle, locale?: string): Promise<string> {
  const fx = buildFixtureNotebook();
  const result = await exportNotebook({
    view: fx.notebook,
    getText: fx.getText,
    sha256,
    format,
    style,
    locale,
    includeUnverified: false,
    date: FIXTURE_DATE,
    title: 'Energy, mining and shipping: autumn briefing',
    conflicts: [{ a: C.c1, b: C.c2, reason: 'the shortfall and the closure are reported for different periods' }],
  });
  if (!result.ok) throw new Error(`fixture export failed: ${JSON.stringify(result.problems)}`);
  return result.content;
}

describe('golden exports of the fixture notebook', () => {
  it.each(CASES)('$file matches the checked-in file byte for byte', async ({ file, format, style, locale }) => {
    const content = await exportFixture(format, style, locale);
    const path = new URL(file, GOLDEN);
    if (UPDATE) writeFileSync(path, content);
    expect(content).toBe(readFileSync(path, 'utf8'));
  });

  it('gives byte-identical output when exported twice', async () => {
    expect(await exportFixture('md', 'chicago')).toBe(await exportFixture('md', 'chicago'));
  });
});

/**
 * Citation styles a user brings: a CSL file is checked (XML, a CSL <style> with
 * <citation> and <bibliography>, no DOCTYPE or entities, a size cap) before use, kept
 * in the notebook folder, and its licence shown; a bad file is refused in one line and
 * the notebook stays as it was. Harvard and Vancouver are offered by the CLI too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCslStyle, MAX_STYLE_BYTES } from '../../shared/export/csl-style.ts';
import { cli, FIXTURES, folderHash, tempDir } from '../support/notebook.ts';

const NEWSROOM = new URL('../fixtures/export/styles/newsroom.csl', import.meta.url);
const newsroom = readFileSync(NEWSROOM, 'utf8');
const MLA = readFileSync(new URL('../../electron/export/styles/mla.csl', import.meta.url), 'utf8');

describe('checkCslStyle', () => {
  it('accepts the official MLA style and a user-written style, reading title, id and licence', () => {
    const mla = checkCslStyle(MLA);
    expect(mla.ok && mla.info.title).toBe('Modern Language Association 9th edition');
    expect(mla.ok && mla.info.license).toBe('http://creativecommons.org/licenses/by-sa/3.0/');
    const own = checkCslStyle(newsroom);
    expect(own).toEqual({
      ok: true,
      info: {
        title: 'Newsroom test style',
        styleId: 'https://example.org/styles/newsroom',
        rights: 'Public domain (CC0), written for the Research Notebook tests',
        license: 'https://creativecommons.org/publicdomain/zero/1.0/',
        defaultLocale: null,
      },
    });
  });

  it.each([
    [
      'a DOCTYPE with an entity',
      newsroom.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
      /declares a DOCTYPE or entities/,
    ],
    ['an unclosed element', newsroom.replace('</bibliography>', ''), /not well-formed XML: <bibliography> is never closed|does not close/],
    ['mismatched tags', newsroom.replace('</citation>', '</citaton>'), /not well-formed XML/],
    ['another root element', '<?xml version="1.0"?><html><body/></html>', /root element is <html>, not a CSL <style>/],
    ['no CSL namespace', newsroom.replace('xmlns="http://purl.org/net/xbiblio/csl"', ''), /not in the CSL namespace/],
    ['no bibliography', newsroom.replace(/<bibliography>[\s\S]*<\/bibliography>/, ''), /no <bibliography> element/],
    ['no citation', newsroom.replace(/<citation>[\s\S]*<\/citation>/, ''), /no <citation> element/],
    ['two root elements', newsroom + '<style/>', /more than one root element/],
    ['text outside the root', newsroom + 'trailing words', /text outside the root element/],
    ['too large', newsroom.replace('</info>', `</info><!-- ${'x'.repeat(MAX_STYLE_BYTES)} -->`), /over the 1 MB a style file may be/],
  ])('refuses %s', (_name, xml, message) => {
    const r = checkCslStyle(xml);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
});

async function notebookWithClaim(): Promise<string> {
  const dir = tempDir();
  const id = (await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), '--json'])).json.results[0].source.id;
  await cli(dir, ['edit', id, '--author', 'Rosa Quispe', '--publisher', 'Altiplano Wire', '--published', '2025-04-02']);
  const q = (await cli(dir, ['quote', id, '--exact', 'output fell by almost 12%', '--json'])).json.quote;
  await cli(dir, ['claim', 'add', 'Lithium output fell by almost 12%', '--evidence', `${q.id}:supports`]);
  return dir;
}

describe('notebook export --style', () => {
  it('uses a CSL style file, keeps it in the notebook, names its licence, and takes a locale', async () => {
    const dir = await notebookWithClaim();
    const file = join(tempDir(), 'newsroom.csl');
    writeFileSync(file, newsroom);
    const out = join(tempDir(), 'b.md');
    const r = await cli(dir, ['export', '--out', out, '--style', file, '--locale', 'de-DE']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/citation style “Newsroom test style” \(kept in the notebook as csl:[0-9a-f]{64}\); licence: Public domain \(CC0\)/);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^\[\^1\]: \\\[Quispe, 2025, Abs\. \d+\\\]\.$/m);
    expect(md).toContain('- SALT-FLAT LITHIUM OUTPUT');
    expect(md).toContain(' / Rosa Quispe / 2. April 2025.');
    expect(readdirSync(join(dir, 'styles'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.csl$/)]);
    expect(readFileSync(join(dir, 'styles', readdirSync(join(dir, 'styles'))[0]!), 'utf8')).toBe(newsroom);
    // The kept style by its id, once the file is gone.
    const id = /kept in the notebook as (csl:[0-9a-f]{64})/.exec(r.stderr)![1]!;
    const again = await cli(dir, ['export', '--out', join(tempDir(), 'c.md'), '--style', id]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('refuses a bad style file in one line and leaves the notebook as it was', async () => {
    const dir = await notebookWithClaim();
    const before = folderHash(dir);
    const file = join(tempDir(), 'evil.csl');
    writeFileSync(file, newsroom.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x "y">]>'));
    const out = join(tempDir(), 'b.md');
    const r = await cli(dir, ['export', '--out', out, '--style', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/evil\.csl is not a usable citation style: it declares a DOCTYPE or entities/);
    expect(folderHash(dir)).toBe(before);
    const missing = await cli(dir, ['export', '--out', out, '--style', 'harvrd']);
    expect(missing.stderr).toMatch(/no style "harvrd": --style takes apa, chicago, mla, harvard, vancouver or a CSL style file/);
    expect(folderHash(dir)).toBe(before);
  });

  it('offers Harvard and Vancouver', async () => {
    const dir = await notebookWithClaim();
    const h = join(tempDir(), 'h.md');
    const v = join(tempDir(), 'v.md');
    expect((await cli(dir, ['export', '--out', h, '--style', 'harvard'])).code).toBe(0);
    expect((await cli(dir, ['export', '--out', v, '--style', 'vancouver'])).code).toBe(0);
    expect(readFileSync(h, 'utf8')).toMatch(/^\[\^1\]: \(Quispe, 2025, para\. \d+\)\.$/m);
    expect(readFileSync(v, 'utf8')).toMatch(/^\[\^1\]: \(1\), para\. \d+\.$/m);
    expect(readFileSync(v, 'utf8')).toMatch(/^- 1\\\. Quispe R\./m);
  });
});

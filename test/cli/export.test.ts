import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { cli, FIXTURES, folderHash, tempDir } from '../support/notebook.ts';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';

async function notebookWithBriefing() {
  const dir = tempDir();
  const id = (await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), '--json'])).json.results[0].source.id;
  await cli(dir, ['edit', id, '--author', 'Rosa Quispe', '--publisher', 'Altiplano Wire', '--published', '2025-04-02']);
  const q1 = (await cli(dir, ['quote', id, '--exact', 'output fell by almost 12%', '--json'])).json.quote;
  const q2 = (await cli(dir, ['quote', id, '--exact', 'We may see a partial rebound of up to 5% by June', '--json'])).json.quote;
  await cli(dir, ['claim', 'add', 'Lithium output fell by almost 12% in the first quarter', '--evidence', `${q1.id}:supports`, '--evidence', `${q2.id}:contradicts`, '--tag', 'mining/lithium']);
  return { dir, id, q1, q2 };
}

describe('notebook export', () => {
  it('writes a Markdown briefing whose blockquotes equal the source text at each anchor, with one footnote per quote', async () => {
    const { dir, q1, q2 } = await notebookWithBriefing();
    const out = join(tempDir(), 'briefing.md');
    const r = await cli(dir, ['export', '--out', out, '--style', 'chicago']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^> .*output fell by almost 12%/m);
    expect(md).toContain('Altiplano Wire');
    const tokens = new Lexer().lex(md);
    const quotes = tokens.filter((t) => t.type === 'blockquote').map((t) => (t as { text: string }).text);
    expect(quotes.some((t) => t.includes(q1.exact))).toBe(true);
    expect(quotes.some((t) => t.includes(q2.exact))).toBe(true);
    const refs = [...md.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]);
    const defs = [...md.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]);
    expect(new Set(refs)).toEqual(new Set(defs));
    expect(md).toMatch(/SHA-256|sha256/i);
  });

  it('gives the same bytes for the same notebook on the same day', async () => {
    const { dir } = await notebookWithBriefing();
    const a = join(tempDir(), 'a.md');
    const b = join(tempDir(), 'b.md');
    await cli(dir, ['export', '--out', a]);
    await cli(dir, ['export', '--out', b]);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('stops, naming the quote, when a stored source text was tampered with, and writes nothing', async () => {
    const { dir, q1 } = await notebookWithBriefing();
    const textFile = readdirSync(join(dir, 'texts'))[0]!;
    const text = readFileSync(join(dir, 'texts', textFile), 'utf8');
    writeFileSync(join(dir, 'texts', textFile), text.replace('almost 12%', 'almost 21%'));
    const out = join(tempDir(), 'briefing.md');
    const r = await cli(dir, ['export', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('export stopped');
    expect(r.stderr).toContain(q1.id);
    expect(existsSync(out)).toBe(false);
  });

  it('notices a text tampered with while the notebook is open in a long-running process', async () => {
    const { dir } = await notebookWithBriefing();
    const store = await NotebookStore.open(dir, { write: 'required' });
    try {
      const s = new NotebookService(store);
      const first = await dispatch(s, 'exportBriefing', { format: 'md' });
      expect(first.ok && first.value.stopped).toBe(false); // the text is now verified and cached
      const textFile = readdirSync(join(dir, 'texts'))[0]!;
      writeFileSync(join(dir, 'texts', textFile), readFileSync(join(dir, 'texts', textFile), 'utf8').replace('almost 12%', 'almost 21%'));
      const second = await dispatch(s, 'exportBriefing', { format: 'md' });
      expect(second.ok && second.value.stopped).toBe(true);
      expect(second.ok && second.value.problems[0]!.message).toMatch(/no longer matches its source/);
    } finally {
      await store.close();
    }
  });

  it('stops when a quote was edited in the notebook file, and includes it marked unverified only when asked', async () => {
    const { dir, id, q1 } = await notebookWithBriefing();
    await cli(dir, ['sources']); // make sure the log is folded into the shard
    const shard = join(dir, 'sources', `${id}.json`);
    const data = JSON.parse(readFileSync(shard, 'utf8'));
    data.quotes = data.quotes.map((q: any) => (q.id === q1.id ? { ...q, exact: 'output fell by almost 15%' } : q));
    writeFileSync(shard, JSON.stringify(data));
    const out = join(tempDir(), 'briefing.md');
    const stopped = await cli(dir, ['export', '--out', out]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(new RegExp(`${q1.id}.*no longer matches`));
    const forced = await cli(dir, ['export', '--out', out, '--include-unverified']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/unverified/i);
  });

  it('writes only the chosen path: a folder or a missing parent is refused and the notebook is untouched', async () => {
    const { dir } = await notebookWithBriefing();
    const before = folderHash(dir);
    const folder = tempDir();
    mkdirSync(join(folder, 'sub'));
    expect((await cli(dir, ['export', '--out', join(folder, 'sub')])).code).toBe(1);
    expect((await cli(dir, ['export', '--out', join(folder, 'missing', 'b.md')])).code).toBe(1);
    expect(readdirSync(folder)).toEqual(['sub']);
    expect(folderHash(dir)).toBe(before);
  });

  it('refuses a destination inside the notebook folder, a symbolic link or a device, and writes nothing', async () => {
    const { dir } = await notebookWithBriefing();
    const before = folderHash(dir);
    const shard = join(dir, 'sources', readdirSync(join(dir, 'sources')).find((n) => n.endsWith('.json'))!);
    for (const inside of [join(dir, 'notebook.json'), shard, join(dir, 'wal.log'), join(dir, 'new-briefing.md')]) {
      const r = await cli(dir, ['export', '--out', inside]);
      expect(r.code, inside).toBe(1);
      expect(r.stderr).toMatch(/is inside the notebook folder; export to a file outside it/);
    }
    // A link elsewhere that points into the notebook folder does not get round the rule.
    const elsewhere = tempDir();
    symlinkSync(dir, join(elsewhere, 'nb-link'));
    expect((await cli(dir, ['export', '--out', join(elsewhere, 'nb-link', 'briefing.md')])).stderr).toMatch(/inside the notebook folder/);
    const target = join(elsewhere, 'precious.md');
    writeFileSync(target, 'kept');
    symlinkSync(target, join(elsewhere, 'link.md'));
    const viaLink = await cli(dir, ['export', '--out', join(elsewhere, 'link.md')]);
    expect(viaLink.stderr).toMatch(/is a symbolic link; export to the file itself/);
    expect(readFileSync(target, 'utf8')).toBe('kept');
    const device = await cli(dir, ['export', '--out', '/dev/null']);
    expect(device.stderr).toMatch(/is not a regular file/);
    expect(folderHash(dir)).toBe(before);
    expect((await cli(dir, ['sources'])).code).toBe(0);
  });

  it('leaves out the provenance appendix with --no-provenance and keeps it by default', async () => {
    const { dir } = await notebookWithBriefing();
    const folder = tempDir();
    expect((await cli(dir, ['export', '--out', join(folder, 'with.md')])).code).toBe(0);
    expect((await cli(dir, ['export', '--out', join(folder, 'without.md'), '--no-provenance', '--quote-notes'])).code).toBe(0);
    expect(readFileSync(join(folder, 'with.md'), 'utf8')).toMatch(/^## Provenance$/m);
    expect(readFileSync(join(folder, 'without.md'), 'utf8')).not.toMatch(/^## Provenance$|SHA-256/m);
  });

  it('exports annotations, CSL-JSON and BibTeX', async () => {
    const { dir, q1 } = await notebookWithBriefing();
    const folder = tempDir();
    for (const [format, file] of [
      ['annotations', 'a.jsonld'],
      ['csl', 'c.json'],
      ['bibtex', 'b.bib'],
      ['html', 'h.html'],
    ] as const) {
      const r = await cli(dir, ['export', '--out', join(folder, file), '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
    }
    const anno = JSON.parse(readFileSync(join(folder, 'a.jsonld'), 'utf8'));
    expect(anno.type).toBe('AnnotationCollection');
    expect(JSON.stringify(anno)).toContain(q1.exact);
    expect(JSON.parse(readFileSync(join(folder, 'c.json'), 'utf8'))[0].publisher ?? JSON.parse(readFileSync(join(folder, 'c.json'), 'utf8'))[0]['container-title']).toBe('Altiplano Wire');
    expect(readFileSync(join(folder, 'b.bib'), 'utf8')).toMatch(/^@\w+\{/m);
    expect(readFileSync(join(folder, 'h.html'), 'utf8')).toMatch(/<blockquote>/);
  });
});

/**
 * W3C Web Annotation import: a notebook exported as annotations and imported into an
 * empty notebook holding the same sources anchors every quote exactly (same words, same
 * place, same note and tags); a Hypothesis export (its API's JSON shape, written here)
 * is matched by URL; what cannot be matched or found is reported, never guessed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnnotations, planAnnotations } from '../../shared/export/annotation-import.ts';
import { cli, FIXTURES, folderHash, tempDir } from '../support/notebook.ts';

interface Q {
  sourceId: string;
  exact: string;
  note: string;
  tags: string[];
  selectors: [{ start: number; end: number }, unknown];
}

const FILES = ['lithium-output.txt', 'grid-curtailment.md', 'shipping-delays.html'];

async function importSources(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const f of FILES) ids.push((await cli(dir, ['import', join(FIXTURES, f), '--json'])).json.results[0].source.id);
  return ids;
}

const quotesOf = async (dir: string): Promise<Q[]> => (await cli(dir, ['quotes', '--json'])).json.quotes;
const key = (q: Q, fileOf: Map<string, string>) => `${fileOf.get(q.sourceId)}|${q.selectors[0].start}|${q.selectors[0].end}|${q.exact}|${q.note}|${[...q.tags].sort().join(',')}`;

describe('import-annotations', () => {
  it('a notebook exported as W3C annotations and imported into an empty notebook with the same sources anchors 100% of its quotes exactly', async () => {
    const a = tempDir();
    const idsA = await importSources(a);
    // Quote every sentence-sized run of words of each source, some with notes and tags.
    let n = 0;
    for (const id of idsA) {
      const text: string = (await cli(a, ['show', id, '--json'])).json.source?.text ?? (await cli(a, ['show', id, '--json'])).json.text;
      const sentences = [
        ...new Set(
          text
            .split(/(?<=[.!?])\s+/)
            .map((s) => s.trim())
            .filter((s) => s.length > 20 && s.length < 300),
        ),
      ];
      for (const s of sentences.slice(0, 8)) {
        const args = ['quote', id, '--exact', s, '--occurrence', '1', '--json'];
        if (n % 2 === 0) args.push('--note', `note ${n}`);
        if (n % 3 === 0) args.push('--tag', `topic/t${n % 4}`);
        const r = await cli(a, args);
        expect(r.code, r.stderr).toBe(0);
        n++;
      }
    }
    const before = await quotesOf(a);
    expect(before.length).toBeGreaterThan(10);
    const file = join(tempDir(), 'annotations.jsonld');
    expect((await cli(a, ['export', '--format', 'annotations', '--out', file])).code).toBe(0);

    const b = tempDir();
    const idsB = await importSources(b);
    const r = await cli(b, ['import-annotations', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.imported).toBe(before.length);
    expect(r.json.results.every((x: { status: string }) => x.status === 'imported')).toBe(true);
    const fileA = new Map(idsA.map((id, i) => [id, FILES[i]!]));
    const fileB = new Map(idsB.map((id, i) => [id, FILES[i]!]));
    const after = await quotesOf(b);
    expect(after.map((q) => key(q, fileB)).sort()).toEqual(before.map((q) => key(q, fileA)).sort());
    for (const q of after) expect((q as unknown as { anchor: { status: string } }).anchor.status).toBe('exact');

    // Imported twice: nothing new.
    const again = await cli(b, ['import-annotations', file, '--json']);
    expect(again.json.imported).toBe(0);
    expect(again.json.results.every((x: { status: string }) => x.status === 'duplicate')).toBe(true);
  });

  it('reads a Hypothesis export, matched by URL, and reports what it cannot place', async () => {
    const dir = tempDir();
    const [id] = await importSources(dir);
    await cli(dir, ['edit', id!, '--url', 'https://wire.example/lithium']);
    const text: string = (await cli(dir, ['show', id!, '--json'])).json.source?.text ?? (await cli(dir, ['show', id!, '--json'])).json.text;
    const exact = text
      .split(/(?<=[.!?])\s+/)
      .find((s) => s.length > 30)!
      .trim();
    const start = text.indexOf(exact);
    const hypothesis = [
      {
        id: 'h1',
        uri: 'https://wire.example/lithium/#section',
        text: 'Check this figure.',
        tags: ['mining', 'to-check'],
        target: [
          {
            source: 'https://wire.example/lithium',
            selector: [
              { type: 'RangeSelector', startContainer: '/p[1]', endContainer: '/p[1]', startOffset: 0, endOffset: 5 },
              { type: 'TextPositionSelector', start: start + 7, end: start + 7 + exact.length },
              { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
            ],
          },
        ],
      },
      {
        id: 'h2',
        uri: 'https://elsewhere.example/x',
        text: '',
        tags: [],
        target: [{ source: 'https://elsewhere.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'words no source here has', prefix: '', suffix: '' }] }],
      },
      { id: 'h3', uri: 'https://wire.example/lithium', text: 'A page note', tags: [], target: [{ source: 'https://wire.example/lithium' }] },
    ];
    const file = join(tempDir(), 'hypothesis.json');
    writeFileSync(file, JSON.stringify(hypothesis));
    const r = await cli(dir, ['import-annotations', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['imported', 'unmatched', 'skipped']);
    expect(r.stderr).toMatch(/annotation 2: no source has its URL \(https:\/\/elsewhere\.example\/x\) or its text/);
    expect(r.stderr).toMatch(/annotation 3: it has no TextQuoteSelector/);
    const [q] = await quotesOf(dir);
    expect(q!.exact).toBe(exact);
    expect(q!.selectors[0].start).toBe(start);
    expect(q!.note).toBe('Check this figure.');
    expect([...q!.tags].sort()).toEqual(['mining', 'to-check']);
  });

  it('refuses a file that is not annotation JSON in one line, leaving the notebook as it was', async () => {
    const dir = tempDir();
    await importSources(dir);
    const before = folderHash(dir);
    const file = join(tempDir(), 'x.json');
    writeFileSync(file, '{"hello": 1}');
    const r = await cli(dir, ['import-annotations', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^notebook: the file holds no annotations: expected a W3C AnnotationCollection/);
    writeFileSync(file, 'not json');
    expect((await cli(dir, ['import-annotations', file])).stderr).toMatch(/the file is not JSON/);
    expect(folderHash(dir)).toBe(before);
  });

  it('plans without a notebook: a quote no longer in the text is not found, never put elsewhere', () => {
    const plan = planAnnotations(
      parseAnnotations(JSON.stringify([{ target: { source: 'urn:notebook:source:s_1', selector: { type: 'TextQuoteSelector', exact: 'gone words', prefix: '', suffix: '' } } }])),
      [{ id: 's_1', title: 'T', url: null } as never],
      () => 'other text entirely',
    );
    expect(plan[0]!.status).toBe('not-found');
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliProcess, ensureCliBundle, FIXTURES, folderHash, tempDir } from '../support/notebook.ts';

const LITHIUM = join(FIXTURES, 'lithium-output.txt');
const GRID = join(FIXTURES, 'grid-curtailment.md');
const SHIPPING = join(FIXTURES, 'shipping-delays.html');

async function importOne(dir: string, file: string): Promise<string> {
  const r = await cli(dir, ['import', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r.json.results[0].source.id;
}

describe('notebook import', () => {
  it('imports .txt, .md and .html files and lists them with counts', async () => {
    const dir = tempDir();
    const r = await cli(dir, ['import', LITHIUM, GRID, SHIPPING, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.results.map((x: any) => [x.source.format, x.duplicate])).toEqual([
      ['txt', false],
      ['md', false],
      ['html', false],
    ]);
    const list = await cli(dir, ['sources', '--json']);
    expect(list.json.sources.map((s: any) => s.title)).toEqual([
      'Salt-Flat Lithium Output Slips as Brine Ponds Freeze',
      'Wind Farms Curtailed as Northern Grid Hits Its Limit',
      'Canal Queue Grows to 140 Ships as Water Levels Drop',
    ]);
    expect(list.json.sources[0]).toMatchObject({ quoteCount: 0, claimCount: 0, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('recognises a file imported twice and adds nothing', async () => {
    const dir = tempDir();
    const id = await importOne(dir, LITHIUM);
    const before = folderHash(dir);
    const again = await cli(dir, ['import', LITHIUM, '--json']);
    expect(again.json.results[0]).toMatchObject({ duplicate: true, source: { id } });
    expect(folderHash(dir)).toBe(before);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /PNG image/],
    ['invalid UTF-16', Buffer.from([0xff, 0xfe, 0x41]), /invalid UTF-16/],
    ['invalid bytes', Buffer.from([0x41, 0x8d, 0x42]), /invalid text encoding/],
    ['invalid UTF-8 after a BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]), /invalid UTF-8/],
    ['a file over the 20 MB cap', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), /the limit is 20 MB/],
  ])('refuses %s with one line on stderr, imports the good file beside it, and alone leaves the notebook byte-identical', async (_n, bytes, message) => {
    const dir = tempDir();
    await importOne(dir, LITHIUM);
    const bad = join(tempDir(), 'bad.txt');
    writeFileSync(bad, bytes);
    const before = folderHash(dir);
    const alone = await cli(dir, ['import', bad]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toMatch(message);
    expect(alone.stderr.trim().split('\n')).toHaveLength(1);
    expect(folderHash(dir)).toBe(before);

    // Every file is checked first; then the good one is imported and the bad one named with its reason.
    const r = await cli(dir, ['import', GRID, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^imported {2}s_\w+ {2}Wind Farms Curtailed as Northern Grid Hits Its Limit/);
    const list = await cli(dir, ['sources', '--json']);
    expect(list.json.sources.map((s: any) => s.fileName)).toEqual(['lithium-output.txt', 'grid-curtailment.md']);
  });

  it('reports each file of a partial import in --json, the refused ones with their reason', async () => {
    const dir = tempDir();
    const rtf = join(tempDir(), 'x.rtf');
    writeFileSync(rtf, '{\\rtf1}');
    const r = await cli(dir, ['import', LITHIUM, rtf, '/nonexistent/y.txt', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.results.map((x: any) => [x.status, x.reason ?? x.source.title])).toEqual([
      ['imported', 'Salt-Flat Lithium Output Slips as Brine Ponds Freeze'],
      ['refused', expect.stringMatching(/^x\.rtf: unsupported file type \.rtf; import \.txt, \.md, \.html, \.pdf\b.* files$/)],
      ['refused', '/nonexistent/y.txt: no such file'],
    ]);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('refuses a file that does not exist and an unsupported type', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['import', '/nonexistent/x.txt'])).stderr).toMatch(/no such file/);
    const rtf = join(tempDir(), 'x.rtf');
    writeFileSync(rtf, '{\\rtf1}');
    expect((await cli(dir, ['import', rtf])).stderr).toMatch(/unsupported file type \.rtf/);
  });
});

describe('quoting, tagging and claiming', () => {
  it('quotes exact words, refuses words the source lacks, and lists quotes by source and tag', async () => {
    const dir = tempDir();
    const id = await importOne(dir, LITHIUM);
    const q = await cli(dir, ['quote', id, '--exact', 'nearly 64% of the region', '--tag', 'mining/lithium', '--note', 'check *this*', '--color', 'green', '--json']);
    expect(q.code, q.stderr).toBe(0);
    expect(q.json.quote).toMatchObject({ exact: 'nearly 64% of the region', tags: ['mining/lithium'], note: 'check *this*', color: 'green', sourceId: id });

    const before = folderHash(dir);
    const bad = await cli(dir, ['quote', id, '--exact', 'nearly 46% of the region']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/does not contain “nearly 46% of the region”/);
    expect(folderHash(dir)).toBe(before);

    expect((await cli(dir, ['quotes', '--tag', 'mining', '--json'])).json.quotes).toHaveLength(1);
    expect((await cli(dir, ['quotes', '--tag', 'energy', '--json'])).json.quotes).toHaveLength(0);
    expect((await cli(dir, ['quotes', '--source', id, '--json'])).json.quotes[0].id).toBe(q.json.quote.id);
  });

  it('adds claims with evidence, links claims, shows backlinks, and deletes without dangling links', async () => {
    const dir = tempDir();
    const id = await importOne(dir, LITHIUM);
    const q1 = (await cli(dir, ['quote', id, '--exact', 'output fell by almost 12%', '--json'])).json.quote.id;
    const q2 = (await cli(dir, ['quote', id, '--exact', 'partial rebound of up to 5%', '--json'])).json.quote.id;
    const c1 = await cli(dir, ['claim', 'add', 'Output fell by almost 12%', '--evidence', `${q1}:supports`, '--evidence', `${q2}:contradicts`, '--tag', 'mining', '--status', 'supported', '--json']);
    expect(c1.code, c1.stderr).toBe(0);
    expect(c1.json.claim).toMatchObject({
      statement: 'Output fell by almost 12%',
      status: 'supported',
      tags: ['mining'],
      evidence: [
        { quoteId: q1, relation: 'supports' },
        { quoteId: q2, relation: 'contradicts' },
      ],
    });
    const c2 = (await cli(dir, ['claim', 'add', 'Prices rose more than 20%', '--json'])).json.claim.id;
    expect((await cli(dir, ['claim', 'link', c2, c1.json.claim.id, '--relation', 'refines'])).code).toBe(0);

    const claims = (await cli(dir, ['claims', '--json'])).json.claims;
    const first = claims.find((c: any) => c.claim.id === c1.json.claim.id);
    expect(first.citedBy).toEqual([{ claimId: c2, relation: 'refines', statement: 'Prices rose more than 20%' }]);
    expect(first.evidence.map((e: any) => e.quote.id)).toEqual([q1, q2]);
    expect((await cli(dir, ['sources', '--json'])).json.sources[0]).toMatchObject({ quoteCount: 2, claimCount: 1 });

    expect((await cli(dir, ['delete', 'quote', q1])).code).toBe(0);
    expect((await cli(dir, ['delete', 'claim', c1.json.claim.id])).code).toBe(0);
    const after = (await cli(dir, ['claims', '--json'])).json.claims;
    expect(after).toHaveLength(1);
    expect(after[0].claim.links).toEqual([]);
  });

  it('refuses evidence that is not a quote id and unknown relations', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['claim', 'add', 'x', '--evidence', 'nope'])).stderr).toMatch(/not a quote id/);
    expect((await cli(dir, ['claim', 'add', 'x', '--evidence', 'q_0000000000:proves'])).stderr).toMatch(/unknown evidence relation "proves"/);
  });

  it('renames and merges tags, keeping every reference', async () => {
    const dir = tempDir();
    const id = await importOne(dir, LITHIUM);
    await cli(dir, ['quote', id, '--exact', 'almost 12%', '--tag', 'energy/lithium']);
    await cli(dir, ['claim', 'add', 'x', '--tag', 'energy/lithium/prices', '--tag', 'metals']);
    expect((await cli(dir, ['tags', 'rename', 'energy', 'resources'])).code).toBe(0);
    expect((await cli(dir, ['tags', 'merge', 'resources/lithium', 'metals'])).code).toBe(0);
    const tags = (await cli(dir, ['tags', '--json'])).json.tags.map((t: any) => t.tag.name);
    expect(tags).toEqual(['metals', 'metals/prices', 'resources']);
    expect((await cli(dir, ['quotes', '--json'])).json.quotes[0].tags).toEqual(['metals']);
    expect((await cli(dir, ['claims', '--json'])).json.claims[0].claim.tags).toEqual(['metals/prices', 'metals']);
  });

  it('edits source metadata and refuses a bad date', async () => {
    const dir = tempDir();
    const id = await importOne(dir, LITHIUM);
    const r = await cli(dir, ['edit', id, '--author', 'R. Quispe', '--author', 'L. Mamani', '--publisher', 'Altiplano Wire', '--published', '2025-04-02', '--json']);
    expect(r.json.source).toMatchObject({ authors: ['R. Quispe', 'L. Mamani'], publisher: 'Altiplano Wire', published: '2025-04-02' });
    const bad = await cli(dir, ['edit', id, '--published', 'last week']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/published: expected a date/);
  });

  it('shows a source with its metadata and text', async () => {
    const dir = tempDir();
    const id = await importOne(dir, SHIPPING);
    const r = await cli(dir, ['show', id]);
    expect(r.stdout).toMatch(/^id +s_/);
    expect(r.stdout).toContain('publisher  Harbour Ledger');
    expect(r.stdout).toContain('fetched more than $2 million');
  });
});

describe('the notebook bin', () => {
  beforeAll(ensureCliBundle, 120_000);

  it.each([[['--help']], [['import', '--help']], [['claim', 'add', '--help']], [['tags', 'rename', '--help']]])('prints help for %j and exits 0', (args) => {
    const r = cliProcess(tempDir(), args);
    expect(r.code, args.join(' ')).toBe(0);
    expect(r.stdout).toMatch(/Usage: notebook/);
  });

  it('reports errors as one line on stderr with a non-zero exit, and --json prints one document', () => {
    const dir = tempDir();
    const r = cliProcess(dir, ['show', 's_0000000000']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('notebook: no source s_0000000000');
    const unknown = cliProcess(dir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const ok = cliProcess(dir, ['import', LITHIUM, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).results[0].source.id).toMatch(/^s_/);
  });

  it('picks the notebook from NOTEBOOK_DIR when --notebook is not given', () => {
    const dir = tempDir();
    const r = spawnBin(['import', LITHIUM, '--json'], { NOTEBOOK_DIR: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(cliProcess(dir, ['sources', '--json']).stdout).sources).toHaveLength(1);
  });
});

function spawnBin(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

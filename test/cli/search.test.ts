import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, openService, tempDir } from '../support/notebook.ts';

describe('notebook search', () => {
  it('finds a phrase across line breaks and curly quotes, says where, and marks the matched words', async () => {
    const dir = tempDir();
    await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), join(FIXTURES, 'shipping-delays.html'), '--json']);
    const r = await cli(dir, ['search', '"three largest operators"', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const hit = r.json.hits[0];
    expect(hit).toMatchObject({ type: 'source', sourceTitle: 'Salt-Flat Lithium Output Slips as Brine Ponds Freeze', paragraph: 3 });
    const [a, b] = hit.snippet.marks[0];
    expect(hit.snippet.text.slice(a, b).toLowerCase()).toContain('three');
    expect(r.json.hits.every((h: any) => h.sourceTitle !== 'Canal Queue Grows to 140 Ships as Water Levels Drop')).toBe(true);
  });

  it('reports an invalid query as one line', async () => {
    const dir = tempDir();
    const r = await cli(dir, ['search', 'type:banana']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('documents the query language in --help', async () => {
    const r = await cli(tempDir(), ['search', '--help']);
    expect(r.stdout).toMatch(/"exact phrase"/);
    expect(r.stdout).toMatch(/tag:/);
  });

  it('serves other requests while the first search builds the index, and includes what they changed', async () => {
    const dir = tempDir();
    const { call, close } = await openService(dir);
    try {
      let last: any;
      for (let i = 0; i < 80; i++) last = await call('importText', { text: `Report ${i}: zinc output rose by about ${i}% in week ${i}.`, title: `Report ${i}` });
      const first = call('search', { query: 'zinc' }); // starts the build, which yields every few sources
      const quote = await call('createQuote', { sourceId: last.source.id, exact: 'zinc output rose' });
      await first;
      expect((await call('search', { query: 'type:quote zinc' })).hits.map((h: any) => h.refId)).toEqual([quote.id]);
    } finally {
      await close();
    }
  });

  it('keeps the index current on every change without rebuilding it', async () => {
    const dir = tempDir();
    const { call, close } = await openService(dir);
    try {
      const { source } = await call('importText', { text: 'Exports of copper concentrate rose by roughly 8% in March.', title: 'Copper' });
      expect((await call('search', { query: 'type:quote copper' })).hits).toEqual([]);
      const q = await call('createQuote', { sourceId: source.id, exact: 'copper concentrate rose', note: 'check the smelter figures' });
      expect((await call('search', { query: 'type:quote copper' })).hits.map((h: any) => h.refId)).toEqual([q.id]);
      expect((await call('search', { query: 'smelter' })).hits[0]).toMatchObject({ type: 'note', refId: q.id });
      await call('deleteQuote', { id: q.id });
      expect((await call('search', { query: 'type:quote copper' })).hits).toEqual([]);
      const c = await call('createClaim', { statement: 'Copper exports rose about 8%', tags: ['metals/copper'] });
      expect((await call('search', { query: 'tag:metals >5%' })).hits.map((h: any) => h.refId)).toContain(c.id);
    } finally {
      await close();
    }
  });
});

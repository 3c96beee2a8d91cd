/** The Open Recent list: newest first, no duplicates, bounded, and forgiving of a damaged file. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentNotebooks } from '../../electron/main/recent.ts';
import { tempDir } from '../server/helpers.ts';

describe('RecentNotebooks', () => {
  it('keeps the newest first, moves a reopened folder to the top and persists the list', async () => {
    const file = join(await tempDir('nb-recent-'), 'userData', 'recent-notebooks.json');
    const recent = new RecentNotebooks(file);
    expect(await recent.list()).toEqual([]);
    await recent.add('/notes/grain');
    await recent.add('/notes/lithium');
    await recent.add('/notes/grain');
    expect(await new RecentNotebooks(file).list()).toEqual(['/notes/grain', '/notes/lithium']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, notebooks: ['/notes/grain', '/notes/lithium'] });
    await recent.clear();
    expect(await recent.list()).toEqual([]);
  });

  it(`remembers at most ${MAX_RECENT} notebooks`, async () => {
    const recent = new RecentNotebooks(join(await tempDir('nb-recent-'), 'recent.json'));
    for (let i = 0; i < MAX_RECENT + 3; i++) await recent.add(`/notes/n${i}`);
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(`/notes/n${MAX_RECENT + 2}`);
  });

  it('treats a damaged or odd file as an empty list', async () => {
    const file = join(await tempDir('nb-recent-'), 'recent.json');
    for (const content of ['{not json', '[]', '{"notebooks": "x"}', '{"notebooks": [1, null, "/ok"]}']) {
      await writeFile(file, content);
      expect(await new RecentNotebooks(file).list()).toEqual(content.includes('/ok') ? ['/ok'] : []);
    }
  });
});

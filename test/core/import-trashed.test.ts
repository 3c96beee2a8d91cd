/**
 * Importing a text that is in the Trash brings that source back — its quotes and
 * their links with it — instead of a bare copy that would leave the researcher's
 * highlights stuck in the Trash (a restore is refused while another source holds
 * the same text). One undo step puts it back in the Trash exactly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/notebook.ts';
import { b64, baseNotebook, HARBOUR, records } from './history-support.ts';

describe('importing a text that is in the Trash', () => {
  it('restores the trashed source with its quotes and links, and undo sends it back', async () => {
    const nb = await baseNotebook();
    try {
      const { harbour, grain, c1 } = nb.ids;
      await nb.call('deleteSource', { id: harbour });
      const trashed = records(nb);
      const r = await nb.call('importFiles', { files: [{ fileName: 'harbour-again.md', dataBase64: b64(HARBOUR) }] });
      expect(r.files).toHaveLength(1);
      expect(r.files[0]).toMatchObject({ status: 'restored', source: { id: harbour }, restoredFromTrash: { quotes: 2 } });
      expect(nb.store.memory.getQuote(grain as never)).toBeDefined();
      expect(nb.store.memory.getClaim(c1 as never)!.evidence.map((e) => e.quoteId)).toContain(grain);
      expect(await nb.call('listTrash', {})).toEqual([]);
      expect((await nb.call('historyState', {})).undo).toMatch(/import/);
      await nb.call('undo', {});
      expect(records(nb)).toEqual(trashed);
    } finally {
      await nb.close();
    }
  });

  it('says so on the command line', async () => {
    const nb = await baseNotebook();
    await nb.call('deleteSource', { id: nb.ids.harbour });
    await nb.close();
    const file = join(nb.dir, '..', `harbour-${Date.now()}.md`);
    writeFileSync(file, HARBOUR);
    const r = await cli(nb.dir, ['import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^restored from the Trash {2}\S+ {2}Harbour.* \(with its 2 quotes\)$/m);
  });
});

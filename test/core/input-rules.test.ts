/**
 * Input rules enforced where records are made, never where they are read: a date
 * must exist on the calendar and a tag may not hold control characters or invisible
 * and direction-changing marks — while a notebook written before these rules, holding
 * such a date or tag, still opens, and its tag can still be kept, renamed or merged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { isCalendarDate } from '../../shared/model/records.ts';
import { normalizeTagName } from '../../shared/model/tags.ts';
import { openService, tempDir } from '../support/notebook.ts';

describe('calendar dates', () => {
  it('accepts years, months and days that exist, leap days included, and nothing else', () => {
    for (const d of ['2021', '2021-02', '2021-02-28', '2024-02-29', '2000-02-29', '1999-12-31']) expect(isCalendarDate(d), d).toBe(true);
    for (const d of ['2021-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '2021-13', '2021-00', '2021-01-00', '2021-1-5', '10000', '21-01-01']) expect(isCalendarDate(d), d).toBe(false);
  });

  it('refuses an impossible date in an edit with a reason, and opens a notebook that already holds one', async () => {
    const dir = tempDir('nb-dates-');
    const nb = await openService(dir);
    const { source } = await nb.call('importText', { text: 'The pier reopened in spring.', title: 'Pier' });
    const bad = await dispatch(nb.service, 'updateSource', { id: source.id, patch: { published: '2021-02-30' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('no such date') } });
    await nb.call('updateSource', { id: source.id, patch: { published: '2024-02-29' } });
    await nb.close();
    // Written before the rule existed (by hand here): the notebook still opens and the date can be corrected.
    const shard = join(dir, 'sources', `${source.id}.json`);
    writeFileSync(shard, readFileSync(shard, 'utf8').replace('"2024-02-29"', '"2021-02-30"'));
    const again = await openService(dir);
    expect((await again.call('getSource', { id: source.id })).published).toBe('2021-02-30');
    expect((await again.call('updateSource', { id: source.id, patch: { published: '2021-02-28' } })).published).toBe('2021-02-28');
    await again.close();
  });
});

describe('tag characters', () => {
  it('refuses C0 and C1 controls, zero-width and direction-changing marks, shown as whitespace otherwise', () => {
    for (const t of ['energy\u0007', 'energy\u0085', 'ener\u200bgy', 'energy\u200f', 'energy\u202e', 'energy\u2066x']) {
      expect(normalizeTagName(t).ok, JSON.stringify(t)).toBe(false);
    }
    expect(normalizeTagName('énergie/hash-rate')).toEqual({ ok: true, name: 'énergie/hash-rate' });
    // Whitespace of any kind (a line separator too) is spacing, and a leading BOM is trimmed like spaces.
    expect(normalizeTagName('line\u2028break')).toEqual({ ok: true, name: 'line break' });
    expect(normalizeTagName('\ufeffenergy')).toEqual({ ok: true, name: 'energy' });
    expect(normalizeTagName('ener\ufeffgy')).toEqual({ ok: true, name: 'ener gy' });
  });

  it('keeps, renames and recolors a tag that an older notebook already holds with such a mark', async () => {
    const dir = tempDir('nb-tags-');
    const nb = await openService(dir);
    const { source } = await nb.call('importText', { text: 'The pier reopened in spring.', title: 'Pier' });
    const quote = await nb.call('createQuote', { sourceId: source.id, exact: 'reopened', tags: ['ports'] });
    await nb.close();
    // An invisible mark pasted into a tag before the rule existed.
    for (const f of ['tags.json', join('sources', `${source.id}.json`)]) writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replaceAll('"ports"', '"po\\u200brts"'));
    const again = await openService(dir);
    const old = 'po\u200brts';
    expect((await again.call('listTags', {})).map((t: { tag: { name: string } }) => t.tag.name)).toEqual([old]);
    // Adding a tag sends the whole list, old tag included: allowed. A new tag with the mark is not.
    await again.call('updateQuote', { id: quote.id, patch: { tags: [old, 'harbour'] } });
    const refused = await dispatch(again.service, 'updateQuote', { id: quote.id, patch: { tags: ['new\u200btag'] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await again.call('setTagColor', { name: old, color: '#336699' });
    await again.call('renameTag', { from: old, to: 'ports' });
    expect((await again.call('getSource', { id: source.id })) && again.store.memory.getQuote(quote.id)!.tags.sort()).toEqual(['harbour', 'ports']);
    await again.close();
  });
});
